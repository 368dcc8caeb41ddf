import GroupingNumerics
import Foundation

/// The previous snapshot named by `production.previous`, read by the executable.
public struct PreviousSnapshot: Sendable {
    /// The path as the config wrote it (relative to the config file).
    public var file: String
    public var snapshot: Snapshot

    public init(file: String, snapshot: Snapshot) {
        self.file = file
        self.snapshot = snapshot
    }
}

/// An LOO margin of the production grouping against another model: `elpd_diff` = elpd of
/// the production grouping − elpd of the other (negative: it predicts left-out creators
/// worse), with the standard error of the difference and p_worse = Φ(−elpd_diff/dse) where
/// the run has them.
public struct ProductionMargin: Codable, Sendable, Equatable {
    public var against: String
    public var elpdDiff: Double
    @NullEncoded public var dse: Double?
    @NullEncoded public var pWorse: Double?

    public init(against: String, elpdDiff: Double, dse: Double?, pWorse: Double?) {
        self.against = against
        self.elpdDiff = elpdDiff
        self.dse = dse
        self.pWorse = pWorse
    }

    enum CodingKeys: String, CodingKey {
        case against, dse
        case elpdDiff = "elpd_diff"
        case pWorse = "p_worse"
    }

    /// "worse than size_quartile by 41.2 elpd (dse 9.1, p_worse 3.4e-06)".
    public var sentence: String {
        let direction = elpdDiff < 0 ? "worse than" : "better than"
        var details: [String] = []
        if let dse { details.append("dse \(NumberFormatting.number(dse))") }
        if let pWorse { details.append("p_worse \(NumberFormatting.pValue(pWorse))") }
        return "\(direction) \(against) by \(NumberFormatting.number(abs(elpdDiff))) elpd"
            + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }
}

/// Whether the grouping in production still holds, by the rules of the recommendation, and
/// what changed since the previous snapshot (results.json `production`).
///
/// It holds when the run recommends `use_hbm` with that grouping (or `pool_ungrouped` when
/// the ungrouped model is in production). Otherwise the statement says plainly what to do —
/// "Switch from genre to size_quartile." or "Stop using genre: …" — and `evidence` gives the
/// reasons: its LOO against the recommended model and against `ungrouped`, its quality, and
/// its checklist items that fail.
public struct ProductionCheck: Codable, Sendable, Equatable {
    public enum Verdict: String, Codable, Sendable, Equatable {
        /// The production grouping is what the run recommends.
        case holds
        /// Another grouping is recommended.
        case switchGrouping = "switch"
        /// No grouping is recommended (pool_ungrouped or no_hbm).
        case stop
        /// The run recommends revising before deploying anything.
        case revise
        /// No production grouping is known (none configured, none in the previous snapshot).
        case unknown
    }

    @NullEncoded public var grouping: String?
    /// `config` (production.grouping) or `previous` (what the previous snapshot recorded or
    /// recommended).
    public var source: String
    public var holds: Bool
    public var verdict: Verdict
    /// One plain sentence: "genre still holds: …", "Switch from genre to size_quartile.".
    public var statement: String
    public var evidence: [String]
    @NullEncoded public var versusRecommended: ProductionMargin?
    @NullEncoded public var versusUngrouped: ProductionMargin?
    /// The production grouping's checklist, by the rules the recommended grouping's follows.
    public var checks: [ChecklistItem]
    /// `production.previous` as written, or nil.
    @NullEncoded public var previous: String?
    @NullEncoded public var previousSnapshotDate: String?
    /// The alerts of `diff` from the previous snapshot to this run.
    public var alerts: [SnapshotDiff.Alert]
    public var notes: [String]

    enum CodingKeys: String, CodingKey {
        case grouping, source, holds, verdict, statement, evidence, checks, previous, alerts, notes
        case versusRecommended = "versus_recommended"
        case versusUngrouped = "versus_ungrouped"
        case previousSnapshotDate = "previous_snapshot_date"
    }

    /// Checks the production grouping against a run's results.
    /// - Parameters:
    ///   - config: The config's `production:` section.
    ///   - results: The run's results (the recommendation already made; `production` unset).
    ///   - review: The config's sign-offs (for the checklist).
    ///   - previous: The snapshot `production.previous` names, read by the caller.
    public init(config: ProductionConfig, results: Results, review: ReviewConfig, previous: PreviousSnapshot?) {
        let fromPrevious = previous?.snapshot.production?.grouping ?? previous?.snapshot.recommendation?.grouping
        let production = config.grouping ?? fromPrevious
        grouping = production
        source = config.grouping != nil ? "config" : "previous"
        self.previous = previous?.file
        previousSnapshotDate = previous?.snapshot.snapshotDate
        if let previous, let current = try? Snapshot(results: results) {
            let diff = SnapshotDiff(old: previous.snapshot, new: current, production: production)
            alerts = diff.alerts
            notes = diff.notes
        } else {
            alerts = []
            notes = []
        }
        let assessment = Self.assess(production, results: results, review: review)
        holds = assessment.verdict == .holds
        verdict = assessment.verdict
        statement = assessment.statement
        evidence = assessment.evidence
        versusRecommended = assessment.versusRecommended
        versusUngrouped = assessment.versusUngrouped
        checks = assessment.checks
    }

    struct Assessment {
        var verdict: Verdict
        var statement: String
        var evidence: [String] = []
        var versusRecommended: ProductionMargin? = nil
        var versusUngrouped: ProductionMargin? = nil
        var checks: [ChecklistItem] = []
    }

    static func assess(_ production: String?, results: Results, review: ReviewConfig) -> Assessment {
        guard let production else {
            return Assessment(
                verdict: .unknown,
                statement:
                    "No production grouping is known: name it in production.grouping (or give a previous snapshot that recorded one)."
            )
        }
        guard let recommendation = results.recommendation else {
            return Assessment(
                verdict: .unknown, statement: "The run made no recommendation to check \(production) against.")
        }
        let isUngrouped = production == ProductionConfig.ungrouped
        let candidate = results.candidates.first { $0.name == production }
        let hbm = isUngrouped ? results.baseline?.hbm : candidate?.hbm
        var assessment = Assessment(verdict: .unknown, statement: "")
        assessment.evidence = evidence(
            production, candidate: candidate, hbm: hbm, results: results, review: review, into: &assessment)

        let decision = recommendation.decision
        let recommended = recommendation.grouping
        let target =
            decision == .poolUngrouped ? "the ungrouped hierarchical model" : (recommended.map { $0 } ?? "no grouping")
        switch decision {
        case .useHbm where recommended == production, .poolUngrouped where isUngrouped:
            assessment.verdict = .holds
            assessment.statement =
                "\(production) still holds: this run's recommendation is \(decision.rawValue)"
                + (recommended.map { " with \($0)" } ?? "") + ", the same rules that chose it before."
        case .useHbm:
            assessment.verdict = .switchGrouping
            assessment.statement = "Switch from \(production) to \(recommended ?? "—")."
        case .poolUngrouped:
            assessment.verdict = .stop
            assessment.statement =
                "Stop using \(production): no grouping predicts left-out creators meaningfully better than none; switch to \(target)."
        case .noHbm:
            assessment.verdict = .stop
            assessment.statement =
                "Stop using \(production): this run recommends no hierarchical model (partial pooling would change little or the data cannot support one); use the raw ITEs."
        case .revise:
            assessment.verdict = .revise
            assessment.statement =
                recommended == production
                ? "\(production) does not hold as it stands: the run recommends revising it before it is used again."
                : "\(production) is not confirmed: the run recommends revising the candidates before deploying any grouping"
                    + (recommended.map { " (the best candidate is \($0))" } ?? "") + "."
        }
        if hbm == nil || hbm?.skipped != nil {
            let reason =
                hbm?.skipped ?? (candidate == nil && !isUngrouped ? "it is not a candidate of this run" : "no ITEs")
            assessment.evidence.insert("\(production)'s model was not fitted: \(reason).", at: 0)
        }
        return assessment
    }

    /// The production grouping's LOO against the recommended model and `ungrouped`, its
    /// quality and its failing checks, as sentences (and the margins and checks as values).
    static func evidence(
        _ production: String, candidate: CandidateResult?, hbm: HBMResult?, results: Results, review: ReviewConfig,
        into assessment: inout Assessment
    ) -> [String] {
        var lines: [String] = []
        let rows = results.comparison
        let row = rows.first { $0.name == production }
        let recommended =
            results.recommendation?.decision == .poolUngrouped
            ? ProductionConfig.ungrouped : results.recommendation?.grouping
        if let row, let recommended, recommended != production,
            let other = rows.first(where: { $0.name == recommended })
        {
            // Each row's dse and p_worse are against the best model: exact for the pair
            // when the recommended model is the best.
            let againstBest = other.rank == 1
            let margin = ProductionMargin(
                against: recommended, elpdDiff: row.elpdLoo - other.elpdLoo, dse: againstBest ? row.dse : nil,
                pWorse: againstBest ? row.pWorse : nil)
            assessment.versusRecommended = margin
            lines.append("LOO: \(production) predicts left-out creators \(margin.sentence).")
        } else if let row, row.rank != 1, let best = rows.first(where: { $0.rank == 1 }) {
            let margin = ProductionMargin(
                against: best.name, elpdDiff: row.elpdLoo - best.elpdLoo, dse: row.dse, pWorse: row.pWorse)
            assessment.versusRecommended = margin
            lines.append("LOO: \(production) predicts left-out creators \(margin.sentence), the best model.")
        }
        if let versus = hbm?.versusUngrouped {
            let margin = ProductionMargin(
                against: ProductionConfig.ungrouped, elpdDiff: versus.elpdDiff, dse: versus.dse, pWorse: versus.pWorse)
            assessment.versusUngrouped = margin
            lines.append("Against the ungrouped model: \(production) predicts \(margin.sentence).")
        }
        if let candidate {
            var quality = "Quality score " + (candidate.qualityScore.map { NumberFormatting.number($0, digits: 3) + "%" } ?? "—")
            if let grade = candidate.quality { quality += " (\(grade))" }
            if let share = hbm?.trueShare { quality += "; true_share \(NumberFormatting.percent(fraction: share))" }
            lines.append(quality + ".")
            if hbm != nil, hbm?.skipped == nil {
                let checklist = SummaryChecklist.fill(
                    candidate, comparison: rows, thresholds: results.thresholds, review: review)
                assessment.checks = checklist.items
                let failing = checklist.items.filter { $0.status == "fail" }
                lines.append(
                    failing.isEmpty
                        ? "Its automatic checks pass."
                        : "Its checks that fail: " + failing.map { "\($0.key) (\($0.detail))" }.joined(separator: "; ")
                            + ".")
            }
        }
        return lines
    }
}

extension Snapshot {
    /// The snapshot a run's results would archive (its results.json, read back).
    public init(results: Results) throws {
        self = try JSONDecoder().decode(Snapshot.self, from: results.jsonData())
    }
}
