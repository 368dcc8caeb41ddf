import GroupingNumerics
import GroupingCore

extension ReportDocument {
    /// The trend report of `history`: the verdict for the series, the production grouping
    /// per snapshot (tables and charts), the alerts between consecutive snapshots, and an
    /// appendix listing the snapshots read and the rules.
    /// - Parameters:
    ///   - history: The ordered snapshots and their verdict.
    ///   - charts: The trend charts (`HistoryCharts.plan`), placed after the tables.
    ///   - context: The run's date and tool version.
    public init(history: SnapshotHistory, charts: [ReportChart], context: ReportContext) {
        let builder = HistoryReportBuilder(history: history, charts: charts)
        title = "Quarterly re-validation" + (history.productionGrouping.map { ": \($0)" } ?? "")
        subtitle = "Generated \(context.generatedAtText) · grouping-report \(context.toolVersion)"
        scopeLine = builder.scopeLine
        isExplorationOnly = false
        self.context = context
        sections = [
            builder.verdictSection(), builder.trendSection(), builder.alertsSection(), builder.appendixSection(),
        ]
    }
}

/// Builds the sections of the trend report.
struct HistoryReportBuilder {
    let history: SnapshotHistory
    let charts: [ReportChart]

    static let notAssessed = "not assessed"

    var production: String { history.productionGrouping ?? "—" }

    var scopeLine: String {
        let entries = history.entries
        var parts = ["\(entries.count) snapshot\(entries.count == 1 ? "" : "s")"]
        if let first = entries.first, let last = entries.last, entries.count > 1 {
            parts.append("\(first.label) to \(last.label)")
        }
        parts.append("production grouping \(production) (\(productionSourceText))")
        return parts.joined(separator: " · ")
    }

    var productionSourceText: String {
        switch history.productionSource {
        case .recorded: return "recorded under production.grouping in the latest snapshot"
        case .latestRecommendation: return "recommended by the latest snapshot; none recorded production.grouping"
        case .earlierRecommendation:
            return "recommended by \(history.productionSourceFile ?? "an earlier snapshot"); the latest recommends none"
        case .none: return "no snapshot names one"
        }
    }

    // MARK: Verdict

    func verdictSection() -> ReportSection {
        let verdict = history.verdict
        let badge: ReportBadge
        let headline: String
        switch verdict.status {
        case .stable:
            badge = ReportBadge(text: "stable", tone: .positive)
            headline = "Stable: \(production) holds across the series"
        case .degrading:
            badge = ReportBadge(text: "degrading", tone: .negative)
            headline = "Degrading: \(production) is flagged from \(verdict.firstFlagged ?? "—")"
        case .changed:
            badge = ReportBadge(text: "changed", tone: .caution)
            headline = "Changed: the recommendation moved away from \(production)"
                .replacingOccurrences(of: "away from —", with: "")
        }
        var reasons = [verdict.summary]
        if verdict.changes.count > 1 { reasons += verdict.changes.map { "Recommendation changed \($0)." } }
        reasons += verdict.degradations
        var blocks: [ReportBlock] = [
            .recommendation(RecommendationView(headline: headline, badge: badge, grouping: nil, reasons: reasons))
        ]
        blocks.append(
            .keyValues([
                KeyValue("Production grouping", production),
                KeyValue("Taken from", productionSourceText),
                KeyValue("Snapshots", "\(history.entries.count)"),
                KeyValue("First flagged", verdict.firstFlagged ?? "none"),
                KeyValue("Alerts of diff", "\(history.pairs.reduce(0) { $0 + $1.alerts.count })"),
            ]))
        let skipped = history.entries.filter { $0.productionStatus == .skipped || $0.productionStatus == .absent }
        if !skipped.isEmpty {
            blocks.append(
                .notice(
                    .warning,
                    "\(production) was not fitted in \(skipped.count) snapshot\(skipped.count == 1 ? "" : "s") (\(skipped.map(\.label).joined(separator: ", "))): they are shown as skipped and leave gaps in the charts."
                ))
        }
        return ReportSection(
            id: "verdict", title: "Verdict",
            lead:
                "Whether the grouping in production still holds over the archived snapshots, ordered by run time: stable, degrading (and what), or changed (the decision or the grouping changed).",
            blocks: blocks)
    }

    // MARK: Trend

    func trendSection() -> ReportSection {
        var blocks: [ReportBlock] = [.table(decisionTable()), .table(looTable()), .table(calibrationTable())]
        blocks += charts.map { .chart($0) }
        return ReportSection(
            id: "trend", title: "The production grouping over time",
            lead:
                "Per snapshot: what it recommends, and how \(production) fares on quality, LOO and calibration. Margins are in elpd (log predictive density; positive means \(production) predicts left-out creators better), with the standard error of the difference (dse).",
            blocks: blocks, startsOnNewPage: false)
    }

    /// The run date, emphasised when the snapshot is flagged.
    func dateCell(_ entry: HistoryEntry) -> ReportCell {
        ReportCell(entry.label, emphasis: !entry.flags.isEmpty)
    }

    func decisionTable() -> ReportTable {
        let rows = history.entries.map { entry -> [ReportCell] in
            [
                dateCell(entry),
                ReportCell(entry.decision.map { $0.replacingOccurrences(of: "_", with: " ") } ?? Self.notAssessed),
                ReportCell(entry.grouping ?? "—"),
                statusCell(entry),
                ReportCell(entry.flags.isEmpty ? "none" : entry.flags.map(flagName).joined(separator: "; ")),
            ]
        }
        return ReportTable(
            id: "history-decisions", title: "Decision per snapshot",
            caption:
                "What each snapshot recommends, whether \(production)'s model was fitted in it, and what flagged it (bold dates). Flags are explained in the next section.",
            columns: [
                ReportColumn("Run date", weight: 1.1), ReportColumn("Decision", weight: 1),
                ReportColumn("Grouping", weight: 1.2), ReportColumn("\(production) model", weight: 1),
                ReportColumn("Flags", weight: 2.4),
            ], rows: rows)
    }

    func statusCell(_ entry: HistoryEntry) -> ReportCell {
        switch entry.productionStatus {
        case .fitted: return .badge(ReportBadge(text: "fitted", tone: .positive))
        case .skipped: return .badge(ReportBadge(text: "skipped", tone: .caution))
        case .absent: return .badge(ReportBadge(text: "absent", tone: .negative))
        case .unknown: return .badge(ReportBadge(text: Self.notAssessed, tone: .neutral))
        }
    }

    /// The text of a model field: its value, "skipped" when the model was not fitted, or
    /// "not assessed" when the snapshot lacks it (schema 1, no truth).
    func modelValue(_ entry: HistoryEntry, _ text: String?) -> ReportCell {
        if entry.productionStatus == .skipped || entry.productionStatus == .absent {
            return ReportCell("skipped")
        }
        return ReportCell(text ?? Self.notAssessed)
    }

    /// `+16.0 (dse 7.0)`: elpd margins with one decimal, so the column reads evenly.
    func margin(_ margin: HistoryMargin?) -> String? {
        guard let margin else { return nil }
        let value = (margin.elpdDiff > 0 ? "+" : "") + NumberFormatting.fixed(margin.elpdDiff, decimals: 1)
        return value + (margin.dse.map { " (dse \(NumberFormatting.fixed($0, decimals: 1)))" } ?? "")
    }

    func looTable() -> ReportTable {
        let rows = history.entries.map { entry -> [ReportCell] in
            let quality: ReportCell =
                entry.qualityScore.map {
                    ReportCell(NumberFormatting.percent(points: $0), badge: nil, emphasis: $0 < history.qualityPoor)
                } ?? ReportCell(entry.productionStatus == .absent ? "skipped" : Self.notAssessed)
            return [
                dateCell(entry), quality,
                modelValue(entry, entry.trueShare.map { NumberFormatting.percent(fraction: $0) }),
                modelValue(entry, entry.looRank.map { rank in "\(rank)" + (entry.models.map { " of \($0)" } ?? "") }),
                modelValue(
                    entry,
                    entry.marginRunnerUp.map { $0.against + (entry.looRank == 1 ? "" : " (best)") }),
                modelValue(entry, margin(entry.marginRunnerUp)),
                modelValue(entry, margin(entry.marginUngrouped)),
            ]
        }
        return ReportTable(
            id: "history-loo", title: "\(production): quality and LOO",
            caption:
                "Quality score (the playbook's between-group share of the outcome's variance; bold below quality_poor, \(NumberFormatting.significant(history.qualityPoor))%), true_share (the between-group share of the true effects' variance, schema 2), LOO rank among the models compared, and the LOO margin against the runner-up (or, when \(production) is not best, against the best) and against the ungrouped model. \"not assessed\": the snapshot does not have the value (schema 1 has no true_share and no ungrouped model).",
            columns: [
                ReportColumn("Run date", weight: 1.1), .number("Quality", weight: 0.8),
                .number("true_share", weight: 0.9),
                .number("LOO rank", weight: 0.8), ReportColumn("Runner-up / best", weight: 1.3),
                .number("Margin", weight: 1.1), .number("vs ungrouped", weight: 1.1),
            ], rows: rows)
    }

    func calibrationTable() -> ReportTable {
        let rows = history.entries.map { entry -> [ReportCell] in
            let coverage =
                entry.coverage.map {
                    ReportCell(NumberFormatting.percent(fraction: $0), emphasis: $0 < SnapshotDiff.coverageAlert)
                } ?? modelValue(entry, nil)
            let pit: ReportCell
            if let verdict = entry.looPIT {
                pit = .badge(
                    ReportBadge(
                        text: verdict.replacingOccurrences(of: "_", with: " "),
                        tone: verdict == "calibrated" ? .positive : .negative))
            } else {
                pit = modelValue(entry, nil)
            }
            return [
                dateCell(entry), coverage, pit,
                modelValue(entry, entry.poolingMedian.map { NumberFormatting.fixed($0, decimals: 2) }),
            ]
        }
        return ReportTable(
            id: "history-calibration", title: "\(production): coverage, calibration and pooling",
            caption:
                "Coverage: share of true effects inside the central 95% posterior interval (only where the run had truth; bold below 90%). LOO-PIT: whether the left-out predictive intervals are calibrated (schema 2). Median pooling factor: se² / (se² + tau²), the median creator's weight on the group mean (0 = no pooling, 1 = complete pooling; schema 2).",
            columns: [
                ReportColumn("Run date", weight: 1.1), .number("Coverage", weight: 1),
                ReportColumn("LOO-PIT", weight: 1.2), .number("Median pooling", weight: 1.1),
            ], rows: rows)
    }

    func flagName(_ flag: HistoryFlag) -> String {
        HistoryFlagText.name(flag)
    }

    // MARK: Alerts

    func alertsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        let alertRows = history.pairs.flatMap { pair in
            pair.alerts.map { alert -> [ReportCell] in
                [
                    ReportCell("\(pair.from) → \(pair.to)"), ReportCell(alert.key, emphasis: true),
                    ReportCell(alert.detail),
                ]
            }
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "history-alerts", title: "Alerts of diff between consecutive snapshots",
                    caption:
                        "The playbook's production alerts, as `grouping-report diff` raises them for each pair of consecutive snapshots, for \(production).",
                    columns: [
                        ReportColumn("Snapshots", weight: 2.3), ReportColumn("Alert", weight: 1.5),
                        ReportColumn("Detail", weight: 4),
                    ], rows: alertRows,
                    emptyText: history.pairs.isEmpty
                        ? "Only one snapshot: there is no pair to compare." : "No alert between any consecutive pair."))
        )
        let flagRows = history.entries.flatMap { entry in
            entry.flags.filter { $0.kind != .alert }.map { flag -> [ReportCell] in
                [ReportCell(entry.label), ReportCell(flagName(flag), emphasis: true), ReportCell(flag.detail)]
            }
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "history-flags", title: "Checks that flag a snapshot on its own",
                    caption:
                        "What is wrong with \(production) within one snapshot, whatever the snapshot before said: not fitted, quality below quality_poor, another model clearly better by LOO (by more than \(NumberFormatting.significant(SnapshotDiff.rankingNoise)) dse), not clearly better than the ungrouped model, coverage below 90%, LOO-PIT not calibrated, or a recommendation other than \(production).",
                    columns: [
                        ReportColumn("Run date", weight: 1.1), ReportColumn("Check", weight: 1.6),
                        ReportColumn("Detail", weight: 4),
                    ], rows: flagRows, emptyText: "No snapshot is flagged.")))
        let notes = history.pairs.flatMap { pair in pair.notes.map { "\(pair.from) → \(pair.to): \($0)" } }
        if !notes.isEmpty {
            blocks.append(.heading("Notes from the comparisons"))
            blocks.append(.bullets(notes))
        }
        return ReportSection(
            id: "alerts", title: "Alerts and flags",
            lead:
                "The alerts of `diff` between each pair of consecutive snapshots, and the checks that flag a single snapshot.",
            blocks: blocks, startsOnNewPage: false)
    }

    // MARK: Appendix

    func appendixSection() -> ReportSection {
        let rows = history.entries.map { entry -> [ReportCell] in
            [
                ReportCell(entry.label),
                ReportCell(
                    entry.runTimeSource == .snapshotDate
                        ? "snapshot_date" : (entry.runTimeSource == .fileModified ? "file modified" : "unknown")),
                ReportCell(entry.schemaVersion.map { "\($0)" } ?? "—"),
                ReportCell(entry.file),
            ]
        }
        let rules = [
            "Order: by run time, the snapshot's snapshot_date, or its file's modification time when it has none.",
            "Production grouping: the production.grouping the latest snapshot recorded; else the grouping the latest snapshot recommends; else the latest grouping an earlier snapshot recommended.",
            "Changed: the decision or the recommended grouping differs between two consecutive snapshots.",
            "Degrading: any snapshot is flagged (an alert of diff, or a check of its own); the verdict names each kind and when it started.",
            "Stable: no change and no flag. `history` exits 0 when stable, 1 when degrading or changed, 2 when a snapshot cannot be read.",
            "Schema 1 snapshots have no true_share, LOO-PIT, pooling factor or ungrouped model: those cells read \"not assessed\".",
        ]
        return ReportSection(
            id: "snapshots", title: "Snapshots read and rules",
            lead: "The files behind this report, in run-time order, and how the verdict is formed.",
            blocks: [
                .table(
                    ReportTable(
                        id: "history-files", title: "Snapshots",
                        caption: "Each snapshot's run date, where the date came from, its schema version and its file.",
                        columns: [
                            ReportColumn("Run date", weight: 1), ReportColumn("Date from", weight: 1),
                            ReportColumn("Schema", weight: 0.6), ReportColumn("File", weight: 3.5, isCode: true),
                        ], rows: rows)),
                .bullets(rules),
            ])
    }
}

/// Short names of history flags, for tables.
enum HistoryFlagText {
    static func name(_ flag: HistoryFlag) -> String {
        switch flag.kind {
        case .notFitted: return "not fitted"
        case .qualityPoor: return "quality poor"
        case .looBehind: return "LOO behind"
        case .notBetterThanUngrouped: return "not better than ungrouped"
        case .coverageLow: return "coverage below 90%"
        case .calibration: return "LOO-PIT"
        case .notRecommended: return "not recommended"
        case .alert: return flag.key
        }
    }
}
