import GroupingNumerics
import Foundation
import GroupingCharts
import GroupingCore

/// Turns a run's numbers into the report's charts: each playbook figure as a chart value with
/// its place in the report and its caption (`PlannedChart`). `ChartRendering` draws them.
public enum ReportChartBuilder {
    /// Plans and renders every chart of the run: the report's charts and the `charts/` files.
    /// - Parameter pngScale: pixels per point of the PNG files.
    public static func build(_ output: AnalysisOutput, thresholds: Thresholds, pngScale: Double = ChartRendering.pngScale) throws -> (charts: [ReportChart], files: [ChartRendering.File])
    {
        let charts = ChartRendering.reportCharts(plan(output, thresholds: thresholds))
        return (charts, try ChartRendering.files(charts, pngScale: pngScale))
    }

    /// Per-group charts draw at most this many groups (the largest): beyond it rows become
    /// unreadable and the image would exceed Cairo's largest surface. The caption says so.
    public static let maxGroupsDrawn = 60

    /// The groups a per-group chart draws, in label order: all of them, or the
    /// `maxGroupsDrawn` largest (ties by label order), and the sentence that says so.
    static func shownGroups(counts: [Int]) -> (indices: [Int], note: String) {
        guard counts.count > maxGroupsDrawn else { return (Array(counts.indices), "") }
        let largest = counts.indices.sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        return (
            largest.prefix(maxGroupsDrawn).sorted(),
            " Only the \(maxGroupsDrawn) largest of its \(counts.count) groups are drawn; the tables list them all."
        )
    }

    /// The playbook's figures for this run, in report order.
    public static func plan(_ output: AnalysisOutput, thresholds: Thresholds) -> [PlannedChart] {
        let results = output.results
        let outcomeLabel =
            output.frame.outcomeInfo.kind == "lift"
            ? "Lift" : (output.frame.outcomeInfo.kind == "column" ? output.frame.outcomeInfo.description : "effect_hat")
        var planned: [PlannedChart] = []
        for (candidate, grouping) in zip(results.candidates, output.groupings) {
            let slug = Slug.fileName(candidate.name)
            let counts = grouping.counts()
            let (shown, limitNote) = shownGroups(counts: counts)
            let outcomeByGroup = valuesByGroup(output.frame.outcome, grouping)
            let byGroup = shown.map { outcomeByGroup[$0] }
            planned.append(
                PlannedChart(
                    id: "\(slug)-outcome", section: .phase1Boxplot(candidate: candidate.name),
                    caption:
                        "\(outcomeLabel) by \(candidate.name): boxes span the quartiles, whiskers reach 1.5 IQR, points beyond are outliers; the dashed line is zero."
                        + limitNote,
                    chart: PlaybookCharts.outcomeByGroup(
                        candidate: candidate.name, outcomeLabel: outcomeLabel, groups: byGroup)))
            planned.append(
                PlannedChart(
                    id: "\(slug)-sizes", section: .phase1Sizes(candidate: candidate.name),
                    caption:
                        "Creators per group of \(candidate.name), with the min_group_size line (\(thresholds.minGroupSize)); groups below it give unstable estimates."
                        + limitNote,
                    chart: PlaybookCharts.groupSizes(
                        candidate: candidate.name, labels: shown.map { grouping.labels[$0] },
                        counts: shown.map { counts[$0] }, minGroupSize: thresholds.minGroupSize)))
            guard let hbm = candidate.hbm, hbm.skipped == nil, let estimates = output.creatorEstimates[candidate.name]
            else { continue }
            let rows = forestRows(hbm, grouping: grouping, shown: shown, effectHat: output.frame.effectHat)
            if candidate.name == results.recommendation?.grouping {
                planned.append(
                    PlannedChart(
                        id: "summary-forest", section: .summaryForest,
                        caption:
                            "Each group's effect under \(candidate.name), the recommended grouping: posterior mean and 95% HDI (filled), raw mean of effect_hat without pooling (open). Groups whose intervals do not overlap differ clearly."
                            + limitNote,
                        chart: PlaybookCharts.groupEffects(
                            candidate: candidate.name, rows: rows, globalMean: hbm.mu?.mean, compact: true)))
            }
            planned.append(
                PlannedChart(
                    id: "\(slug)-forest", section: .forest(candidate: candidate.name),
                    caption:
                        "Posterior of each group's effect mu_group for \(candidate.name): the point is the posterior mean, the bar its 95% HDI; the dashed lines mark zero and the global mean mu; the open circle is the group's raw mean of effect_hat without pooling."
                        + limitNote,
                    chart: PlaybookCharts.groupEffects(
                        candidate: candidate.name,
                        rows: rows, globalMean: hbm.mu?.mean)))
            // The PSIS cross-check's Pareto k per creator (creators outside its subsample have none).
            let checked = estimates.paretoK.indices.filter { estimates.paretoK[$0].isFinite }
            if !checked.isEmpty {
                planned.append(
                    PlannedChart(
                        id: "\(slug)-pareto-k", section: .paretoK(candidate: candidate.name),
                        caption:
                            "Pareto k of the PSIS-LOO cross-check for each creator of \(candidate.name) (ArviZ's plot_khat), in input order. Above \(NumberFormatting.number(hbm.loo?.kThreshold ?? 0.7)) a creator's PSIS estimate is unreliable; the exact LOO the report uses does not depend on it.",
                        chart: ScatterChart(
                            title: "Pareto k by creator: \(candidate.name)", xs: checked.map { Double($0 + 1) },
                            ys: checked.map { estimates.paretoK[$0] }, xLabel: "Creator (input order)",
                            yLabel: "Pareto k")))
            }
            let shrinkageByGroup = valuesByGroup(estimates.shrinkagePercent, grouping)
            let fitted = estimates.shrinkage.indices.filter { !estimates.shrinkage[$0].isNaN }
            planned.append(
                PlannedChart(
                    id: "\(slug)-shrinkage", section: .shrinkageScatter(candidate: candidate.name),
                    caption:
                        "How far pooling moved each creator's estimate (|posterior mean − effect_hat|) against its precision (1/se) for \(candidate.name).",
                    chart: PlaybookCharts.shrinkageVsPrecision(
                        candidate: candidate.name, precision: fitted.map { estimates.precision[$0] },
                        shrinkage: fitted.map { estimates.shrinkage[$0] })))
            planned.append(
                PlannedChart(
                    id: "\(slug)-shrinkage-by-group", section: .shrinkageByGroup(candidate: candidate.name),
                    caption:
                        "Shrinkage in percent of |effect_hat| per group of \(candidate.name) (creators with effect_hat = 0 left out)."
                        + limitNote,
                    chart: PlaybookCharts.shrinkageByGroup(
                        candidate: candidate.name,
                        groups: shown.map { shrinkageByGroup[$0] })))
        }
        if let clustering = results.clustering {
            planned.append(
                PlannedChart(
                    id: "elbow", section: .elbow,
                    caption:
                        "Inertia (within-cluster sum of squares of the standardised features) against the number of clusters k; the marked point is the chosen k (\(clustering.chosenK), \(clustering.rule)).",
                    chart: PlaybookCharts.elbow(
                        ks: clustering.inertias.map(\.k), inertias: clustering.inertias.map(\.inertia),
                        chosenK: clustering.chosenK)))
        }
        if !results.comparison.isEmpty {
            planned.append(
                PlannedChart(
                    id: "loo-comparison", section: .looComparison,
                    caption:
                        "Each model's elpd_loo minus the best model's (0 at the dashed line; higher is better) with ± one standard error of the difference (dse), best at the top; the ungrouped baseline is marked.",
                    chart: PlaybookCharts.elpdComparison(
                        models: results.comparison.map(\.name), differences: results.comparison.map(\.elpdDiff),
                        dse: results.comparison.map(\.dse), baseline: "ungrouped")))
        }
        let recommendedHBM =
            output.estimatesGrouping.flatMap { name in
                results.candidates.first { $0.name == name }?.hbm
            }
        if let name = output.estimatesGrouping, let pooling = recommendedHBM?.pooling, !pooling.groups.isEmpty {
            planned.append(
                PlannedChart(
                    id: "pooling", section: .pooling,
                    caption:
                        "Pooling factor of each group of \(name) (baggr's definition; 0: estimated from its own creators, 1: from the overall mean): how far the group's estimate is pulled from its own creators' precision-weighted mean toward the overall mean mu. Each creator is in turn pulled toward its group by a mean creator pooling factor of \(NumberFormatting.fixed(pooling.mean, decimals: 2)).",
                    chart: BarChart(
                        title: "Pooling factor by group: \(name)", labels: pooling.groups.map(\.label),
                        values: pooling.groups.map(\.pooling),
                        valueLabel: "Pooling factor", groupAxisLabel: name)))
        }
        if let name = output.estimatesGrouping, !output.densities.isEmpty {
            planned.append(
                PlannedChart(
                    id: "prior-posterior", section: .priorPosterior,
                    caption:
                        "Posterior (solid) and half-normal prior (dashed) density of each hyperparameter of \(name), over the central 99.9% of its posterior. A prior nearly flat where the posterior lies leaves the answer to the data; a posterior that follows the prior's shape means the data say little about that parameter.",
                    chart: PriorPosteriorChart(
                        title: "Prior and posterior: \(name)",
                        panels: output.densities.map {
                            DensityPanel(name: $0.name, values: $0.values, posterior: $0.posterior, prior: $0.prior)
                        })))
        }
        if let name = output.estimatesGrouping, let fit = output.fits[name] {
            planned.append(
                PlannedChart(
                    id: "loo-pit", section: .looPIT,
                    caption:
                        "Empirical CDF of the LOO-PIT values of \(name) minus the uniform CDF, with the simultaneous 95% band a calibrated model stays inside (Säilynoja et al. 2022).",
                    chart: PITECDFChart(
                        title: "LOO-PIT of \(name): ECDF difference with a 95% band", values: fit.pit,
                        points: fit.pitBand.points, lower: fit.pitBand.lower, upper: fit.pitBand.upper)))
        }
        return planned
    }

    /// The forest rows of the shown groups: posterior mean and 95% HDI of mu_group, with the
    /// group's mean of effect_hat with no pooling beside it (none without effect_hat).
    static func forestRows(_ hbm: HBMResult, grouping: Grouping, shown: [Int], effectHat: [Double]?) -> [ForestRow] {
        let rawMeans = effectHat.map { effectHat in
            valuesByGroup(effectHat, grouping).map { group in
                group.values.isEmpty ? Double.nan : group.values.reduce(0, +) / Double(group.values.count)
            }
        }
        return shown.filter { $0 < hbm.groups.count }.map { index in
            let group = hbm.groups[index]
            return ForestRow(
                label: group.label, mean: group.mean, low: group.hdiLow, high: group.hdiHigh, count: group.count,
                raw: rawMeans.flatMap { index < $0.count ? $0[index] : nil })
        }
    }

    /// The finite values of each group, in label order (NaN rows left out).
    static func valuesByGroup(_ values: [Double], _ grouping: Grouping) -> [BoxGroup] {
        var buckets = [[Double]](repeating: [], count: grouping.groupCount)
        for (row, code) in grouping.codes.enumerated() where code >= 0 && values[row].isFinite {
            buckets[Int(code)].append(values[row])
        }
        return zip(grouping.labels, buckets).map { BoxGroup(label: $0.0, values: $0.1) }
    }
}
