/// The parts of an archived `results.json` that quarterly re-validation compares, read
/// leniently: every field is optional, unknown keys are ignored, so snapshots from other
/// schema versions still compare on what they share.
public struct Snapshot: Decodable, Sendable, Equatable {
    public var schemaVersion: Int?
    public var title: String?
    public var thresholds: SnapshotThresholds?
    public var candidates: [SnapshotCandidate]?
    public var comparison: [SnapshotComparisonRow]?
    public var recommendation: SnapshotRecommendation?
    /// Schema 2: the config's `snapshot_date` (ISO date), the run time `history` orders by.
    public var snapshotDate: String?
    /// Schema 2: the ungrouped model.
    public var baseline: SnapshotBaseline?
    /// The run's production check (config `production:`), when it had one.
    public var production: SnapshotProduction?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case title, thresholds, candidates, comparison, recommendation, baseline, production
        case snapshotDate = "snapshot_date"
    }
}

/// `baseline` of a schema 2 snapshot.
public struct SnapshotBaseline: Decodable, Sendable, Equatable { public var hbm: SnapshotHBM? }

/// `production` of a snapshot: the grouping in production when the run was made.
public struct SnapshotProduction: Decodable, Sendable, Equatable {
    public var grouping: String?
    public var holds: Bool?
}

public struct SnapshotThresholds: Decodable, Sendable, Equatable {
    public var qualityPoor: Double?
    public var shrinkageCorr: Double?
    enum CodingKeys: String, CodingKey {
        case qualityPoor = "quality_poor"
        case shrinkageCorr = "shrinkage_corr"
    }
}

public struct SnapshotCandidate: Decodable, Sendable, Equatable {
    public var name: String
    public var qualityScore: Double?
    /// poor, moderate or good.
    public var quality: String?
    public var hbm: SnapshotHBM?
    enum CodingKeys: String, CodingKey {
        case name
        case qualityScore = "quality_score"
        case quality, hbm
    }
}

public struct SnapshotHBM: Decodable, Sendable, Equatable {
    /// Why the model was not fitted; nil when it was.
    public var skipped: String?
    public var loo: SnapshotLOO?
    public var separation: SnapshotSeparation?
    public var shrinkage: SnapshotShrinkage?
    public var coverage: SnapshotCoverage?
    /// Schema 2 fields; nil in schema 1 snapshots.
    public var trueShare: Double?
    public var pooling: SnapshotPooling?
    public var looPIT: SnapshotLOOPIT?
    public var versusUngrouped: SnapshotVersusUngrouped?
    enum CodingKeys: String, CodingKey {
        case skipped, loo, separation, shrinkage, coverage, pooling
        case trueShare = "true_share"
        case looPIT = "loo_pit"
        case versusUngrouped = "versus_ungrouped"
    }
}

public struct SnapshotLOO: Decodable, Sendable, Equatable {
    public var elpd: Double?
    public var se: Double?
}
public struct SnapshotPooling: Decodable, Sendable, Equatable {
    public var mean: Double?
    public var median: Double?
}
public struct SnapshotLOOPIT: Decodable, Sendable, Equatable {
    /// calibrated, too_narrow or too_wide.
    public var verdict: String?
    public var p: Double?
}
/// elpd_diff = elpd of the grouping − elpd of `ungrouped` (positive: the grouping predicts better).
public struct SnapshotVersusUngrouped: Decodable, Sendable, Equatable {
    public var elpdDiff: Double?
    public var dse: Double?
    public var pWorse: Double?
    enum CodingKeys: String, CodingKey {
        case elpdDiff = "elpd_diff"
        case dse
        case pWorse = "p_worse"
    }
}
public struct SnapshotSeparation: Decodable, Sendable, Equatable { public var ratio: Double? }
public struct SnapshotShrinkage: Decodable, Sendable, Equatable {
    public var corrPrecision: Double?
    enum CodingKeys: String, CodingKey { case corrPrecision = "corr_precision" }
}
public struct SnapshotCoverage: Decodable, Sendable, Equatable { public var hbm: Double? }

public struct SnapshotComparisonRow: Decodable, Sendable, Equatable {
    public var name: String
    public var rank: Int?
    public var elpdLoo: Double?
    /// Best minus this (≥ 0) and the standard error of that difference.
    public var elpdDiff: Double?
    public var dse: Double?
    public var pWorse: Double?
    enum CodingKeys: String, CodingKey {
        case name, rank, dse
        case elpdLoo = "elpd_loo"
        case elpdDiff = "elpd_diff"
        case pWorse = "p_worse"
    }
}

public struct SnapshotRecommendation: Decodable, Sendable, Equatable {
    public var decision: String?
    public var grouping: String?
}
