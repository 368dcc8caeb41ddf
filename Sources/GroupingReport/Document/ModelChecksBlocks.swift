import GroupingNumerics
import GroupingCore

/// Phase 5's checks of the recommended model itself: LOO-PIT calibration with its ECDF
/// plot, prior sensitivity, the adequacy of the hyperparameter grid, and its posterior table
/// with az.summary's columns.
extension ReportBuilder {
    /// The model the report recommends: the recommended grouping, `ungrouped` with
    /// pool_ungrouped, otherwise the best by LOO; nil when it was not fitted.
    var recommendedModel: (name: String, hbm: HBMResult)? {
        let best = results.comparison.min { $0.rank < $1.rank }?.name
        let name =
            results.recommendation?.decision == .poolUngrouped
            ? Self.ungroupedName : results.recommendation?.grouping ?? best
        guard let name else { return nil }
        let hbm =
            name == Self.ungroupedName
            ? results.baseline?.hbm : results.candidates.first { $0.name == name }?.hbm
        guard let hbm, hbm.skipped == nil else { return nil }
        return (name, hbm)
    }

    func calibrationBlocks() -> [ReportBlock] {
        guard let (name, hbm) = recommendedModel else {
            return chartBlocks(.looPIT) + chartBlocks(.pooling) + chartBlocks(.priorPosterior)
        }
        var blocks: [ReportBlock] = [.heading("Checks of the recommended model: \(name)")]
        let facts = modelCheckFacts(hbm)
        if !facts.isEmpty { blocks.append(.keyValues(facts)) }
        blocks += chartBlocks(.looPIT)
        blocks += chartBlocks(.pooling)
        blocks += chartBlocks(.priorPosterior)
        if !hbm.summary.isEmpty { blocks.append(.table(posteriorSummaryTable(name, hbm.summary))) }
        return blocks
    }

    /// LOO-PIT, sensitivity, grid and true-share facts, in words.
    func modelCheckFacts(_ hbm: HBMResult) -> [KeyValue] {
        var facts: [KeyValue] = []
        if let pit = hbm.looPIT {
            let verdict: String
            switch pit.verdict {
            case .calibrated: verdict = "calibrated"
            case .tooNarrow: verdict = "predictive intervals too narrow"
            case .tooWide: verdict = "predictive intervals too wide"
            }
            let tested = pit.p < thresholds.calibrationP ? "fails" : "passes"
            facts.append(
                KeyValue(
                    "LOO-PIT calibration",
                    "\(verdict): uniformity test p = \(NumberFormatting.pValue(pit.p)) (\(tested) at \(NumberFormatting.pValue(thresholds.calibrationP))); \(NumberFormatting.percent(fraction: pit.tailShare)) of \(NumberFormatting.integer(pit.values)) values beyond 0.05 or 0.95 (10% expected)"
                ))
        }
        if !hbm.sensitivity.isEmpty {
            let flagged = hbm.sensitivity.filter { $0.diagnosis != nil }
            let described = hbm.sensitivity.map {
                "\($0.parameter) \(NumberFormatting.fixed($0.prior, decimals: 3)) / \(NumberFormatting.fixed($0.likelihood, decimals: 3))"
            }
            let verdict =
                flagged.isEmpty
                ? "no parameter depends on its prior"
                : flagged.map { "\($0.parameter): \(($0.diagnosis ?? "").replacingOccurrences(of: "_", with: " "))" }
                    .joined(separator: "; ")
            facts.append(
                KeyValue(
                    "Prior sensitivity",
                    "\(verdict). Power-scaling distance, prior / likelihood (flagged above 0.05): \(described.joined(separator: "; "))"
                ))
        }
        if let grid = hbm.diagnostics?.grid {
            let verdict = grid.adequate ? "adequate" : "not adequate: widen or refine the grid"
            let refinement =
                grid.refinements == 0
                ? "no refinement needed"
                : "\(grid.refinements) refinement\(grid.refinements == 1 ? "" : "s"), the last moved a mean or sd by \(NumberFormatting.percent(fraction: grid.change, decimals: 1)) of its sd"
            facts.append(
                KeyValue(
                    "Hyperparameter grid",
                    "\(verdict): \(NumberFormatting.integer(grid.nodes)) nodes, \(refinement); \(NumberFormatting.significant(grid.edgeMass, digits: 2)) of the posterior mass on the grid's frontier"
                ))
        }
        if let share = hbm.trueShare {
            facts.append(
                KeyValue(
                    "Between-group share",
                    "\(NumberFormatting.percent(fraction: share)) of the true effects' variance lies between groups (sigma_group² / (sigma_group² + tau²))"
                ))
        }
        return facts
    }

    /// az.summary's columns for every parameter of the model.
    func posteriorSummaryTable(_ name: String, _ rows: [PosteriorSummaryRow]) -> ReportTable {
        let cells: [[ReportCell]] = rows.map { row in
            [
                ReportCell(row.parameter, emphasis: true),
                ReportCell(NumberFormatting.significant(row.mean)), ReportCell(NumberFormatting.significant(row.sd)),
                ReportCell(NumberFormatting.significant(row.hdi3)), ReportCell(NumberFormatting.significant(row.hdi97)),
                ReportCell(NumberFormatting.significant(row.mcseMean, digits: 2)),
                ReportCell(NumberFormatting.significant(row.mcseSd, digits: 2)),
                ReportCell(NumberFormatting.integer(row.essBulk.flatMap(Self.roundedCount))),
                ReportCell(NumberFormatting.integer(row.essTail.flatMap(Self.roundedCount))),
                ReportCell(NumberFormatting.fixed(row.rHat, decimals: 3)),
            ]
        }
        return ReportTable(
            id: "posterior-summary", title: "Posterior summary of \(name)",
            caption:
                "The columns of ArviZ's az.summary from the sampler's draws: mean, sd, the 94% HDI (hdi_3% to hdi_97%), the Monte Carlo standard errors of the mean and sd, bulk and tail effective sample sizes, and R-hat (aim below 1.01, ESS above 400).",
            columns: [
                ReportColumn("Parameter", weight: 1.5), .number("mean"), .number("sd"), .number("hdi_3%"),
                .number("hdi_97%"), .number("mcse_mean"), .number("mcse_sd"), .number("ess_bulk"),
                .number("ess_tail"), .number("r_hat"),
            ],
            rows: cells, emptyText: "No posterior summary.")
    }

    /// An effective sample size as a whole count; nil when it is not finite.
    static func roundedCount(_ x: Double) -> Int? {
        x.isFinite ? Int(x.rounded()) : nil
    }
}
