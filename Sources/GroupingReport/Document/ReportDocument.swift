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
        self.sections = [
            builder.executiveSummarySection(),
            builder.summarySection(),
            builder.candidatesSection(),
            builder.phase1Section(),
            builder.phase2Section(),
            builder.phase3Section(),
            builder.phase4Section(),
            builder.phase5Section(),
            builder.pitfallsSection(),
            builder.methodsSection(),
        ]
        // With config `production:` the report opens with the production check, and the
        // comparison with the previous snapshot follows the executive summary and the recommendation.
        if let previous = builder.previousSnapshotSection() { sections.insert(previous, at: 2) }
        if let production = builder.productionSection() { sections.insert(production, at: 0) }
    }
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
