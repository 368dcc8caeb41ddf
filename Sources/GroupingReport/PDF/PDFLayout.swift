/// A flow layout of the report onto pages: a cursor moves down the page, blocks that do not
/// fit move to the next page, text and tables split between lines and rows, and table
/// headers repeat on every page a table spans.
///
/// The result is a list of placed elements per page; `PDFPainter` draws them. Because the
/// whole document is laid out before anything is drawn, the page count is known for the
/// "Page n of N" footer.
struct PDFLayout {
    let pageWidth: Double
    let pageHeight: Double
    let measurer: TextMeasurer

    private(set) var elements: [PDFPlacedElement] = []
    private(set) var sectionMarks: [PDFSectionMark] = []
    private(set) var pageCount = 1
    /// The contents page's page numbers, written once the sections are laid out.
    private var contentsSlots: [ContentsSlot] = []
    /// The cursor: top of the next element on the current page.
    var y: Double

    var top: Double { PDFStyle.margin + PDFStyle.headerHeight }
    var bottom: Double { pageHeight - PDFStyle.margin - PDFStyle.footerHeight }
    var left: Double { PDFStyle.margin }
    var contentWidth: Double { pageWidth - 2 * PDFStyle.margin }
    /// Height available on an empty page.
    var bodyHeight: Double { bottom - top }
    var remaining: Double { bottom - y }
    var currentPage: Int { pageCount - 1 }
    private var pageIsEmpty: Bool { y <= top + 0.001 }

    init(pageWidth: Double, pageHeight: Double, measurer: TextMeasurer) {
        self.pageWidth = pageWidth
        self.pageHeight = pageHeight
        self.measurer = measurer
        self.y = PDFStyle.margin + PDFStyle.headerHeight
    }

    /// Lays out a whole document: the first section (the executive summary) on page 1, the
    /// contents on page 2, then the rest. One pass: the contents page is a page of its own
    /// whose lines do not depend on the page numbers (their column has a fixed width), so the
    /// numbers and links are filled in once every section has its page (`fillContents`).
    static func layout(_ document: ReportDocument, pageWidth: Double, pageHeight: Double, measurer: TextMeasurer)
        -> PDFLayout
    {
        var layout = PDFLayout(pageWidth: pageWidth, pageHeight: pageHeight, measurer: measurer)
        layout.titleBlock(title: document.title, scope: document.scopeLine, subtitle: document.subtitle)
        let numbers = document.sectionNumbers
        for (index, section) in document.sections.enumerated() {
            layout.section(section, number: numbers[index], startsPage: index > 0 && section.startsOnNewPage)
            if index == 0 && document.sections.count > 1 {
                layout.contentsPage(document.contents)
            }
        }
        layout.fillContents()
        return layout
    }

    /// The contents on a page of its own: one line per section (number, title, page),
    /// each a link to the section's heading; appendices after a small heading.
    mutating func contentsPage(_ entries: [ContentsEntry]) {
        newPage()
        sectionMarks.append(PDFSectionMark(id: "contents", title: "Contents", page: currentPage, y: y))
        let heading = "Contents"
        let lines = TextWrapping.lines(heading, font: PDFStyle.sectionHeading, width: contentWidth, measurer: measurer)
        place(
            .text(lines: lines, font: PDFStyle.sectionHeading, color: PDFStyle.accent), x: left, y: y,
            width: contentWidth, height: PDFStyle.sectionHeading.lineHeight, role: .heading)
        y += PDFStyle.sectionHeading.lineHeight + 2
        place(.rule(color: PDFStyle.line, width: 0.8), x: left, y: y, width: contentWidth, height: 1, role: .decoration)
        gap(10)
        let font = PDFStyle.body
        let rowHeight = font.lineHeight + 5
        // Room for a four-digit page number, whatever the numbers turn out to be.
        let pageColumn = measurer.width("8888", font: font)
        var inAppendices = false
        for entry in entries {
            if entry.appendix && !inAppendices {
                inAppendices = true
                gap(6)
                text("Appendices", font: PDFStyle.subheading, role: .heading, after: 4)
            }
            let numberWidth = 28.0
            let titleWidth = contentWidth - numberWidth - pageColumn - 16
            let title = TextWrapping.lines(entry.title, font: font, width: titleWidth, measurer: measurer).first ?? ""
            place(
                .text(lines: [entry.number], font: font, color: PDFStyle.muted), x: left, y: y, width: numberWidth,
                height: font.lineHeight, role: .contentsEntry(id: entry.id))
            place(
                .text(lines: [title], font: font, color: PDFStyle.accent), x: left + numberWidth, y: y,
                width: titleWidth, height: font.lineHeight, role: .contentsEntry(id: entry.id))
            contentsSlots.append(ContentsSlot(id: entry.id, element: elements.count, page: currentPage, y: y))
            place(
                .text(lines: ["–"], font: font, color: PDFStyle.ink), x: left + contentWidth - pageColumn, y: y,
                width: pageColumn, height: font.lineHeight, role: .contentsEntry(id: entry.id))
            place(
                .rule(color: PDFStyle.line, width: 0.3), x: left, y: y + font.lineHeight + 2, width: contentWidth,
                height: 1, role: .decoration)
            y += rowHeight
        }
        newPage()
    }

    /// A contents line's page number, filled in by `fillContents`.
    struct ContentsSlot {
        var id: String
        /// Index in `elements` of the placeholder page number.
        var element: Int
        var page: Int
        var y: Double
    }

    /// Writes each contents line's page number (right-aligned) and its link, now that every
    /// section has its page. A section that has no mark keeps "–" and no link.
    mutating func fillContents() {
        var targets: [String: PDFSectionMark] = [:]
        for mark in sectionMarks where targets[mark.id] == nil { targets[mark.id] = mark }
        let font = PDFStyle.body
        for slot in contentsSlots {
            guard let target = targets[slot.id] else { continue }
            let pageText = String(target.page + 1)
            let width = measurer.width(pageText, font: font)
            assert(elements[slot.element].role == .contentsEntry(id: slot.id), "a contents slot points at its line")
            elements[slot.element].kind = .text(lines: [pageText], font: font, color: PDFStyle.ink)
            elements[slot.element].x = left + contentWidth - width
            elements[slot.element].width = width
            elements.append(
                PDFPlacedElement(
                    page: slot.page, x: left, y: slot.y, width: contentWidth, height: font.lineHeight,
                    kind: .link(page: target.page, y: target.y), role: .contentsEntry(id: slot.id)))
        }
    }

    // MARK: - Cursor and pages

    mutating func newPage() {
        pageCount += 1
        y = top
    }

    /// Moves to a new page unless `height` fits below the cursor (or the page is still empty).
    mutating func ensure(_ height: Double) {
        if height > remaining + 1e-6 && !pageIsEmpty { newPage() }
    }

    mutating func place(
        _ kind: PDFPlacedKind, x: Double, y: Double, width: Double, height: Double, role: PDFElementRole
    ) {
        elements.append(
            PDFPlacedElement(page: currentPage, x: x, y: y, width: width, height: height, kind: kind, role: role))
    }

    mutating func gap(_ points: Double) {
        y = min(y + points, bottom)
    }

    // MARK: - Text

    /// Places wrapped text at the cursor, splitting it between lines across pages.
    mutating func text(
        _ text: String, font: PDFFont, color: PDFColor = PDFStyle.ink, indent: Double = 0,
        role: PDFElementRole, after: Double = PDFStyle.blockGap
    ) {
        let width = contentWidth - indent
        var lines = TextWrapping.lines(InlineMarkup.plain(text), font: font, width: width, measurer: measurer)
        while !lines.isEmpty {
            var fit = Int((remaining + 1e-6) / font.lineHeight)
            if fit < 1 {
                newPage()
                fit = max(1, Int(remaining / font.lineHeight))
            }
            let chunk = Array(lines.prefix(fit))
            lines.removeFirst(chunk.count)
            let height = Double(chunk.count) * font.lineHeight
            place(
                .text(lines: chunk, font: font, color: color), x: left + indent, y: y, width: width, height: height,
                role: role)
            y += height
        }
        gap(after)
    }

    // MARK: - Title and sections

    mutating func titleBlock(title: String, scope: String, subtitle: String) {
        text(title, font: PDFStyle.title, role: .title, after: 3)
        text(scope, font: PDFStyle.body, role: .title, after: 1)
        text(subtitle, font: PDFStyle.subtitle, color: PDFStyle.muted, role: .title, after: 6)
        place(.rule(color: PDFStyle.accent, width: 2), x: left, y: y, width: contentWidth, height: 2, role: .decoration)
        gap(14)
    }

    mutating func section(_ section: ReportSection, number: String, startsPage: Bool) {
        if startsPage && !pageIsEmpty { newPage() }
        let heading = "\(number) \(section.title)"
        let lines = TextWrapping.lines(heading, font: PDFStyle.sectionHeading, width: contentWidth, measurer: measurer)
        let height = Double(lines.count) * PDFStyle.sectionHeading.lineHeight
        ensure(height + 60)
        sectionMarks.append(PDFSectionMark(id: section.id, title: heading, page: currentPage, y: y))
        place(
            .text(lines: lines, font: PDFStyle.sectionHeading, color: PDFStyle.accent), x: left, y: y,
            width: contentWidth, height: height, role: .sectionHeading(id: section.id))
        y += height + 2
        place(.rule(color: PDFStyle.line, width: 0.8), x: left, y: y, width: contentWidth, height: 1, role: .decoration)
        gap(6)
        if !section.lead.isEmpty {
            text(section.lead, font: PDFStyle.lead, color: PDFStyle.muted, role: .paragraph, after: 10)
        }
        for (index, block) in section.blocks.enumerated() {
            if case .heading(let title) = block {
                let next = index + 1 < section.blocks.count ? section.blocks[index + 1] : nil
                self.heading(title, keepingWith: next)
            } else {
                self.block(block)
            }
        }
    }

    /// A sub-heading, moved to the next page with what follows it unless the start of that
    /// fits below it: a chart at no less than the 85% it may shrink to, all of a short text
    /// (bullets or a paragraph), else 110 points.
    mutating func heading(_ title: String, keepingWith next: ReportBlock?) {
        let lines = TextWrapping.lines(title, font: PDFStyle.subheading, width: contentWidth, measurer: measurer)
        var following = 110.0
        switch next {
        case .chart(let chart)?:
            following = chartSize(chart).height * 0.85 + 4 + 3 * PDFStyle.caption.lineHeight
        case .bullets(let items)?:
            following = min(following, textHeight(items, indent: 12, after: 2))
        case .paragraph(let text)?:
            following = min(following, textHeight([text], indent: 0, after: 0))
        default:
            break
        }
        gap(4)
        ensure(Double(lines.count) * PDFStyle.subheading.lineHeight + 4 + following)
        text(title, font: PDFStyle.subheading, role: .heading, after: 4)
    }

    /// The height body-text items take: their wrapped lines and `after` points below each.
    func textHeight(_ items: [String], indent: Double, after: Double) -> Double {
        items.reduce(0) { height, item in
            let lines = TextWrapping.lines(
                InlineMarkup.plain(item), font: PDFStyle.body, width: contentWidth - indent, measurer: measurer)
            return height + Double(lines.count) * PDFStyle.body.lineHeight + after
        }
    }

    mutating func block(_ block: ReportBlock) {
        switch block {
        case .heading(let title):
            heading(title, keepingWith: nil)
        case .paragraph(let text):
            self.text(text, font: PDFStyle.body, role: .paragraph)
        case .notice(let kind, let text):
            notice(
                text, bar: kind == .warning ? PDFStyle.colors(.caution).text : PDFStyle.accent,
                fill: kind == .warning ? PDFStyle.colors(.caution).fill : PDFStyle.soft)
        case .bullets(let items):
            for item in items { bullet(item) }
            gap(PDFStyle.blockGap - 2)
        case .recommendation(let view):
            recommendation(view)
        case .keyValues(let pairs):
            keyValues(pairs)
        case .table(let table):
            self.table(table)
        case .chart(let chart):
            self.chart(chart)
        }
    }

    // MARK: - Boxes, bullets, facts

    /// A tinted box with a coloured bar and wrapped text; kept on one page when it fits one.
    mutating func notice(_ text: String, bar: PDFColor, fill: PDFColor) {
        let padding = 6.0
        let font = PDFStyle.body
        let lines = TextWrapping.lines(
            InlineMarkup.plain(text), font: font, width: contentWidth - 2 * padding - 3, measurer: measurer)
        let height = Double(lines.count) * font.lineHeight + 2 * padding
        guard height <= bodyHeight else {
            self.text(text, font: font, role: .notice)
            return
        }
        ensure(height)
        place(.box(fill: fill, bar: bar), x: left, y: y, width: contentWidth, height: height, role: .decoration)
        place(
            .text(lines: lines, font: font, color: PDFStyle.ink), x: left + padding + 3, y: y + padding,
            width: contentWidth - 2 * padding - 3, height: height - 2 * padding, role: .notice)
        y += height
        gap(PDFStyle.blockGap)
    }

    mutating func bullet(_ item: String) {
        let indent = 12.0
        let font = PDFStyle.body
        let lines = TextWrapping.lines(
            InlineMarkup.plain(item), font: font, width: contentWidth - indent, measurer: measurer)
        ensure(font.lineHeight)
        place(
            .text(lines: ["•"], font: font, color: PDFStyle.muted), x: left + 2, y: y, width: indent,
            height: font.lineHeight, role: .decoration)
        text(lines.joined(separator: "\n"), font: font, indent: indent, role: .bullet, after: 2)
    }

    mutating func recommendation(_ view: RecommendationView) {
        let padding = 10.0
        let innerWidth = contentWidth - 2 * padding - 4
        let headline = TextWrapping.lines(view.headline, font: PDFStyle.headline, width: innerWidth, measurer: measurer)
        let reasons = view.reasons.map {
            TextWrapping.lines(
                "• " + InlineMarkup.plain($0), font: PDFStyle.body, width: innerWidth, measurer: measurer)
        }
        let badgeHeight = 14.0
        let reasonLines = reasons.reduce(0) { $0 + $1.count }
        let height =
            padding + badgeHeight + 4 + Double(headline.count) * PDFStyle.headline.lineHeight + 4
            + Double(reasonLines) * PDFStyle.body.lineHeight + padding
        guard height <= bodyHeight else {
            text(view.headline, font: PDFStyle.headline, role: .recommendation)
            for reason in view.reasons { bullet(reason) }
            return
        }
        ensure(height)
        let colors = PDFStyle.colors(view.badge.tone)
        place(
            .box(fill: PDFColor(hex: 0xffffff), bar: colors.text), x: left, y: y, width: contentWidth, height: height,
            role: .decoration)
        var cursor = y + padding
        let x = left + padding + 4
        let badgeWidth = measurer.width(view.badge.text, font: PDFStyle.tableHeader) + 12
        place(
            .badge(text: view.badge.text, tone: view.badge.tone, font: PDFStyle.tableHeader), x: x, y: cursor,
            width: badgeWidth, height: badgeHeight, role: .recommendation)
        cursor += badgeHeight + 4
        place(
            .text(lines: headline, font: PDFStyle.headline, color: PDFStyle.ink), x: x, y: cursor, width: innerWidth,
            height: Double(headline.count) * PDFStyle.headline.lineHeight, role: .recommendation)
        cursor += Double(headline.count) * PDFStyle.headline.lineHeight + 4
        for lines in reasons {
            place(
                .text(lines: lines, font: PDFStyle.body, color: PDFStyle.ink), x: x, y: cursor, width: innerWidth,
                height: Double(lines.count) * PDFStyle.body.lineHeight, role: .recommendation)
            cursor += Double(lines.count) * PDFStyle.body.lineHeight
        }
        y += height
        gap(PDFStyle.blockGap + 4)
    }

    mutating func keyValues(_ pairs: [KeyValue]) {
        let keyWidth = min(contentWidth * 0.34, 170)
        let valueWidth = contentWidth - keyWidth - 8
        let font = PDFStyle.body
        for pair in pairs {
            let keyLines = TextWrapping.lines(pair.key, font: font, width: keyWidth, measurer: measurer)
            let valueLines = TextWrapping.lines(
                InlineMarkup.plain(pair.value), font: font, width: valueWidth, measurer: measurer)
            let height = Double(max(keyLines.count, valueLines.count)) * font.lineHeight
            ensure(height)
            place(
                .text(lines: keyLines, font: font, color: PDFStyle.muted), x: left, y: y, width: keyWidth,
                height: Double(keyLines.count) * font.lineHeight, role: .keyValue)
            place(
                .text(lines: valueLines, font: font, color: PDFStyle.ink), x: left + keyWidth + 8, y: y,
                width: valueWidth, height: Double(valueLines.count) * font.lineHeight, role: .keyValue)
            y += height + 1.5
        }
        gap(PDFStyle.blockGap)
    }

    // MARK: - Charts

    /// Places a chart at 90% of the line width (smaller if it would be taller than 45% of the
    /// page, 85% for a tall chart, or down to 85% of its size when that makes it fit the rest
    /// of the page),
    /// keeping its aspect ratio, with its caption below; both move to the next page together.
    /// A chart's size before it is fitted to the space left on the page: 90% of the width at
    /// its aspect ratio, at most 85% of a page tall (many groups, one row each) or 45% for a
    /// wide one, so that two share a page.
    func chartSize(_ chart: ReportChart) -> (aspect: Double, width: Double, height: Double) {
        let aspect = chart.aspectRatio > 0 && chart.aspectRatio.isFinite ? chart.aspectRatio : 1.6
        let width = contentWidth * 0.9
        let maxHeight = bodyHeight * (aspect < 1.1 ? 0.85 : 0.45)
        return width / aspect > maxHeight ? (aspect, maxHeight * aspect, maxHeight) : (aspect, width, width / aspect)
    }

    mutating func chart(_ chart: ReportChart) {
        let size = chartSize(chart)
        let aspect = size.aspect
        var width = size.width
        var height = size.height
        let captionLines = TextWrapping.lines(
            InlineMarkup.plain(chart.numberedCaption), font: PDFStyle.caption, width: contentWidth, measurer: measurer)
        let captionHeight = Double(captionLines.count) * PDFStyle.caption.lineHeight
        // Rather than leave a large gap, shrink the chart (to no less than 70%) to fit the page.
        let available = remaining - 4 - captionHeight - 1
        if height > available, available >= height * 0.85 {
            height = available
            width = height * aspect
        }
        ensure(height + 4 + captionHeight)
        place(
            .chart(chart), x: left + (contentWidth - width) / 2, y: y, width: width, height: height,
            role: .chart(id: chart.id))
        y += height + 4
        if captionHeight <= remaining + 1e-6 {
            place(
                .text(lines: captionLines, font: PDFStyle.caption, color: PDFStyle.muted), x: left, y: y,
                width: contentWidth, height: captionHeight, role: .chartCaption(id: chart.id))
            y += captionHeight
            gap(PDFStyle.blockGap + 4)
        } else {
            text(
                chart.caption, font: PDFStyle.caption, color: PDFStyle.muted, role: .chartCaption(id: chart.id),
                after: PDFStyle.blockGap + 4)
        }
    }
}
