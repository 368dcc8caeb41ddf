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

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case title, thresholds, candidates, comparison, recommendation
    }
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
    public var hbm: SnapshotHBM?
    enum CodingKeys: String, CodingKey {
        case name
        case qualityScore = "quality_score"
        case hbm
    }
}

public struct SnapshotHBM: Decodable, Sendable, Equatable {
    public var loo: SnapshotLOO?
    public var separation: SnapshotSeparation?
    public var shrinkage: SnapshotShrinkage?
    public var coverage: SnapshotCoverage?
}

public struct SnapshotLOO: Decodable, Sendable, Equatable { public var elpd: Double? }
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
    enum CodingKeys: String, CodingKey {
        case name, rank
        case elpdLoo = "elpd_loo"
    }
}

public struct SnapshotRecommendation: Decodable, Sendable, Equatable {
    public var decision: String?
    public var grouping: String?
}
