import GroupingCharts
import GroupingCore

/// The trend report's charts: the production grouping's numbers over the snapshots, with the
/// flagged snapshots shaded.
public enum HistoryCharts {
    /// Run dates as the x axis shows them: `Mar 2025` when every snapshot falls in its own
    /// month (short enough to stay on one line), else the dates as they are.
    static func axisLabels(_ labels: [String]) -> [String] {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let short = labels.map { label -> String? in
            guard SnapshotDate.isISODate(label), let month = Int(label.dropFirst(5).prefix(2)) else { return nil }
            return "\(months[month - 1]) \(label.prefix(4))"
        }
        let values = short.compactMap { $0 }
        guard values.count == labels.count, Set(values).count == values.count else { return labels }
        return values
    }

    /// The charts for a history, in report order.
    public static func plan(_ history: SnapshotHistory) -> [PlannedChart] {
        let entries = history.entries
        let periods = axisLabels(entries.map(\.label))
        let flagged = Set(entries.indices.filter { !entries[$0].flags.isEmpty })
        let production = history.productionGrouping ?? "the production grouping"
        func trend(
            _ id: String, title: String, caption: String, valueLabel: String, series: [TrendSeries],
            references: [TrendReference]
        ) -> PlannedChart {
            PlannedChart(
                id: "history-\(id)", section: .trend(metric: id),
                caption: caption
                    + (flagged.isEmpty ? "" : " Shaded: snapshots with a flag or an alert.")
                    + (series.contains { $0.values.contains { $0 == nil } }
                        ? " Gaps: the snapshot has no value (not assessed or not fitted)." : ""),
                chart: TrendChart(
                    title: title, periods: periods, series: series, references: references, flagged: flagged,
                    flaggedLabel: "Flagged snapshot", valueLabel: valueLabel))
        }
        return [
            trend(
                "between-share", title: "Between-group share of \(production)",
                caption:
                    "The playbook's quality score (between-group share of the outcome's variance) and true_share (the between-group share of the true effects' variance, noise removed), in percent, with the quality_poor threshold. A grouping that stops explaining the effects falls towards zero.",
                valueLabel: "Share of variance (%)",
                series: [
                    TrendSeries(name: "Quality score", values: entries.map(\.qualityScore)),
                    TrendSeries(name: "true_share", values: entries.map { $0.trueShare.map { 100 * $0 } }),
                ],
                references: [TrendReference(value: history.qualityPoor, label: "quality_poor")]),
            trend(
                "loo-margins", title: "LOO margins of \(production)",
                caption:
                    "elpd of \(production) minus that of the runner-up (or of the best model when \(production) is not best) and minus that of the ungrouped model. Above zero \(production) predicts left-out creators better; a margin that falls below zero by more than about two dse means another model does clearly better.",
                valueLabel: "elpd difference",
                series: [
                    TrendSeries(name: "vs runner-up or best", values: entries.map { $0.marginRunnerUp?.elpdDiff }),
                    TrendSeries(name: "vs ungrouped", values: entries.map { $0.marginUngrouped?.elpdDiff }),
                ],
                references: [TrendReference(value: 0, label: "No difference")]),
            trend(
                "coverage", title: "Coverage of \(production)",
                caption:
                    "Share of the true effects inside the 95% posterior intervals (only where the run had truth), with the 90% alert line.",
                valueLabel: "Coverage (%)",
                series: [TrendSeries(name: "HBM coverage", values: entries.map { $0.coverage.map { 100 * $0 } })],
                references: [TrendReference(value: 100 * SnapshotDiff.coverageAlert, label: "90% alert")]),
            trend(
                "pooling", title: "Median pooling factor of \(production)",
                caption:
                    "The median creator's pooling factor se² / (se² + tau²): how much of its estimate comes from its group. A sudden change means the spread of the true effects within groups (tau) changed.",
                valueLabel: "Median pooling factor",
                series: [TrendSeries(name: "Median pooling", values: entries.map(\.poolingMedian))],
                references: []),
        ]
    }
}
