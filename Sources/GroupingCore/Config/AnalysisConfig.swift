/// Everything a `config.yml` says, after validation. Paths are as written (relative to
/// the config file); the executable resolves them.
public struct AnalysisConfig: Sendable, Equatable {
    public var title: String = "Grouping selection report"
    /// Schema 2: the snapshot's run time for `history` (ISO date), echoed in results.json.
    public var snapshotDate: String? = nil
    public var data: DataConfig
    public var outcome: OutcomeSpec = .effectHat
    public var candidates: [CandidateSpec] = []
    public var clustering: ClusteringConfig? = nil
    public var thresholds = Thresholds()
    public var model = ModelConfig()
    public var review = ReviewConfig()
    public var report = ReportConfig()
    /// The grouping in production and the previous snapshot (`ProductionConfig`), if given.
    public var production: ProductionConfig? = nil

    public init(data: DataConfig) { self.data = data }
}

public struct DataConfig: Sendable, Equatable {
    public var creators: String
    public var id: String = "creator_id"
    public var ites: String? = nil
    public var panel: PanelConfig? = nil
    public var truth: String? = nil
    public init(creators: String) { self.creators = creators }
}

/// `data.panel`: estimate the ITEs from a rollout panel instead of reading them.
public struct PanelConfig: Sendable, Equatable {
    public var file: String
    public var period: String = "period"
    public var outcome: String = "revenue"
    public var firstTreated: String = "first_treated"
    /// Event times (period − first treated period) averaged into effect_hat; nil = all.
    public var window: ClosedRange<Int>? = nil
    public var seMultiplier: Double = 1
    public init(file: String) { self.file = file }
}

/// What Phases 1 and 3 describe.
public enum OutcomeSpec: Sendable, Equatable {
    /// lift = (post − pre) / pre; rows with pre = 0 or a missing value are dropped.
    case lift(pre: String, post: String)
    /// An existing numeric column of the creators table.
    case column(String)
    /// The ITE point estimates themselves.
    case effectHat
}

/// One entry of `candidates:`.
public struct CandidateSpec: Sendable, Equatable {
    public enum Rule: Sendable, Equatable {
        case categorical(column: String)
        case quantiles(column: String, bins: Int)
        case bins(column: String, edges: [Double], labels: [String]?)
        case cross(members: [String])
        /// Schema 2: two crossed effects, mu + a[A] + b[B] (members: candidates or columns).
        case additive(members: [String])
    }
    public var name: String
    public var rule: Rule
    /// The config path of this entry, e.g. `candidates[2]`, for messages.
    public var path: String
    public init(name: String, rule: Rule, path: String) {
        self.name = name
        self.rule = rule
        self.path = path
    }
}

public struct ClusteringConfig: Sendable, Equatable {
    public enum KChoice: Sendable, Equatable {
        case auto
        case fixed(Int)
    }
    public var features: [String]
    public var k: KChoice = .auto
    public var kRange: ClosedRange<Int> = 2...10
    public init(features: [String]) { self.features = features }
}

public struct ModelConfig: Sendable, Equatable {
    public var chains = 4
    public var draws = 1000
    public var warmup = 1000
    public var seed: UInt64 = 42
    /// Overrides of the contract's priors, each a scale; nil = the default from s.
    public var muSD: Double? = nil
    public var sigmaGroupScale: Double? = nil
    public var tauScale: Double? = nil
    public init() {}
}

/// Sign-offs a person gives; absent items stay "review".
public struct ReviewConfig: Sendable, Equatable {
    public var domainValidated: String? = nil
    public var interpretable: [String]? = nil
    public var monitoring: String? = nil
    public init() {}
}

public struct ReportConfig: Sendable, Equatable {
    public enum Paper: String, Sendable, Equatable { case a4, letter }
    public var paper: Paper = .a4
    public init() {}
}
