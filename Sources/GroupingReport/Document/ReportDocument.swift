import GroupingNumerics
import GroupingCore

/// The report as both renderers see it: a title block and sections of blocks in the order a
/// stakeholder reads them, every number already formatted.
///
/// Building it computes no statistics: it selects, orders, formats and explains what
/// `Results` holds, and places the charts it is handed.
public struct ReportDocument: Sendable {
    public var title: String
    /// "Generated 2026-11-25 01:05 UTC · grouping-report 0.1.0 · seed 42".
    public var subtitle: String
    /// What was analysed, in one line: "1,187 of 1,240 creators analysed · 4 candidate
    /// groupings · outcome (revenue_post - revenue_pre) / revenue_pre".
    public var scopeLine: String
    /// True when the run had no ITEs: the report covers Phases 1 to 3 only.
    public var isExplorationOnly: Bool
    public var sections: [ReportSection]
    public var context: ReportContext

    /// Builds the document from a run's results and charts.
    /// - Parameters:
    ///   - results: Everything the run computed.
    ///   - charts: The charts to place; each goes where its `section` says, charts for
    ///     sections the report does not show are left out.
    ///   - context: The run's date, tool version, seed, paper and timings.
    public init(results: Results, charts: [ReportChart], context: ReportContext) {
        let builder = ReportBuilder(results: results, charts: charts, context: context)
        self.title = results.title.isEmpty ? "Grouping selection report" : results.title
        self.subtitle =
            "Generated \(context.generatedAtText) · grouping-report \(context.toolVersion) · seed \(context.seed)"
        self.scopeLine = builder.scopeLine
        self.isExplorationOnly = builder.isExplorationOnly
        self.context = context
        // The main part: the decision, the evidence for the recommended grouping and its
        // closest rival, the checks and the pitfalls. The appendices: every phase's detail,
        // the other candidates, the methods.
        var sections = [
            builder.executiveSummarySection(),
            builder.summarySection(),
            builder.candidatesSection(),
            builder.phase4Section(),
            builder.phase5Section(),
            builder.pitfallsSection(),
        ]
        var appendices = [builder.phase1Section(), builder.phase2Section(), builder.phase3Section()]
        if let others = builder.otherCandidatesSection() { appendices.append(others) }
        appendices.append(builder.methodsSection())
        for index in appendices.indices {
            appendices[index].appendix = true
            appendices[index].startsOnNewPage = true
        }
        sections += appendices
        // With config `production:` the report opens with the production check, and the
        // comparison with the previous snapshot follows the executive summary and the recommendation.
        if let previous = builder.previousSnapshotSection() { sections.insert(previous, at: 2) }
        if let production = builder.productionSection() { sections.insert(production, at: 0) }
        self.sections = Self.numberingFiguresAndTables(sections)
    }

    /// "1.", "2.", … for the main sections and "A.", "B.", … for the appendices.
    public var sectionNumbers: [String] { Self.numbers(of: sections) }

    static func numbers(of sections: [ReportSection]) -> [String] {
        var main = 0
        var appendix = 0
        return sections.map { section in
            if section.appendix {
                appendix += 1
                return String(UnicodeScalar(UInt8(64 + min(appendix, 26)))) + "."
            }
            main += 1
            return "\(main)."
        }
    }

    /// The contents: every section's number, title and anchor, in order.
    public var contents: [ContentsEntry] {
        zip(sections, sectionNumbers).map { section, number in
            ContentsEntry(id: section.id, number: number, title: section.title, appendix: section.appendix)
        }
    }

    /// Numbers the charts ("Figure n") and tables ("Table n") in reading order, and replaces
    /// the references `⟦figure:ID⟧`, `⟦table:ID⟧` and `⟦section:ID⟧` ("Section 4",
    /// "Appendix D") in the text with them.
    static func numberingFiguresAndTables(_ sections: [ReportSection]) -> [ReportSection] {
        var figures: [String: Int] = [:]
        var tables: [String: Int] = [:]
        var sectionNames: [String: String] = [:]
        for (section, number) in zip(sections, numbers(of: sections)) {
            sectionNames[section.id] = (section.appendix ? "Appendix " : "Section ") + number.dropLast()
        }
        var sections = sections
        for s in sections.indices {
            for b in sections[s].blocks.indices {
                switch sections[s].blocks[b] {
                case .chart(var chart):
                    chart.number = figures.count + 1
                    figures[chart.id] = chart.number
                    sections[s].blocks[b] = .chart(chart)
                case .table(var table):
                    table.number = tables.count + 1
                    if tables[table.id] == nil { tables[table.id] = table.number }
                    sections[s].blocks[b] = .table(table)
                default: break
                }
            }
        }
        func resolve(_ text: String) -> String {
            guard text.contains("⟦") else { return text }
            var out = text
            for (id, number) in figures { out = out.replacingOccurrences(of: "⟦figure:\(id)⟧", with: "Figure \(number)") }
            for (id, number) in tables { out = out.replacingOccurrences(of: "⟦table:\(id)⟧", with: "Table \(number)") }
            for (id, name) in sectionNames { out = out.replacingOccurrences(of: "⟦section:\(id)⟧", with: name) }
            // A reference to something this run did not produce reads as nothing.
            while let open = out.range(of: "⟦"), let close = out.range(of: "⟧", range: open.upperBound..<out.endIndex) {
                out.replaceSubrange(open.lowerBound..<close.upperBound, with: "")
            }
            return out
        }
        for s in sections.indices {
            sections[s].lead = resolve(sections[s].lead)
            for b in sections[s].blocks.indices {
                switch sections[s].blocks[b] {
                case .paragraph(let text): sections[s].blocks[b] = .paragraph(resolve(text))
                case .notice(let kind, let text): sections[s].blocks[b] = .notice(kind, resolve(text))
                case .bullets(let items): sections[s].blocks[b] = .bullets(items.map(resolve))
                case .chart(var chart):
                    chart.caption = resolve(chart.caption)
                    sections[s].blocks[b] = .chart(chart)
                case .table(var table):
                    table.caption = resolve(table.caption)
                    sections[s].blocks[b] = .table(table)
                default: break
                }
            }
        }
        return sections
    }
}

/// One line of the contents.
public struct ContentsEntry: Sendable, Equatable {
    public var id: String
    public var number: String
    public var title: String
    public var appendix: Bool
}

/// Builds the sections of a `ReportDocument`; one file per section extends it.
struct ReportBuilder {
    let results: Results
    let charts: [ReportChart]
    let context: ReportContext

    var thresholds: Thresholds { results.thresholds }

    /// No candidate has a model result and there is no comparison: the run had no ITEs.
    var isExplorationOnly: Bool {
        results.comparison.isEmpty && results.candidates.allSatisfy { $0.hbm == nil }
    }

    var scopeLine: String {
        let input = results.input
        var parts = [
            "\(NumberFormatting.integer(input.matched)) of \(NumberFormatting.integer(input.creators)) creators analysed"
        ]
        let count = results.candidates.count
        parts.append("\(count) candidate grouping\(count == 1 ? "" : "s")")
        parts.append("outcome \(results.outcome.description)")
        if isExplorationOnly { parts.append("no ITEs: exploration only") }
        return parts.joined(separator: " · ")
    }

    /// Candidates in LOO rank order when there is a comparison, the rest after in run order.
    var orderedCandidates: [CandidateResult] {
        let rank = Dictionary(results.comparison.map { ($0.name, $0.rank) }, uniquingKeysWith: min)
        return results.candidates.enumerated().sorted { a, b in
            let ra = rank[a.element.name] ?? Int.max
            let rb = rank[b.element.name] ?? Int.max
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
    }

    /// The candidates the main part shows in full: the recommended grouping, or without one
    /// the best by LOO. The comparison shows every candidate and the ungrouped baseline; the
    /// appendix holds the others' group effects and shrinkage.
    var focusCandidateNames: Set<String> {
        let fitted = fittedCandidates.map(\.candidate.name)
        if let grouping = results.recommendation?.grouping, fitted.contains(grouping) { return [grouping] }
        return Set(fitted.prefix(1))
    }

    /// Candidates whose hierarchical model was fitted.
    var fittedCandidates: [(candidate: CandidateResult, hbm: HBMResult)] {
        orderedCandidates.compactMap { candidate in
            guard let hbm = candidate.hbm, hbm.skipped == nil else { return nil }
            return (candidate, hbm)
        }
    }

    /// The charts for one place in the report, as blocks.
    /// The chart's own caption says what it shows; the playbook's reading guidance for its
    /// kind is appended unless the caption already carries it.
    func chartBlocks(_ section: ChartSection) -> [ReportBlock] {
        charts.filter { $0.section == section }.map { chart in
            var chart = chart
            let guidance = PlaybookGuidance.chart(section)
            if !guidance.isEmpty, !chart.caption.contains(guidance) {
                chart.caption = chart.caption.isEmpty ? guidance : chart.caption + " " + guidance
            }
            return .chart(chart)
        }
    }

    /// What Phases 4 and 5 say when the run had no ITEs.
    var missingITEsNotice: ReportBlock {
        .notice(
            .warning,
            "This run had no individual treatment effects (ITEs), so there is no hierarchical model to compare or check. Add `data.ites` (a file with effect_hat and se per creator) or `data.panel` to the config to get Phases 4 and 5, the LOO comparison and the remaining checklist items."
        )
    }
}
