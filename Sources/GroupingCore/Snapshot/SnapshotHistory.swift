import GroupingNumerics
import Foundation

/// One archived snapshot handed to `SnapshotHistory`: where it came from, what it holds and
/// when its file was last modified (the run time when the snapshot has no `snapshot_date`).
public struct HistoryInput: Sendable {
    public var file: String
    public var snapshot: Snapshot
    public var modified: Date?

    public init(file: String, snapshot: Snapshot, modified: Date?) {
        self.file = file
        self.snapshot = snapshot
        self.modified = modified
    }
}

/// Quarterly re-validation over many snapshots: the production grouping's trend, the `diff`
/// alerts of each consecutive pair and a verdict for the series.
///
/// - Order: by run time, the snapshot's `snapshot_date` (an ISO date, read as midnight UTC)
///   or, without one, its file's modification time; ties keep the order given.
/// - The production grouping of the series: the `production.grouping` the latest snapshot
///   recorded, else the grouping the latest snapshot recommends, else the latest grouping any
///   snapshot recommended (`productionSource` says which).
/// - Per snapshot (`HistoryEntry`): the decision, the production grouping's numbers, and its
///   flags (`HistoryFlag`): what is wrong with it at that snapshot, plus the alerts of the
///   `SnapshotDiff` from the snapshot before.
/// - Verdict: `changed` when the decision or the recommended grouping changed between two
///   consecutive snapshots, else `degrading` when any snapshot has a flag, else `stable`.
public struct SnapshotHistory: Sendable, Encodable {
    /// Where the production grouping of the series came from.
    public enum ProductionSource: String, Sendable, Encodable {
        /// `production.grouping` recorded in the latest snapshot.
        case recorded
        /// The grouping the latest snapshot recommends.
        case latestRecommendation = "latest_recommendation"
        /// The latest snapshot recommends none; the latest grouping an earlier one recommended.
        case earlierRecommendation = "earlier_recommendation"
        /// No snapshot names a grouping.
        case none
    }

    public var productionGrouping: String?
    public var productionSource: ProductionSource
    /// The snapshot the production grouping was taken from (its file).
    public var productionSourceFile: String?
    /// In run-time order.
    public var entries: [HistoryEntry]
    /// `pairs[i]` compares `entries[i]` with `entries[i + 1]`.
    public var pairs: [HistoryPair]
    public var verdict: HistoryVerdict
    /// The latest snapshot's `quality_poor` (the default when it has none).
    public var qualityPoor: Double

    enum CodingKeys: String, CodingKey {
        case qualityPoor = "quality_poor"
        case productionGrouping = "production_grouping"
        case productionSource = "production_source"
        case productionSourceFile = "production_source_file"
        case entries, pairs, verdict
    }

    /// Orders the snapshots, follows the production grouping through them and judges the series.
    /// - Parameter inputs: The snapshots in any order (at least one).
    public init(_ inputs: [HistoryInput]) {
        let ordered = Self.ordered(inputs)
        qualityPoor = ordered.last?.input.snapshot.thresholds?.qualityPoor ?? Thresholds().qualityPoor
        let (production, source, sourceFile) = Self.production(of: ordered)
        (productionGrouping, productionSource, productionSourceFile) = (production, source, sourceFile)
        var entries = ordered.map { HistoryEntry($0, production: production) }
        var pairs: [HistoryPair] = []
        for index in entries.indices.dropFirst() {
            let diff = SnapshotDiff(
                old: ordered[index - 1].input.snapshot, new: ordered[index].input.snapshot, production: production)
            pairs.append(
                HistoryPair(
                    from: entries[index - 1].label, to: entries[index].label, alerts: diff.alerts, notes: diff.notes))
            entries[index].flags += diff.alerts.map {
                HistoryFlag(kind: .alert, key: $0.key, detail: $0.detail)
            }
        }
        self.entries = entries
        self.pairs = pairs
        verdict = HistoryVerdict(entries: entries, production: production)
    }

    /// The inputs in run-time order (stable for equal times).
    static func ordered(_ inputs: [HistoryInput]) -> [(input: HistoryInput, time: RunTime)] {
        inputs.enumerated().map { (offset: $0.offset, input: $0.element, time: RunTime($0.element)) }
            .sorted { a, b in
                a.time.date != b.time.date ? a.time.date < b.time.date : a.offset < b.offset
            }.map { ($0.input, $0.time) }
    }

    static func production(of ordered: [(input: HistoryInput, time: RunTime)]) -> (
        String?, ProductionSource, String?
    ) {
        guard let latest = ordered.last else { return (nil, .none, nil) }
        if let recorded = latest.input.snapshot.production?.grouping {
            return (recorded, .recorded, latest.input.file)
        }
        if let recommended = latest.input.snapshot.recommendation?.grouping {
            return (recommended, .latestRecommendation, latest.input.file)
        }
        for earlier in ordered.reversed() {
            if let grouping = earlier.input.snapshot.recommendation?.grouping {
                return (grouping, .earlierRecommendation, earlier.input.file)
            }
        }
        return (nil, .none, nil)
    }

    /// True when the series needs attention (the exit status 1 of `history`).
    public var hasAlert: Bool { verdict.status != .stable }
}

/// When a snapshot ran, and how that is known.
public struct RunTime: Sendable, Equatable {
    public enum Source: String, Sendable, Codable {
        case snapshotDate = "snapshot_date"
        case fileModified = "file_modified"
        case unknown
    }
    public var date: Date
    public var source: Source
    /// `2026-03-31` (the date, in UTC).
    public var text: String

    init(_ input: HistoryInput) {
        if let text = input.snapshot.snapshotDate, let date = RunTime.date(iso: text) {
            self.date = date
            source = .snapshotDate
            self.text = text
        } else if let modified = input.modified {
            date = modified
            source = .fileModified
            text = RunTime.isoDate(modified)
        } else {
            date = .distantPast
            source = .unknown
            text = "unknown"
        }
    }

    /// Midnight UTC of an ISO date (`2026-03-31`); nil when it is not one.
    public static func date(iso text: String) -> Date? {
        guard SnapshotDate.isISODate(text) else { return nil }
        let parts = text.split(separator: "-").compactMap { Int($0) }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
    }

    /// The UTC calendar date of a time, `2026-03-31`.
    public static func isoDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        func two(_ n: Int?) -> String { n.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(c.year ?? 0)-\(two(c.month))-\(two(c.day))"
    }
}

/// What is wrong with the production grouping at one snapshot.
public struct HistoryFlag: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable, CaseIterable {
        /// Its model was not fitted (skipped), or the snapshot lacks it.
        case notFitted = "not_fitted"
        /// Its quality score is below `quality_poor`.
        case qualityPoor = "quality_poor"
        /// Another model predicts left-out creators better by more than the LOO noise.
        case looBehind = "loo_behind"
        /// It is not better than the ungrouped model by more than the LOO noise.
        case notBetterThanUngrouped = "not_better_than_ungrouped"
        /// Its HBM coverage of the true effects is below 0.90.
        case coverageLow = "coverage_low"
        /// Its LOO-PIT values are not uniform.
        case calibration
        /// The snapshot recommends something else.
        case notRecommended = "not_recommended"
        /// An alert of `diff` against the snapshot before.
        case alert
    }
    public var kind: Kind
    /// The `diff` alert key for `.alert`, else the kind's raw value.
    public var key: String
    public var detail: String

    public init(kind: Kind, key: String? = nil, detail: String) {
        self.kind = kind
        self.key = key ?? kind.rawValue
        self.detail = detail
    }
}

/// An LOO margin of the production grouping against another model: positive when the
/// production grouping predicts left-out creators better.
public struct HistoryMargin: Sendable, Equatable, Codable {
    public var against: String
    public var elpdDiff: Double
    /// The standard error of the difference, when the snapshot has it.
    public var dse: Double?

    public init(against: String, elpdDiff: Double, dse: Double?) {
        self.against = against
        self.elpdDiff = elpdDiff
        self.dse = dse
    }

    enum CodingKeys: String, CodingKey {
        case against
        case elpdDiff = "elpd_diff"
        case dse
    }

    /// Behind by more than `SnapshotDiff.rankingNoise` dse (false without a dse).
    var clearlyBehind: Bool {
        guard let dse else { return false }
        return elpdDiff < 0 && -elpdDiff > SnapshotDiff.rankingNoise * dse
    }

    /// Ahead by more than `SnapshotDiff.rankingNoise` dse (true without a dse when ahead).
    var clearlyAhead: Bool {
        guard let dse else { return elpdDiff > 0 }
        return elpdDiff > SnapshotDiff.rankingNoise * dse
    }
}

/// One snapshot of the series, as the trend report shows it.
public struct HistoryEntry: Sendable, Equatable, Encodable {
    /// Whether the production grouping's model is in the snapshot.
    public enum ProductionStatus: String, Sendable, Codable {
        case fitted
        /// The snapshot lists the candidate but its model was not fitted (`skipped`).
        case skipped
        /// The snapshot does not have the candidate at all.
        case absent
        /// No production grouping is known for the series.
        case unknown
    }

    public var file: String
    /// The run date (`2026-03-31`).
    public var label: String
    public var runTimeSource: RunTime.Source
    @NullEncoded public var schemaVersion: Int? = nil
    @NullEncoded public var decision: String? = nil
    @NullEncoded public var grouping: String? = nil
    public var productionStatus: ProductionStatus
    /// Why the production grouping's model was not fitted (status `skipped`).
    @NullEncoded public var skippedReason: String? = nil
    @NullEncoded public var qualityScore: Double? = nil
    @NullEncoded public var quality: String? = nil
    @NullEncoded public var trueShare: Double? = nil
    @NullEncoded public var looRank: Int? = nil
    /// How many models the snapshot's comparison ranks.
    @NullEncoded public var models: Int? = nil
    /// Against the runner-up when the production grouping is best, else against the best.
    @NullEncoded public var marginRunnerUp: HistoryMargin? = nil
    @NullEncoded public var marginUngrouped: HistoryMargin? = nil
    @NullEncoded public var coverage: Double? = nil
    @NullEncoded public var looPIT: String? = nil
    @NullEncoded public var poolingMedian: Double? = nil
    public var flags: [HistoryFlag]

    enum CodingKeys: String, CodingKey {
        case file, label, decision, grouping, quality, coverage, models, flags
        case runTimeSource = "run_time_source"
        case schemaVersion = "schema_version"
        case productionStatus = "production_status"
        case skippedReason = "skipped_reason"
        case qualityScore = "quality_score"
        case trueShare = "true_share"
        case looRank = "loo_rank"
        case marginRunnerUp = "margin_runner_up"
        case marginUngrouped = "margin_ungrouped"
        case looPIT = "loo_pit"
        case poolingMedian = "pooling_median"
    }

    init(_ item: (input: HistoryInput, time: RunTime), production: String?) {
        let snapshot = item.input.snapshot
        file = item.input.file
        label = item.time.text
        runTimeSource = item.time.source
        schemaVersion = snapshot.schemaVersion
        decision = snapshot.recommendation?.decision
        grouping = snapshot.recommendation?.grouping
        flags = []
        guard let production else {
            productionStatus = .unknown
            return
        }
        let candidate = snapshot.candidates?.first { $0.name == production }
        let hbm = production == "ungrouped" ? snapshot.baseline?.hbm : candidate?.hbm
        qualityScore = candidate?.qualityScore
        quality = candidate?.quality
        if candidate == nil && hbm == nil {
            productionStatus = .absent
            flags.append(HistoryFlag(kind: .notFitted, detail: "\(production) is not in this snapshot"))
        } else if let hbm, hbm.skipped == nil {
            productionStatus = .fitted
        } else {
            productionStatus = .skipped
            skippedReason = hbm?.skipped ?? "no hierarchical model (the run had no ITEs)"
            flags.append(HistoryFlag(kind: .notFitted, detail: "\(production) was not fitted: \(skippedReason!)"))
        }
        let qualityPoor = snapshot.thresholds?.qualityPoor ?? Thresholds().qualityPoor
        if let score = qualityScore, score < qualityPoor {
            flags.append(
                HistoryFlag(
                    kind: .qualityPoor,
                    detail:
                        "quality score of \(production) \(NumberFormatting.number(score, digits: 3))%, below \(NumberFormatting.number(qualityPoor))%"
                ))
        }
        if decision != nil, !(decision == Decision.useHbm.rawValue && grouping == production),
            !(production == "ungrouped" && decision == Decision.poolUngrouped.rawValue)
        {
            flags.append(
                HistoryFlag(
                    kind: .notRecommended,
                    detail: "the snapshot recommends \(decision!)" + (grouping.map { " (\($0))" } ?? "")
                        + ", not \(production)"))
        }
        guard productionStatus == .fitted, let hbm else { return }
        trueShare = hbm.trueShare
        coverage = hbm.coverage?.hbm
        looPIT = hbm.looPIT?.verdict
        poolingMedian = hbm.pooling?.median
        let rows = (snapshot.comparison ?? []).filter { $0.rank != nil }.sorted { $0.rank! < $1.rank! }
        models = rows.isEmpty ? nil : rows.count
        if let row = rows.first(where: { $0.name == production }) {
            looRank = row.rank
            if row.rank == rows.first?.rank, rows.count > 1 {
                let runnerUp = rows[1]
                if let diff = runnerUp.elpdDiff ?? Self.difference(row.elpdLoo, runnerUp.elpdLoo) {
                    marginRunnerUp = HistoryMargin(against: runnerUp.name, elpdDiff: diff, dse: runnerUp.dse)
                }
            } else if let best = rows.first, best.name != production,
                let diff = row.elpdDiff ?? Self.difference(best.elpdLoo, row.elpdLoo)
            {
                marginRunnerUp = HistoryMargin(against: best.name, elpdDiff: -diff, dse: row.dse)
            }
            if production != "ungrouped" {
                if let versus = hbm.versusUngrouped, let diff = versus.elpdDiff {
                    marginUngrouped = HistoryMargin(against: "ungrouped", elpdDiff: diff, dse: versus.dse)
                } else if let ungrouped = rows.first(where: { $0.name == "ungrouped" }),
                    let diff = Self.difference(row.elpdLoo, ungrouped.elpdLoo)
                {
                    marginUngrouped = HistoryMargin(against: "ungrouped", elpdDiff: diff, dse: nil)
                }
            }
        }
        if let margin = marginRunnerUp, margin.clearlyBehind {
            flags.append(
                HistoryFlag(
                    kind: .looBehind,
                    detail:
                        "\(margin.against) predicts left-out creators better than \(production) by \(NumberFormatting.number(-margin.elpdDiff)) elpd (dse \(NumberFormatting.number(margin.dse ?? 0)))"
                ))
        }
        if let margin = marginUngrouped, !margin.clearlyAhead {
            flags.append(
                HistoryFlag(
                    kind: .notBetterThanUngrouped,
                    detail:
                        "\(production) is not clearly better than the ungrouped model (\(Self.signed(margin.elpdDiff)) elpd"
                        + (margin.dse.map { ", dse \(NumberFormatting.number($0))" } ?? "") + ")"))
        }
        if let coverage, coverage < SnapshotDiff.coverageAlert {
            flags.append(
                HistoryFlag(
                    kind: .coverageLow, detail: "HBM coverage of \(production) \(NumberFormatting.percent(fraction: coverage)), below 90%"))
        }
        if let verdict = looPIT, verdict != LOOPITVerdict.calibrated.rawValue {
            flags.append(
                HistoryFlag(
                    kind: .calibration,
                    detail: "LOO-PIT of \(production): \(verdict.replacingOccurrences(of: "_", with: " "))"))
        }
    }

    static func difference(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, a.isFinite, b.isFinite else { return nil }
        return a - b
    }

    static func signed(_ value: Double) -> String {
        value > 0 ? "+" + NumberFormatting.number(value) : NumberFormatting.number(value)
    }

    /// Flags other than the `diff` alerts and the recommendation (what degrades).
    var degradationFlags: [HistoryFlag] { flags.filter { $0.kind != .notRecommended } }
}

/// The `diff` of two consecutive snapshots.
public struct HistoryPair: Sendable, Equatable, Encodable {
    /// The labels (run dates) of the two snapshots.
    public var from: String
    public var to: String
    public var alerts: [SnapshotDiff.Alert]
    public var notes: [String]
}

/// The verdict for the whole series.
public struct HistoryVerdict: Sendable, Equatable, Encodable {
    public enum Status: String, Sendable, Encodable {
        case stable, degrading, changed
    }
    public var status: Status
    /// One sentence for the report's opening.
    public var summary: String
    /// The decision or grouping changes, in order ("at 2026-06-30: use_hbm (genre) → …").
    public var changes: [String]
    /// What degrades, one line per kind of flag, naming when it started.
    public var degradations: [String]
    /// The first flagged snapshot (its label), if any.
    @NullEncoded public var firstFlagged: String? = nil

    enum CodingKeys: String, CodingKey {
        case status, summary, changes, degradations
        case firstFlagged = "first_flagged"
    }

    init(entries: [HistoryEntry], production: String?) {
        func recommendation(_ entry: HistoryEntry) -> String {
            (entry.decision ?? "no decision") + (entry.grouping.map { " (\($0))" } ?? "")
        }
        var changes: [String] = []
        for (before, after) in zip(entries, entries.dropFirst())
        where before.decision != after.decision || before.grouping != after.grouping {
            changes.append("at \(after.label): \(recommendation(before)) → \(recommendation(after))")
        }
        var degradations: [String] = []
        let flagged = entries.filter { !$0.degradationFlags.isEmpty }
        for kind in HistoryFlag.Kind.allCases where kind != .notRecommended {
            // The quality and coverage alerts of `diff` repeat the per-snapshot checks.
            let keys = Array(Set(entries.flatMap { $0.flags.filter { $0.kind == kind }.map(\.key) }))
                .filter { !Self.repeatsACheck($0) }.sorted()
            for key in keys {
                let hits = entries.filter { $0.flags.contains { $0.kind == kind && $0.key == key } }
                guard let first = hits.first, let detail = first.flags.first(where: { $0.key == key })?.detail
                else { continue }
                let span =
                    hits.count == 1
                    ? "at \(first.label)" : "from \(first.label), \(hits.count) of \(entries.count) snapshots"
                degradations.append("\(Self.name(kind, key: key)) (\(span)): \(Self.shortened(detail, key: key))")
            }
        }
        self.changes = changes
        self.degradations = degradations
        let firstFlagged = flagged.first?.label
        self.firstFlagged = firstFlagged
        let flagNames = Set(
            entries.flatMap {
                $0.degradationFlags.filter { !HistoryVerdict.repeatsACheck($0.key) }.map {
                    HistoryVerdict.name($0.kind, key: $0.key)
                }
            }
        )
        .sorted().joined(separator: ", ")
        let subject = production ?? "the recommendation"
        let range =
            entries.first.map { first in
                entries.count == 1
                    ? "1 snapshot (\(first.label))"
                    : "\(entries.count) snapshots (\(first.label) to \(entries.last!.label))"
            } ?? "no snapshot"
        if !changes.isEmpty {
            status = .changed
            summary =
                "Over \(range) the recommendation changed \(changes.count == 1 ? "once" : "\(changes.count) times"), first \(changes[0])"
                + (degradations.isEmpty ? "." : "; \(subject) is also flagged: \(flagNames).")
        } else if !degradations.isEmpty {
            status = .degrading
            summary =
                "Over \(range), \(subject) is flagged from \(firstFlagged ?? "—"): \(flagNames)."
        } else {
            status = .stable
            summary =
                "Over \(range) the recommendation stayed \(entries.first.map(recommendation) ?? "—") and no check of \(subject) flagged."
        }
    }

    /// `diff` alerts that say what a per-snapshot check already says.
    static func repeatsACheck(_ key: String) -> Bool {
        key == "quality_below_threshold" || key == "coverage_below_90"
    }

    /// The ranking alert without the full old and new order (the tables show the ranks).
    static func shortened(_ detail: String, key: String) -> String {
        guard key == "loo_ranking_changed", let became = detail.range(of: " became "),
            let colon = detail.range(of: ": ", range: became.upperBound..<detail.endIndex)
        else { return detail }
        return String(detail[colon.upperBound...])
    }

    /// A short name for a flag, for the verdict's lists.
    static func name(_ kind: HistoryFlag.Kind, key: String) -> String {
        switch kind {
        case .notFitted: return "model not fitted"
        case .qualityPoor: return "quality score below quality_poor"
        case .looBehind: return "LOO: another model predicts better"
        case .notBetterThanUngrouped: return "LOO: not clearly better than ungrouped"
        case .coverageLow: return "coverage below 90%"
        case .calibration: return "LOO-PIT calibration"
        case .notRecommended: return "not recommended"
        case .alert: return "diff alert \(key)"
        }
    }
}
