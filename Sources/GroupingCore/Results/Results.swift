/// The archived snapshot of one run: everything `results.json` holds.
///
/// Key names follow `CONTRACT.md` to the letter (snake_case through `CodingKeys`); keys
/// may be added, never renamed. A value that does not exist is `nil` and is written as
/// JSON `null`, never NaN.
public struct Results: Codable, Sendable, Equatable {
    public var schemaVersion: Int = 2
    public var title: String = ""
    public var tool: ToolInfo = ToolInfo()
    public var input: InputSummary = InputSummary()
    public var outcome: OutcomeInfo = OutcomeInfo()
    public var thresholds: Thresholds = Thresholds()
    public var candidates: [CandidateResult] = []
    /// Schema 2: the ungrouped hierarchical model, fitted on every run with ITEs.
    @NullEncoded public var baseline: BaselineResult? = nil
    /// Schema 2: the config's `snapshot_date` (ISO date), the snapshot's run time for `history`.
    @NullEncoded public var snapshotDate: String? = nil
    public var crossedCells: [CrossedCells] = []
    @NullEncoded public var clustering: ClusteringResult? = nil
    @NullEncoded public var model: ModelSettingsEcho? = nil
    public var comparison: [ComparisonRow] = []
    @NullEncoded public var checklist: Checklist? = nil
    @NullEncoded public var recommendation: Recommendation? = nil
    public var pitfalls: [Pitfall] = []
    @NullEncoded public var panel: PanelEstimation? = nil
    public var warnings: [String] = []
    /// Config `production:`: whether the production grouping still holds, and the alerts
    /// against the previous snapshot (`ProductionCheck`); nil without the section.
    @NullEncoded public var production: ProductionCheck? = nil

    public init() {}

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case title, tool, input, outcome, thresholds,
            candidates, baseline
        case snapshotDate = "snapshot_date"
        case crossedCells = "crossed_cells"
        case clustering, model, comparison,
            checklist, recommendation, pitfalls, panel, warnings, production
    }
}

/// results.json `baseline`: the ungrouped model's `hbm`.
public struct BaselineResult: Codable, Sendable, Equatable {
    public var hbm: HBMResult
    public init(hbm: HBMResult) { self.hbm = hbm }
}

/// The tool's name, version and the seed of the run.
public struct ToolInfo: Codable, Sendable, Equatable {
    public var name = "grouping-report"
    public var version = GroupingCoreVersion.current
    public var seed: UInt64 = 42
    public init() {}
}

/// What version of the tool wrote a snapshot.
public enum GroupingCoreVersion {
    public static let current = "0.1.0"
}

/// Row counts of the inputs and what was dropped, and why.
public struct InputSummary: Codable, Sendable, Equatable {
    /// Rows in the creators table.
    public var creators: Int = 0
    /// Rows with an ITE (from the ITE file or the panel estimator); nil without ITEs.
    @NullEncoded public var ites: Int? = nil
    /// Creators kept for the analysis (joined, with an outcome).
    public var matched: Int = 0
    public var dropped: [DropCount] = []
    /// Input files with their SHA-256 and row counts (filled by the executable).
    public var files: [InputFile] = []
    public init() {}
}

public struct DropCount: Codable, Sendable, Equatable {
    public var reason: String
    public var count: Int
    public init(reason: String, count: Int) {
        self.reason = reason
        self.count = count
    }
}

public struct InputFile: Codable, Sendable, Equatable {
    public var role: String
    public var path: String
    public var sha256: String
    public var rows: Int
    public init(role: String, path: String, sha256: String, rows: Int) {
        self.role = role
        self.path = path
        self.sha256 = sha256
        self.rows = rows
    }
}

/// How the outcome that Phases 1 and 3 describe was formed.
public struct OutcomeInfo: Codable, Sendable, Equatable {
    /// `lift`, `column` or `effect_hat`.
    public var kind: String = "effect_hat"
    /// A description such as "(revenue_post - revenue_pre) / revenue_pre".
    public var description: String = "effect_hat"
    public init() {}
}

/// One row of a candidate's group table (Phase 1).
public struct GroupStatistics: Codable, Sendable, Equatable {
    public var label: String
    public var count: Int
    public var mean: Double
    /// Sample standard deviation (ddof 1); nil for a one-row group.
    @NullEncoded public var std: Double?
    public var min: Double
    public var max: Double
    public init(label: String, count: Int, mean: Double, std: Double?, min: Double, max: Double) {
        self.label = label
        self.count = count
        self.mean = mean
        self.std = std
        self.min = min
        self.max = max
    }
}

/// The playbook's variance decomposition (pandas semantics; see `VarianceDecomposition`).
public struct VarianceResult: Codable, Sendable, Equatable {
    @NullEncoded public var total: Double?
    @NullEncoded public var between: Double?
    @NullEncoded public var within: Double?
    public init(total: Double?, between: Double?, within: Double?) {
        self.total = total
        self.between = between
        self.within = within
    }
}

public struct GroupSizes: Codable, Sendable, Equatable {
    public var min: Int
    public var median: Double
    public var max: Int
    public var belowMin: Int
    public init(min: Int, median: Double, max: Int, belowMin: Int) {
        self.min = min
        self.median = median
        self.max = max
        self.belowMin = belowMin
    }
    enum CodingKeys: String, CodingKey {
        case min, median, max
        case belowMin = "below_min"
    }
}

/// A test statistic with its p-value, or the reason it does not exist.
public struct TestResult: Codable, Sendable, Equatable {
    @NullEncoded public var statistic: Double?
    @NullEncoded public var p: Double?
    @NullEncoded public var reason: String?
    public init(statistic: Double?, p: Double?, reason: String? = nil) {
        self.statistic = statistic
        self.p = p
        self.reason = reason
    }
}

/// ANOVA as written to JSON: `{f, p}` (plus `reason` when undefined).
public struct AnovaJSON: Codable, Sendable, Equatable {
    @NullEncoded public var f: Double?
    @NullEncoded public var p: Double?
    @NullEncoded public var dfBetween: Int?
    @NullEncoded public var dfWithin: Int?
    @NullEncoded public var reason: String?
    public init(f: Double?, p: Double?, dfBetween: Int?, dfWithin: Int?, reason: String?) {
        self.f = f
        self.p = p
        self.dfBetween = dfBetween
        self.dfWithin = dfWithin
        self.reason = reason
    }
    enum CodingKeys: String, CodingKey {
        case f, p
        case dfBetween = "df_between"
        case dfWithin = "df_within"
        case reason
    }
}

/// Kruskal–Wallis as written to JSON: `{h, p}` (plus `reason` when undefined).
public struct KruskalJSON: Codable, Sendable, Equatable {
    @NullEncoded public var h: Double?
    @NullEncoded public var p: Double?
    @NullEncoded public var df: Int?
    @NullEncoded public var reason: String?
    public init(h: Double?, p: Double?, df: Int?, reason: String?) {
        self.h = h
        self.p = p
        self.df = df
        self.reason = reason
    }
}

/// Everything computed for one candidate grouping.
public struct CandidateResult: Codable, Sendable, Equatable {
    public var name: String
    /// categorical | quantiles | bins | cross | cluster
    public var kind: String
    /// How the candidate was formed, in words ("pandas qcut of follower_count into 4 bins").
    public var formation: String = ""
    /// Interval edges for `quantiles` and `bins` candidates.
    @NullEncoded public var edges: [Double]? = nil
    public var groups: [GroupStatistics] = []
    public var variance: VarianceResult = VarianceResult(total: nil, between: nil, within: nil)
    @NullEncoded public var qualityScore: Double? = nil
    /// poor | moderate | good, or nil when the score does not exist.
    @NullEncoded public var quality: String? = nil
    public var sizes: GroupSizes = GroupSizes(min: 0, median: 0, max: 0, belowMin: 0)
    /// Rows left out because they have no label.
    public var unlabeled: Int = 0
    public var anova: AnovaJSON = AnovaJSON(f: nil, p: nil, dfBetween: nil, dfWithin: nil, reason: nil)
    public var kruskal: KruskalJSON = KruskalJSON(h: nil, p: nil, df: nil, reason: nil)
    @NullEncoded public var etaSquared: Double? = nil
    @NullEncoded public var hbm: HBMResult? = nil

    public init(name: String, kind: String) {
        self.name = name
        self.kind = kind
    }

    enum CodingKeys: String, CodingKey {
        case name, kind, formation, edges, groups, variance
        case qualityScore = "quality_score"
        case
            quality, sizes, unlabeled, anova, kruskal
        case etaSquared = "eta_squared"
        case hbm
    }
}

/// The crossed-cell table of the playbook's Strategy 3, for each `cross` candidate.
public struct CrossedCells: Codable, Sendable, Equatable {
    public var name: String
    public var members: [String]
    public var cells: Int
    public var minCell: Int
    public var emptyCombinations: Int
    public var belowMin: Int
    public init(name: String, members: [String], cells: Int, minCell: Int, emptyCombinations: Int, belowMin: Int) {
        self.name = name
        self.members = members
        self.cells = cells
        self.minCell = minCell
        self.emptyCombinations = emptyCombinations
        self.belowMin = belowMin
    }
    enum CodingKeys: String, CodingKey {
        case name, members, cells
        case minCell = "min_cell"
        case
            emptyCombinations = "empty_combinations"
        case belowMin = "below_min"
    }
}

/// Phase 2's clustering: the elbow and the chosen k.
public struct ClusteringResult: Codable, Sendable, Equatable {
    public var features: [String]
    public var inertias: [KInertia]
    public var chosenK: Int
    /// The rule that chose k ("kneedle", or "fixed" when the config gave an integer).
    public var rule: String
    public var imputed: [FeatureImputation] = []
    public var profiles: [ClusterProfile] = []
    /// How the fit was done (e.g. "exact Lloyd on all rows, best of 10 k-means++ starts").
    public var method: String = ""
    /// The rule in words: what it did and, for `kneedle`, whether a knee was found or the
    /// fallback (the smallest k) was used.
    public var ruleDetail: String = ""
    /// Inertia of the final clustering on all rows. With a sampled elbow this fit is separate
    /// from the curve, whose inertias are all rows' at the subsample fits' centres.
    @NullEncoded public var finalInertia: Double? = nil
    public init(features: [String], inertias: [KInertia], chosenK: Int, rule: String) {
        self.features = features
        self.inertias = inertias
        self.chosenK = chosenK
        self.rule = rule
    }
    enum CodingKeys: String, CodingKey {
        case features, inertias
        case chosenK = "chosen_k"
        case rule, imputed, profiles, method
        case
            ruleDetail = "rule_detail"
        case finalInertia = "final_inertia"
    }
}

public struct KInertia: Codable, Sendable, Equatable {
    public var k: Int
    public var inertia: Double
    public init(k: Int, inertia: Double) {
        self.k = k
        self.inertia = inertia
    }
}

public struct FeatureImputation: Codable, Sendable, Equatable {
    public var feature: String
    public var missing: Int
    public var median: Double
    public init(feature: String, missing: Int, median: Double) {
        self.feature = feature
        self.missing = missing
        self.median = median
    }
}

public struct ClusterProfile: Codable, Sendable, Equatable {
    public var label: String
    public var size: Int
    /// Mean of each raw feature, in the order of `ClusteringResult.features`.
    public var means: [Double]
    public init(label: String, size: Int, means: [Double]) {
        self.label = label
        self.size = size
        self.means = means
    }
}
