import GroupingNumerics
import Foundation

/// Quarterly re-validation: what changed between two snapshots, and the playbook's
/// production alerts (Production workflow, "Alert if").
///
/// Alerts, for the production grouping (given by the caller; else the grouping the old
/// snapshot recorded under `production`, else the old snapshot's recommended grouping, else
/// the new one's) unless stated:
/// - `quality_below_threshold`: its quality score is now below `quality_poor` (the new
///   snapshot's threshold).
/// - `loo_ranking_changed`: the LOO ranking changed by more than its noise. Where the
///   snapshots carry `elpd_diff` and `dse`, that is: the best model changed and the old best
///   is now behind the new one by more than `rankingNoise` standard errors of the difference,
///   or the production grouping, within that noise of the best before, is now behind the
///   best by more than it. Reorderings within the noise are listed in `notes`. Without
///   `elpd_diff` and `dse` (hand-made snapshots), any change of the order of the candidates
///   both snapshots fitted is an alert.
/// - `coverage_below_90`: its HBM coverage is now below 0.90.
/// - `shrinkage_pattern_changed`: its precision–shrinkage correlation crossed the
///   `shrinkage_corr` threshold, changed sign, or moved by more than 0.3.
public struct SnapshotDiff: Sendable, Equatable, Encodable {
    public struct CandidateChange: Sendable, Equatable, Encodable {
        public var name: String
        public var qualityOld: Double?, qualityNew: Double?
        public var rankOld: Int?, rankNew: Int?
        public var elpdOld: Double?, elpdNew: Double?
        public var separationOld: Double?, separationNew: Double?
        public var shrinkageCorrOld: Double?, shrinkageCorrNew: Double?
        public var coverageOld: Double?, coverageNew: Double?
        enum CodingKeys: String, CodingKey {
            case name
            case qualityOld = "quality_old"
            case qualityNew = "quality_new"
            case rankOld = "rank_old"
            case
                rankNew = "rank_new"
            case elpdOld = "elpd_old"
            case elpdNew = "elpd_new"
            case
                separationOld = "separation_old"
            case separationNew = "separation_new"
            case
                shrinkageCorrOld = "shrinkage_corr_old"
            case shrinkageCorrNew = "shrinkage_corr_new"
            case
                coverageOld = "coverage_old"
            case coverageNew = "coverage_new"
        }
    }

    public struct Alert: Sendable, Equatable, Codable {
        public var key: String
        public var candidate: String?
        public var detail: String
    }

    public var productionGrouping: String?
    public var changes: [CandidateChange]
    public var alerts: [Alert]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case productionGrouping = "production_grouping"
        case changes, alerts, notes
    }

    /// Coverage below which the playbook alerts.
    public static let coverageAlert = 0.90
    /// A change of the precision–shrinkage correlation larger than this is an alert.
    public static let shrinkageShift = 0.3
    /// An LOO difference larger than this many standard errors of the difference (dse) is
    /// beyond noise (p_worse below about 2.3%).
    public static let rankingNoise = 2.0

    /// Compares two snapshots.
    /// - Parameters:
    ///   - old: The earlier snapshot.
    ///   - new: The later snapshot.
    ///   - production: The grouping in production; nil = what the snapshots say (see above).
    public init(old: Snapshot, new: Snapshot, production: String? = nil) {
        var notes: [String] = []
        if old.schemaVersion != new.schemaVersion {
            notes.append(
                "Schema versions differ (\(old.schemaVersion.map(String.init) ?? "none") vs \(new.schemaVersion.map(String.init) ?? "none")): compared on the keys both have"
            )
        }
        let oldCandidates = old.candidates ?? []
        let newCandidates = new.candidates ?? []
        let oldNames = oldCandidates.map(\.name)
        let newNames = newCandidates.map(\.name)
        let shared = oldNames.filter { newNames.contains($0) }
        let onlyOld = oldNames.filter { !newNames.contains($0) }
        let onlyNew = newNames.filter { !oldNames.contains($0) }
        if !onlyOld.isEmpty { notes.append("Only in the old snapshot: \(onlyOld.joined(separator: ", "))") }
        if !onlyNew.isEmpty { notes.append("Only in the new snapshot: \(onlyNew.joined(separator: ", "))") }

        let oldRows = Dictionary((old.comparison ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newRows = Dictionary((new.comparison ?? []).map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let oldByName = Dictionary(oldCandidates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let newByName = Dictionary(newCandidates.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        changes = shared.map { name in
            let o = oldByName[name]!
            let n = newByName[name]!
            return CandidateChange(
                name: name, qualityOld: o.qualityScore, qualityNew: n.qualityScore,
                rankOld: oldRows[name]?.rank, rankNew: newRows[name]?.rank,
                elpdOld: o.hbm?.loo?.elpd ?? oldRows[name]?.elpdLoo,
                elpdNew: n.hbm?.loo?.elpd ?? newRows[name]?.elpdLoo,
                separationOld: o.hbm?.separation?.ratio, separationNew: n.hbm?.separation?.ratio,
                shrinkageCorrOld: o.hbm?.shrinkage?.corrPrecision, shrinkageCorrNew: n.hbm?.shrinkage?.corrPrecision,
                coverageOld: o.hbm?.coverage?.hbm, coverageNew: n.hbm?.coverage?.hbm)
        }

        var alerts: [Alert] = []
        let production =
            production ?? old.production?.grouping ?? old.recommendation?.grouping ?? new.recommendation?.grouping
        productionGrouping = production
        let qualityPoor = new.thresholds?.qualityPoor ?? old.thresholds?.qualityPoor ?? Thresholds().qualityPoor
        let shrinkageLimit =
            new.thresholds?.shrinkageCorr ?? old.thresholds?.shrinkageCorr ?? Thresholds().shrinkageCorr
        if let production, let change = changes.first(where: { $0.name == production }) {
            if let q = change.qualityNew, q < qualityPoor {
                alerts.append(
                    Alert(
                        key: "quality_below_threshold", candidate: production,
                        detail:
                            "Quality score of \(production) is \(NumberFormatting.number(q, digits: 3))%, below \(NumberFormatting.number(qualityPoor))%"
                            + (change.qualityOld.map { " (was \(NumberFormatting.number($0, digits: 3))%)" } ?? "")))
            }
            if let c = change.coverageNew, c < Self.coverageAlert {
                alerts.append(
                    Alert(
                        key: "coverage_below_90", candidate: production,
                        detail: "HBM coverage of \(production) is \(NumberFormatting.percent(fraction: c)), below 90%"
                            + (change.coverageOld.map { " (was \(NumberFormatting.percent(fraction: $0)))" } ?? "")))
            }
            if let a = change.shrinkageCorrOld, let b = change.shrinkageCorrNew {
                let crossed = (a < shrinkageLimit) != (b < shrinkageLimit)
                let flipped = (a < 0) != (b < 0)
                if crossed || flipped || abs(b - a) > Self.shrinkageShift {
                    alerts.append(
                        Alert(
                            key: "shrinkage_pattern_changed", candidate: production,
                            detail:
                                "Precision–shrinkage correlation of \(production) moved from \(NumberFormatting.number(a, digits: 3)) to \(NumberFormatting.number(b, digits: 3))"
                        ))
                }
            }
        } else if let production {
            notes.append("The production grouping \(production) is not in both snapshots: its alerts were not checked")
        }
        let fittedBoth = shared.filter { oldRows[$0]?.rank != nil && newRows[$0]?.rank != nil }
        let oldOrder = fittedBoth.sorted { oldRows[$0]!.rank! < oldRows[$1]!.rank! }
        let newOrder = fittedBoth.sorted { newRows[$0]!.rank! < newRows[$1]!.rank! }
        if oldOrder != newOrder {
            let order =
                "LOO ranking changed: \(oldOrder.joined(separator: " > ")) became \(newOrder.joined(separator: " > "))"
            if let reasons = Self.decisiveRankingChanges(
                old: oldRows, new: newRows, oldOrder: oldOrder, newOrder: newOrder, production: production)
            {
                if reasons.isEmpty {
                    notes.append(
                        order + ", within the noise of LOO (no change beyond \(NumberFormatting.number(Self.rankingNoise)) dse)")
                } else {
                    alerts.append(
                        Alert(
                            key: "loo_ranking_changed", candidate: nil,
                            detail: order + ": " + reasons.joined(separator: "; ")))
                }
            } else {
                alerts.append(Alert(key: "loo_ranking_changed", candidate: nil, detail: order))
            }
        }
        if let a = old.recommendation, let b = new.recommendation,
            a.decision != b.decision || a.grouping != b.grouping
        {
            func describe(_ r: SnapshotRecommendation) -> String {
                (r.decision ?? "no decision") + (r.grouping.map { " (\($0))" } ?? "")
            }
            alerts.append(
                Alert(
                    key: "decision_changed", candidate: nil,
                    detail: "The recommendation changed: \(describe(a)) became \(describe(b))"))
        }
        self.alerts = alerts
        self.notes = notes
    }

    /// The changes of the LOO ranking that exceed its noise (empty: all within noise), or nil
    /// when the snapshots lack `elpd_diff` and `dse` to tell.
    static func decisiveRankingChanges(
        old: [String: SnapshotComparisonRow], new: [String: SnapshotComparisonRow], oldOrder: [String],
        newOrder: [String], production: String?
    ) -> [String]? {
        /// How many dse a row is behind the best (0 for the best itself); nil without the numbers.
        func behind(_ row: SnapshotComparisonRow?) -> (diff: Double, dse: Double)? {
            guard let row, let diff = row.elpdDiff, let dse = row.dse, diff.isFinite, dse.isFinite else { return nil }
            return (diff, dse)
        }
        func decisive(_ gap: (diff: Double, dse: Double)) -> Bool {
            gap.diff > Self.rankingNoise * gap.dse && gap.diff > 0
        }
        guard let oldBest = oldOrder.first, let newBest = newOrder.first,
            oldOrder.allSatisfy({ behind(old[$0]) != nil }), newOrder.allSatisfy({ behind(new[$0]) != nil })
        else { return nil }
        // elpd_diff and dse are against the best model of the snapshot (candidate or not).
        let best = new.values.min { ($0.rank ?? Int.max) < ($1.rank ?? Int.max) }?.name ?? newBest
        var reasons: [String] = []
        if oldBest != newBest, let gap = behind(new[oldBest]), decisive(gap) {
            reasons.append(
                "\(oldBest) is now behind the best model, \(best), by \(NumberFormatting.number(gap.diff)) elpd (dse \(NumberFormatting.number(gap.dse)))"
            )
        }
        let alreadyNamed = !reasons.isEmpty && production == oldBest
        if let production, !alreadyNamed, let before = behind(old[production]), let now = behind(new[production]),
            !decisive(before), decisive(now)
        {
            reasons.append(
                "the production grouping \(production) is now behind the best model, \(best), by \(NumberFormatting.number(now.diff)) elpd (dse \(NumberFormatting.number(now.dse)))"
            )
        }
        return reasons
    }

    /// A readable table for the terminal.
    public func table() -> String {
        func q(_ v: Double?) -> String { v.map { NumberFormatting.number($0, digits: 3) } ?? "—" }
        func p(_ v: Double?) -> String { v.map { NumberFormatting.percent(fraction: $0) } ?? "—" }
        func r(_ v: Int?) -> String { v.map(String.init) ?? "—" }
        let header = ["candidate", "quality %", "LOO rank", "elpd_loo", "separation", "shrink corr", "coverage"]
        var rows: [[String]] = [header]
        for c in changes {
            rows.append([
                c.name + (c.name == productionGrouping ? " *" : ""),
                "\(q(c.qualityOld)) → \(q(c.qualityNew))", "\(r(c.rankOld)) → \(r(c.rankNew))",
                "\(q(c.elpdOld)) → \(q(c.elpdNew))", "\(q(c.separationOld)) → \(q(c.separationNew))",
                "\(q(c.shrinkageCorrOld)) → \(q(c.shrinkageCorrNew))", "\(p(c.coverageOld)) → \(p(c.coverageNew))",
            ])
        }
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text =
            rows.map { row in
                row.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(
                    separator: "  ")
            }.joined(separator: "\n") + "\n"
        if productionGrouping != nil { text += "* production grouping\n" }
        for note in notes { text += "note: \(note)\n" }
        if alerts.isEmpty {
            text +=
                changes.allSatisfy({
                    $0.qualityOld == $0.qualityNew && $0.elpdOld == $0.elpdNew && $0.coverageOld == $0.coverageNew
                        && $0.separationOld == $0.separationNew && $0.shrinkageCorrOld == $0.shrinkageCorrNew
                        && $0.rankOld == $0.rankNew
                })
                ? "No change.\n" : "No alert.\n"
        } else {
            for alert in alerts { text += "ALERT \(alert.key): \(alert.detail)\n" }
        }
        return text
    }
}
