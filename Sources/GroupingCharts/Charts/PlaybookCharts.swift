/// The playbook's figures with its titles and axis labels, for the report layer: each
/// returns a configured chart value from plain numbers.
public enum PlaybookCharts {
    /// Phase 1: the outcome by group of one candidate as boxplots, zero line, counts.
    public static func outcomeByGroup(candidate: String, outcomeLabel: String, groups: [BoxGroup]) -> BoxPlotChart {
        BoxPlotChart(
            title: "\(outcomeLabel) by \(candidate)", valueLabel: outcomeLabel, groupAxisLabel: candidate,
            groups: groups)
    }

    /// Phase 2: group sizes with the `min_group_size` line.
    public static func groupSizes(candidate: String, labels: [String], counts: [Int], minGroupSize: Int) -> BarChart {
        BarChart(
            title: "Group sizes: \(candidate)", labels: labels, values: counts.map(Double.init), valueLabel: "Creators",
            groupAxisLabel: candidate, referenceLine: Double(minGroupSize), referenceLabel: "min_group_size")
    }

    /// Clustering: inertia against k with the chosen k.
    public static func elbow(ks: [Int], inertias: [Double], chosenK: Int?) -> ElbowChart {
        ElbowChart(ks: ks, inertias: inertias, chosenK: chosenK)
    }

    /// Phase 5, check 1: mu_group with 95% HDI, zero line and global mean.
    public static func groupEffects(
        candidate: String, rows: [ForestRow], globalMean: Double?, effectLabel: String = "Treatment effect",
        compact: Bool = false
    ) -> ForestChart {
        ForestChart(
            title: "Group-level effects: \(candidate) (95% HDI)", rows: rows, globalMean: globalMean,
            xLabel: effectLabel, compact: compact)
    }

    /// Phase 5, check 2: shrinkage against precision (1/SE), a density above 20,000 creators.
    public static func shrinkageVsPrecision(candidate: String, precision: [Double], shrinkage: [Double]) -> ScatterChart
    {
        ScatterChart(
            title: "Shrinkage vs precision: \(candidate) (higher precision, less shrinkage)", xs: precision,
            ys: shrinkage,
            xLabel: "Precision (1/SE)", yLabel: "Shrinkage (absolute)")
    }

    /// Phase 5, check 2: shrinkage in percent by group, on a log axis: the percent of a
    /// creator whose effect_hat is near zero runs to thousands, so a linear axis would
    /// flatten every box.
    public static func shrinkageByGroup(candidate: String, groups: [BoxGroup]) -> BoxPlotChart {
        BoxPlotChart(
            title: "Shrinkage by \(candidate)", valueLabel: "Shrinkage (%)", groupAxisLabel: candidate, groups: groups,
            referenceLine: nil, scale: .log)
    }

    /// Phase 4: the LOO comparison, elpd_loo ± se, best first.
    public static func looComparison(candidates: [String], elpd: [Double], se: [Double]) -> ErrorBarChart {
        ErrorBarChart(labels: candidates, values: elpd, errors: se)
    }

    /// Phase 4: the LOO comparison as ArviZ's `plot_compare` draws the differences: elpd to
    /// the best ± dse, best at the top, the baseline model (named `baseline`) marked.
    /// - Parameters:
    ///   - differences: elpd_best − elpd of each model (the comparison's `elpd_diff`).
    ///   - dse: the standard error of each difference.
    public static func elpdComparison(models: [String], differences: [Double], dse: [Double], baseline: String?)
        -> ComparisonChart
    {
        ComparisonChart(
            rows: zip(models, zip(differences, dse)).map {
                ComparisonChartRow(label: $0.0, difference: $0.1.0, dse: $0.1.1, isBaseline: $0.0 == baseline)
            })
    }
}
