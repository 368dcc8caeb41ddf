/// Phase 4 and 5 results of one candidate's hierarchical model.
public struct HBMResult: Codable, Sendable, Equatable {
    /// nil when fitted, otherwise the reason the model was not fitted.
    @NullEncoded public var skipped: String?
    public var groups: [PosteriorGroup] = []
    @NullEncoded public var mu: MeanSD? = nil
    @NullEncoded public var tau: MeanSD? = nil
    @NullEncoded public var sigmaGroup: MeanSD? = nil
    @NullEncoded public var diagnostics: ConvergenceDiagnostics? = nil
    @NullEncoded public var loo: LOOSummary? = nil
    @NullEncoded public var separation: SeparationResult? = nil
    @NullEncoded public var shrinkage: ShrinkageResult? = nil
    @NullEncoded public var coverage: CoverageResult? = nil
    /// Schema 2: the model form (`ungrouped`, `one_way`, `additive`).
    @NullEncoded public var model: String? = nil
    /// Every hyperparameter's exact posterior mean and sd (tau first).
    public var scales: [NamedMeanSD] = []
    /// The additive model's effects (exact mean and sd).
    public var effects: [NamedMeanSD] = []
    @NullEncoded public var looPIT: LOOPITResult? = nil
    /// Schema 2: this model against `ungrouped` on the same creators.
    @NullEncoded public var versusUngrouped: VersusUngrouped? = nil
    @NullEncoded public var trueShare: Double? = nil
    @NullEncoded public var pooling: PoolingResult? = nil
    public var sensitivity: [SensitivityResult] = []
    /// The posterior table with az.summary's columns.
    public var summary: [PosteriorSummaryRow] = []

    public init(skipped: String?) { self.skipped = skipped }

    enum CodingKeys: String, CodingKey {
        case skipped, model, groups, mu, tau
        case sigmaGroup = "sigma_group"
        case scales, effects
        case diagnostics, loo
        case looPIT = "loo_pit"
        case versusUngrouped = "versus_ungrouped"
        case trueShare = "true_share"
        case pooling, sensitivity, summary
        case separation,
            shrinkage, coverage
    }
}

/// A model's LOO against the ungrouped baseline: elpd_diff = elpd_this − elpd_ungrouped
/// (positive: the grouping predicts better), its dse, and p_worse = Φ(−elpd_diff/dse), the
/// probability that the grouping predicts worse than no grouping.
public struct VersusUngrouped: Codable, Sendable, Equatable {
    public var elpdDiff: Double
    public var dse: Double
    public var pWorse: Double
    public init(elpdDiff: Double, dse: Double, pWorse: Double) {
        self.elpdDiff = elpdDiff
        self.dse = dse
        self.pWorse = pWorse
    }
    enum CodingKeys: String, CodingKey {
        case elpdDiff = "elpd_diff"
        case dse
        case pWorse = "p_worse"
    }
}

public struct MeanSD: Codable, Sendable, Equatable {
    public var mean: Double
    public var sd: Double
    public init(mean: Double, sd: Double) {
        self.mean = mean
        self.sd = sd
    }
}

/// Posterior of one group's mean, mu_group[g]: mean, sd and the 95% HDI.
public struct PosteriorGroup: Codable, Sendable, Equatable {
    public var label: String
    public var count: Int
    public var mean: Double
    public var sd: Double
    public var hdiLow: Double
    public var hdiHigh: Double
    public init(label: String, count: Int, mean: Double, sd: Double, hdiLow: Double, hdiHigh: Double) {
        self.label = label
        self.count = count
        self.mean = mean
        self.sd = sd
        self.hdiLow = hdiLow
        self.hdiHigh = hdiHigh
    }
    enum CodingKeys: String, CodingKey {
        case label, count, mean, sd
        case hdiLow = "hdi_low"
        case hdiHigh = "hdi_high"
    }
}

public struct ConvergenceDiagnostics: Codable, Sendable, Equatable {
    public var rhatMax: Double
    public var essBulkMin: Double
    public var essTailMin: Double
    /// Parameters with R-hat > 1.01 or ESS < 400, in words.
    public var warnings: [String] = []
    /// Schema 2: how good the hyperparameter grid is.
    @NullEncoded public var grid: GridDiagnostics? = nil
    public init(rhatMax: Double, essBulkMin: Double, essTailMin: Double, warnings: [String] = []) {
        self.rhatMax = rhatMax
        self.essBulkMin = essBulkMin
        self.essTailMin = essTailMin
        self.warnings = warnings
    }
    enum CodingKeys: String, CodingKey {
        case rhatMax = "rhat_max"
        case essBulkMin = "ess_bulk_min"
        case essTailMin = "ess_tail_min"
        case warnings, grid
    }
}

public struct ParetoKCounts: Codable, Sendable, Equatable {
    public var good: Int
    public var bad: Int
    public var veryBad: Int
    public init(good: Int, bad: Int, veryBad: Int) {
        self.good = good
        self.bad = bad
        self.veryBad = veryBad
    }
    enum CodingKeys: String, CodingKey {
        case good, bad
        case veryBad = "very_bad"
    }
}

public struct LOOSummary: Codable, Sendable, Equatable {
    public var elpd: Double
    public var se: Double
    public var pLoo: Double
    public var looic: Double
    public var kMax: Double
    /// The "good" threshold in force: min(1 − 1/log10(S), 0.7).
    public var kThreshold: Double
    public var paretoK: ParetoKCounts
    /// Schema 2: `exact` (quadrature) or `psis`.
    public var method: String = "psis"
    /// Schema 2: the PSIS cross-check of an exact LOO.
    @NullEncoded public var psis: PSISSummary? = nil
    public init(
        elpd: Double, se: Double, pLoo: Double, looic: Double, kMax: Double, kThreshold: Double, paretoK: ParetoKCounts
    ) {
        self.elpd = elpd
        self.se = se
        self.pLoo = pLoo
        self.looic = looic
        self.kMax = kMax
        self.kThreshold = kThreshold
        self.paretoK = paretoK
    }
    enum CodingKeys: String, CodingKey {
        case elpd, se
        case pLoo = "p_loo"
        case looic
        case kMax = "k_max"
        case kThreshold = "k_threshold"
        case
            paretoK = "pareto_k"
        case method, psis
    }
}

public struct SeparationResult: Codable, Sendable, Equatable {
    public var betweenSd: Double
    public var avgWithinSd: Double
    @NullEncoded public var ratio: Double?
    /// strong | moderate | weak
    @NullEncoded public var label: String?
    public init(betweenSd: Double, avgWithinSd: Double, ratio: Double?, label: String?) {
        self.betweenSd = betweenSd
        self.avgWithinSd = avgWithinSd
        self.ratio = ratio
        self.label = label
    }
    enum CodingKeys: String, CodingKey {
        case betweenSd = "between_sd"
        case avgWithinSd = "avg_within_sd"
        case ratio, label
    }
}

public struct ShrinkageResult: Codable, Sendable, Equatable {
    public var median: Double
    @NullEncoded public var medianPct: Double?
    @NullEncoded public var corrPrecision: Double?
    public init(median: Double, medianPct: Double?, corrPrecision: Double?) {
        self.median = median
        self.medianPct = medianPct
        self.corrPrecision = corrPrecision
    }
    enum CodingKeys: String, CodingKey {
        case median
        case medianPct = "median_pct"
        case corrPrecision = "corr_precision"
    }
}

public struct CoverageResult: Codable, Sendable, Equatable {
    public var hbm: Double
    public var raw: Double
    public var hbmMeanWidth: Double
    public var rawMeanWidth: Double
    public var creators: Int
    /// Schema 2: the 0.5% quantile of the coverage a well-specified model shows on these
    /// creators (`HierarchicalFit.posteriorCoverage`); the check fails only below it and the
    /// configured threshold.
    @NullEncoded public var plausibleLow: Double? = nil
    public init(hbm: Double, raw: Double, hbmMeanWidth: Double, rawMeanWidth: Double, creators: Int) {
        self.hbm = hbm
        self.raw = raw
        self.hbmMeanWidth = hbmMeanWidth
        self.rawMeanWidth = rawMeanWidth
        self.creators = creators
    }
    enum CodingKeys: String, CodingKey {
        case hbm, raw
        case hbmMeanWidth = "hbm_mean_width"
        case rawMeanWidth = "raw_mean_width"
        case creators
        case plausibleLow = "plausible_low"
    }
}

/// One row of the LOO comparison, rank 1 first.
public struct ComparisonRow: Codable, Sendable, Equatable {
    public var name: String
    public var rank: Int
    public var elpdLoo: Double
    public var looic: Double
    public var elpdDiff: Double
    public var dLooic: Double
    public var se: Double
    public var dse: Double
    public var weight: Double
    /// Schema 2: Φ(−elpd_diff/dse), the normal approximation to the probability that this
    /// model predicts worse than the best (0 for the best itself).
    public var pWorse: Double = 0
    /// Schema 2: why that approximation is unreliable (`ComparisonDiagnostic`).
    public var diag: [ComparisonDiagnostic] = []
    public init(
        name: String, rank: Int, elpdLoo: Double, looic: Double, elpdDiff: Double, dLooic: Double, se: Double,
        dse: Double, weight: Double
    ) {
        self.name = name
        self.rank = rank
        self.elpdLoo = elpdLoo
        self.looic = looic
        self.elpdDiff = elpdDiff
        self.dLooic = dLooic
        self.se = se
        self.dse = dse
        self.weight = weight
    }
    enum CodingKeys: String, CodingKey {
        case name, rank
        case elpdLoo = "elpd_loo"
        case looic
        case elpdDiff = "elpd_diff"
        case dLooic = "d_looic"
        case
            se, dse, weight
        case pWorse = "p_worse"
        case diag
    }
}

/// The model and sampler settings of the run, echoed for the archive.
public struct ModelSettingsEcho: Codable, Sendable, Equatable {
    public var chains: Int
    public var draws: Int
    public var warmup: Int
    public var seed: UInt64
    public var sampler: String
    public var priors: [String: String]
    public init(chains: Int, draws: Int, warmup: Int, seed: UInt64, sampler: String, priors: [String: String]) {
        self.chains = chains
        self.draws = draws
        self.warmup = warmup
        self.seed = seed
        self.sampler = sampler
        self.priors = priors
    }
}

/// The summary checklist for the recommended grouping.
public struct Checklist: Codable, Sendable, Equatable {
    @NullEncoded public var grouping: String?
    public var items: [ChecklistItem]
    public init(grouping: String?, items: [ChecklistItem]) {
        self.grouping = grouping
        self.items = items
    }
}

public struct ChecklistItem: Codable, Sendable, Equatable {
    /// domain, significance, effect_size, group_sizes, loo, separation, shrinkage, coverage,
    /// interpretability, monitoring
    public var key: String
    /// pass | fail | review | not_assessed
    public var status: String
    public var detail: String
    public init(key: String, status: String, detail: String) {
        self.key = key
        self.status = status
        self.detail = detail
    }
}

/// The four outcomes of the decision (contract, schema 2).
public enum Decision: String, Codable, Sendable, Equatable, CaseIterable {
    /// Use the hierarchical model with the recommended grouping.
    case useHbm = "use_hbm"
    /// No grouping predicts meaningfully better than none, but pooling toward the overall
    /// mean still helps: use the ungrouped hierarchical model.
    case poolUngrouped = "pool_ungrouped"
    /// Pooling would change little (the ITEs are precise relative to tau), or the data cannot
    /// support a model: use the raw ITEs.
    case noHbm = "no_hbm"
    /// A check failed or evidence is missing: revise before deploying.
    case revise
}

public struct Recommendation: Codable, Sendable, Equatable {
    public var decision: Decision
    @NullEncoded public var grouping: String?
    public var reasons: [String]
    public init(decision: Decision, grouping: String?, reasons: [String]) {
        self.decision = decision
        self.grouping = grouping
        self.reasons = reasons
    }
}

/// A playbook pitfall that the data shows.
public struct Pitfall: Codable, Sendable, Equatable {
    public var key: String
    @NullEncoded public var candidate: String?
    public var detail: String
    public init(key: String, candidate: String?, detail: String) {
        self.key = key
        self.candidate = candidate
        self.detail = detail
    }
}

/// How the ITEs were estimated from the panel, when they were.
public struct PanelEstimation: Codable, Sendable, Equatable {
    public var method: String
    public var creators: Int
    public var treatedCreators: Int
    public var observations: Int
    public var att: Double
    public var attSe: Double
    public var seMultiplier: Double
    public var iterations: Int
    @NullEncoded public var rawCoverage: Double?
    public init(
        method: String, creators: Int, treatedCreators: Int, observations: Int, att: Double, attSe: Double,
        seMultiplier: Double, iterations: Int, rawCoverage: Double?
    ) {
        self.method = method
        self.creators = creators
        self.treatedCreators = treatedCreators
        self.observations = observations
        self.att = att
        self.attSe = attSe
        self.seMultiplier = seMultiplier
        self.iterations = iterations
        self.rawCoverage = rawCoverage
    }
    enum CodingKeys: String, CodingKey {
        case method, creators
        case treatedCreators = "treated_creators"
        case observations, att
        case
            attSe = "att_se"
        case seMultiplier = "se_multiplier"
        case iterations
        case rawCoverage = "raw_coverage"
    }
}

public struct PhaseTiming: Codable, Sendable, Equatable {
    public var phase: String
    public var seconds: Double
    public init(phase: String, seconds: Double) {
        self.phase = phase
        self.seconds = seconds
    }
}
