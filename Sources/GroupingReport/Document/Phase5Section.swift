import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Phase 5, diagnostic checks: posterior separation, shrinkage patterns and coverage.
    func phase5Section() -> ReportSection {
        let lead =
            "Does the fitted model do what a grouping should: separate the groups, shrink noisy estimates more than precise ones, and cover the true effects?"
        guard !isExplorationOnly else {
            return ReportSection(
                id: "phase-5", title: "Phase 5: Diagnostic checks", lead: lead, blocks: [missingITEsNotice],
                startsOnNewPage: false)
        }
        var blocks: [ReportBlock] = [.table(separationTable()), .table(shrinkageTable())]
        let hasCoverage = fittedCandidates.contains { $0.hbm.coverage != nil }
        if hasCoverage {
            blocks.append(.table(coverageTable()))
        } else {
            blocks.append(
                .notice(
                    .info,
                    "Coverage is not assessed: the config has no `data.truth` file with true effects (a simulation or a validation set provides one)."
                ))
        }
        blocks += calibrationBlocks()
        let focus = focusCandidateNames
        for (candidate, _) in fittedCandidates where focus.contains(candidate.name) {
            blocks += headedCharts("Shrinkage: \(candidate.name)", .shrinkageByGroup(candidate: candidate.name))
        }
        return ReportSection(
            id: "phase-5", title: "Phase 5: Diagnostic checks", lead: lead, blocks: blocks, startsOnNewPage: false)
    }

    /// A candidate's shrinkage charts under a heading (none when it has no charts).
    func shrinkageBlocks(_ name: String) -> [ReportBlock] {
        headedCharts("Shrinkage: \(name)", .shrinkageScatter(candidate: name), .shrinkageByGroup(candidate: name))
    }

    /// The charts of these places under one heading; nothing when there are none.
    func headedCharts(_ title: String, _ places: ChartSection...) -> [ReportBlock] {
        let charts = places.flatMap(chartBlocks)
        return charts.isEmpty ? [] : [.heading(title)] + charts
    }

    func separationTable() -> ReportTable {
        let rows: [[ReportCell]] = fittedCandidates.map { candidate, hbm in
            let s = hbm.separation
            let tone: BadgeTone =
                s?.ratio.map { $0 > thresholds.separation ? .positive : $0 > 1 ? .caution : .negative } ?? .neutral
            return [
                ReportCell(candidate.name, emphasis: true),
                ReportCell(NumberFormatting.significant(s?.betweenSd)),
                ReportCell(NumberFormatting.significant(s?.avgWithinSd)),
                ReportCell(NumberFormatting.fixed(s?.ratio, decimals: 2)),
                s?.label.map { ReportCell.badge(ReportBadge(text: $0, tone: tone)) }
                    ?? ReportCell(NumberFormatting.missing),
            ]
        }
        return ReportTable(
            id: "separation", title: "Posterior separation",
            caption:
                "Between-group sd = sd of the groups' posterior means; average within-group sd = mean of their posterior sds. A ratio above 2 is strong separation, above 1 moderate, below 1 weak (groups overlap heavily); the checklist asks for more than \(NumberFormatting.significant(thresholds.separation)).",
            columns: [
                ReportColumn("Candidate", weight: 1.6), .number("Between-group sd"), .number("Avg within-group sd"),
                .number("Ratio"), ReportColumn("Separation"),
            ],
            rows: rows, emptyText: "No candidate was fitted.")
    }

    func shrinkageTable() -> ReportTable {
        let rows: [[ReportCell]] = fittedCandidates.map { candidate, hbm in
            let s = hbm.shrinkage
            let corr = s?.corrPrecision
            return [
                ReportCell(candidate.name, emphasis: true),
                ReportCell(NumberFormatting.significant(s?.median)),
                ReportCell(NumberFormatting.percent(points: s?.medianPct)),
                ReportCell(NumberFormatting.fixed(corr, decimals: 2)),
                corr.map {
                    ReportCell.badge(
                        $0 < thresholds.shrinkageCorr
                            ? ReportBadge(text: "sensible", tone: .positive)
                            : ReportBadge(text: "unexpected", tone: .negative))
                } ?? ReportCell(NumberFormatting.missing),
            ]
        }
        return ReportTable(
            id: "shrinkage", title: "Shrinkage patterns",
            caption:
                "Shrinkage = |posterior mean of theta_i − effect_hat_i| per creator, also in percent of |effect_hat_i|. The correlation of precision (1/se) with shrinkage should be clearly negative (below \(NumberFormatting.significant(thresholds.shrinkageCorr))): less precise estimates shrink more.",
            columns: [
                ReportColumn("Candidate", weight: 1.6), .number("Median shrinkage"), .number("Median shrinkage %"),
                .number("corr(precision, shrinkage)", weight: 1.3), ReportColumn("Pattern"),
            ],
            rows: rows, emptyText: "No candidate was fitted.")
    }

    func coverageTable() -> ReportTable {
        let rows: [[ReportCell]] = fittedCandidates.map { candidate, hbm in
            guard let c = hbm.coverage else {
                return [
                    ReportCell(candidate.name, emphasis: true), ReportCell(NumberFormatting.missing),
                    ReportCell(NumberFormatting.missing),
                    ReportCell(NumberFormatting.missing), ReportCell(NumberFormatting.missing),
                    ReportCell(NumberFormatting.missing),
                ]
            }
            return [
                ReportCell(candidate.name, emphasis: true),
                ReportCell(
                    NumberFormatting.percent(fraction: c.hbm),
                    badge: ReportBadge(
                        text: NumberFormatting.percent(fraction: c.hbm),
                        tone: c.hbm >= thresholds.coverage ? .positive : .negative)),
                ReportCell(NumberFormatting.percent(fraction: c.raw)),
                ReportCell(NumberFormatting.significant(c.hbmMeanWidth)),
                ReportCell(NumberFormatting.significant(c.rawMeanWidth)),
                ReportCell(NumberFormatting.integer(c.creators)),
            ]
        }
        return ReportTable(
            id: "coverage", title: "Coverage of the true effects",
            caption:
                "Share of creators whose true effect lies inside the central 95% posterior interval of theta_i (HBM) and inside effect_hat ± 1.96 se (raw). Aim for at least \(NumberFormatting.percent(fraction: thresholds.coverage, decimals: 0)); narrower HBM intervals with good coverage are the benefit of pooling.",
            columns: [
                ReportColumn("Candidate", weight: 1.6), .number("HBM coverage"), .number("Raw coverage"),
                .number("HBM mean width"), .number("Raw mean width"), .number("Creators"),
            ],
            rows: rows)
    }
}
