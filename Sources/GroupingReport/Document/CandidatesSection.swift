import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Every candidate side by side: the Phase 1 and 3 statistics and the LOO comparison.
    func candidatesSection() -> ReportSection {
        let comparison = Dictionary(results.comparison.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let recommended = results.recommendation?.grouping
        let rows: [[ReportCell]] = orderedCandidates.map { candidate in
            let row = comparison[candidate.name]
            let skipped = candidate.hbm?.skipped
            return [
                ReportCell(candidate.name, emphasis: candidate.name == recommended),
                ReportCell(candidate.kind),
                ReportCell(NumberFormatting.integer(candidate.groups.count)),
                ReportCell(NumberFormatting.percent(points: candidate.qualityScore)),
                ReportBadge.quality(candidate.quality).map(ReportCell.badge) ?? ReportCell(NumberFormatting.missing),
                ReportCell(NumberFormatting.pValue(candidate.anova.p)),
                ReportCell(NumberFormatting.significant(candidate.etaSquared)),
                ReportCell(NumberFormatting.integer(candidate.sizes.min)),
                ReportCell(
                    row.map { NumberFormatting.fixed($0.elpdDiff, decimals: 1) }
                        ?? (skipped != nil ? "skipped" : NumberFormatting.missing)),
                ReportCell(row.map { NumberFormatting.fixed($0.dse, decimals: 1) } ?? NumberFormatting.missing),
                ReportCell(row.map { NumberFormatting.fixed($0.weight, decimals: 2) } ?? NumberFormatting.missing),
            ]
        }
        let table = ReportTable(
            id: "candidate-comparison", title: "Candidate groupings side by side",
            caption:
                "Quality score = between-group variance in percent of the total (poor < \(NumberFormatting.percent(points: thresholds.qualityPoor, decimals: 0)), good > \(NumberFormatting.percent(points: thresholds.qualityGood, decimals: 0))). ANOVA p below \(NumberFormatting.pValue(thresholds.anovaP)) and η² above \(NumberFormatting.significant(thresholds.etaSquared)) pass. elpd_diff is the best model's elpd minus this one's (0 for the best; ×2 gives LOO-IC points) and dse its standard error; a difference under about two dse is not decisive. Stacking weights sum to 1 over the fitted candidates. The recommended grouping is in bold.",
            columns: [
                ReportColumn("Candidate", weight: 1.6), ReportColumn("Kind", weight: 1.0),
                .number("Groups", weight: 0.75), .number("Quality", weight: 0.85), ReportColumn("Grade", weight: 1.0),
                .number("ANOVA p", weight: 1.0), .number("η²", weight: 0.7), .number("Smallest group", weight: 0.85),
                .number("elpd_diff", weight: 0.85), .number("dse", weight: 0.6), .number("Weight", weight: 0.75),
            ],
            rows: rows, emptyText: "The run had no candidates.")
        var blocks: [ReportBlock] = [.table(table)]
        if isExplorationOnly {
            blocks.append(
                .paragraph(
                    "elpd_diff, dse and weight need the hierarchical model, which needs ITEs; they are shown as —."))
        }
        return ReportSection(
            id: "candidates", title: "Candidates side by side",
            lead:
                "How much of the outcome's variation each candidate explains (Phases 1 and 3) and how well its hierarchical model predicts left-out creators (Phase 4).",
            blocks: blocks, startsOnNewPage: false)
    }
}
