/// The report in the shape the Mustache templates read: plain structs of strings, Bools and
/// arrays. Text that the templates insert unescaped (`…HTML`, `svg`, `stylesheet`) is
/// escaped here (or trusted, for charts and the stylesheet); everything else the template
/// escapes itself.
struct HTMLPage {
    var title: String
    var subtitle: String
    var scopeLine: String
    var toolVersion: String
    var stylesheet: String
    var sections: [HTMLSection]

    init(document: ReportDocument, stylesheet: String) {
        title = document.title
        subtitle = document.subtitle
        scopeLine = document.scopeLine
        toolVersion = document.context.toolVersion
        self.stylesheet = stylesheet
        sections = zip(document.sections, document.sectionNumbers).map { section, number in
            HTMLSection(section, number: number)
        }
    }
}

struct HTMLSection {
    var id: String
    var number: String
    var title: String
    var leadHTML: String
    /// The first block, printed on the same page as the section's heading.
    var openingBlocks: [HTMLBlock]
    var blocks: [HTMLBlock]
    /// Extra class for sections that continue on the same printed page.
    var printClass: String
    /// The first appendix opens the contents' "Appendices" list.
    var appendix: Bool

    init(_ section: ReportSection, number: String) {
        id = section.id
        self.number = number
        appendix = section.appendix
        title = section.title
        leadHTML = InlineMarkup.html(section.lead)
        let grouped = HTMLBlock.keepingHeadingsWithNext(section.blocks.map(HTMLBlock.init))
        openingBlocks = Array(grouped.prefix(1))
        blocks = Array(grouped.dropFirst())
        printClass = section.startsOnNewPage ? "" : " continues"
    }
}

/// One block; exactly one of the optionals is set, and the template tests each with a
/// leading dot (`{{#.table}}`) so that a nil never falls through to an enclosing context.
struct HTMLBlock {
    var heading: String?
    var paragraphHTML: String?
    var notice: HTMLNotice?
    /// A list is an object, not an array: a Mustache section over an array repeats its body,
    /// so `{{#.bullets}}<ul>…</ul>{{/.bullets}}` writes one `<ul>` and `{{#itemsHTML}}` the items.
    var bullets: HTMLBulletList?
    var recommendation: HTMLRecommendation?
    var facts: HTMLFactList?
    var table: HTMLTable?
    var chart: HTMLChart?
    /// A heading and the block after it, which print on the same page.
    var keepTogether: HTMLBlockGroup?

    private init() {}

    /// Pairs every heading with the block that follows it (browsers do not reliably honour
    /// `break-after: avoid`, but they do keep a `break-inside: avoid` box on one page).
    static func keepingHeadingsWithNext(_ blocks: [HTMLBlock]) -> [HTMLBlock] {
        var result: [HTMLBlock] = []
        var index = 0
        while index < blocks.count {
            if blocks[index].heading != nil, index + 1 < blocks.count {
                var pair = HTMLBlock()
                pair.keepTogether = HTMLBlockGroup(blocks: [blocks[index], blocks[index + 1]])
                result.append(pair)
                index += 2
            } else {
                result.append(blocks[index])
                index += 1
            }
        }
        return result
    }

    init(_ block: ReportBlock) {
        switch block {
        case .heading(let text): heading = text
        case .paragraph(let text): paragraphHTML = InlineMarkup.html(text)
        case .notice(let kind, let text): notice = HTMLNotice(kind: kind.rawValue, textHTML: InlineMarkup.html(text))
        case .bullets(let items): bullets = HTMLBulletList(itemsHTML: items.map(InlineMarkup.html))
        case .recommendation(let view): recommendation = HTMLRecommendation(view)
        case .keyValues(let pairs):
            facts = HTMLFactList(
                items: pairs.map { HTMLKeyValue(key: $0.key, valueHTML: InlineMarkup.html($0.value)) })
        case .table(let table): self.table = HTMLTable(table)
        case .chart(let chart):
            self.chart = HTMLChart(
                id: chart.id, svg: chart.svg,
                captionHTML: InlineMarkup.html(chart.numberedCaption))
        }
    }
}

/// Blocks that print on one page (a struct, not an array, so that the template renders
/// one wrapper around all of them rather than one per block).
struct HTMLBlockGroup {
    var blocks: [HTMLBlock]
}

struct HTMLNotice {
    var kind: String
    var textHTML: String
}

struct HTMLRecommendation {
    var headline: String
    var badge: String
    var tone: String
    var reasonsHTML: [String]

    init(_ view: RecommendationView) {
        headline = view.headline
        badge = view.badge.text
        tone = view.badge.tone.rawValue
        reasonsHTML = view.reasons.map(InlineMarkup.html)
    }
}

struct HTMLBulletList {
    var itemsHTML: [String]
}

struct HTMLFactList {
    var items: [HTMLKeyValue]
}

struct HTMLKeyValue {
    var key: String
    var valueHTML: String
}

struct HTMLTable {
    var id: String
    var title: String
    var captionHTML: String
    var columns: [HTMLColumn]
    var rows: [HTMLRow]
    var columnCount: Int
    var emptyText: String
    /// `narrow`, `medium` or `wide`: on a phone wider tables keep a minimum width and scroll
    /// sideways instead of squeezing their columns.
    var widthClass: String

    init(_ table: ReportTable) {
        id = table.id
        title = table.numberedTitle
        captionHTML = InlineMarkup.html(table.caption)
        columns = table.columns.map { HTMLColumn(title: $0.title, numeric: $0.alignment == .trailing) }
        rows = table.rows.map { cells in
            HTMLRow(
                cells: cells.enumerated().map { index, cell in
                    let column = index < table.columns.count ? table.columns[index] : ReportColumn("")
                    let classes = [column.alignment == .trailing ? "num" : nil, column.isCode ? "mono" : nil].compactMap
                    { $0 }
                    return HTMLCell(
                        text: cell.text, emphasis: cell.emphasis, badgeTone: cell.badge?.tone.rawValue,
                        cssClass: classes.isEmpty ? nil : classes.joined(separator: " "))
                })
        }
        columnCount = max(1, table.columns.count)
        widthClass =
            Self.estimatedWidth(table) > 0.85 * Self.textColumnWidth
            ? "wide" : table.columns.count >= 3 ? "medium" : "narrow"
        emptyText = table.emptyText
    }
}

extension HTMLTable {
    /// The text column's width in CSS pixels (main's 1060 px less its padding): a table that
    /// may need more is `wide` and may use the width of a large screen. The estimate below runs
    /// up to 15% under Chromium's layout (bold headers, badges), hence the margin where it is used.
    static let textColumnWidth = 1_020.0

    /// A table's natural width in CSS pixels, roughly: per column its longest header or cell
    /// (text columns wrap, so they count at most 24 characters) at 7.5 px a character, plus
    /// the cell padding.
    static func estimatedWidth(_ table: ReportTable) -> Double {
        table.columns.indices.map { column in
            let wraps = table.columns[column].alignment != .trailing
            let longest = ([table.columns[column].title] + table.rows.map { column < $0.count ? $0[column].text : "" })
                .map { wraps ? min($0.count, 24) : $0.count }.max() ?? 0
            return Double(longest) * 7.5 + 24
        }.reduce(0, +)
    }
}

struct HTMLColumn {
    var title: String
    var numeric: Bool
}

struct HTMLRow {
    var cells: [HTMLCell]
}

struct HTMLCell {
    var text: String
    var emphasis: Bool
    var badgeTone: String?
    var cssClass: String?
}

struct HTMLChart {
    var id: String
    var svg: String
    var captionHTML: String
}
