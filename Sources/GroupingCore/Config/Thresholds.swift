/// The playbook's decision thresholds; every one can be overridden under `thresholds:`.
public struct Thresholds: Codable, Sendable, Equatable {
    /// Quality score (percent) below which a grouping is poor.
    public var qualityPoor: Double = 20
    /// Quality score (percent) above which a grouping is good.
    public var qualityGood: Double = 40
    /// ANOVA p-value below which group means differ significantly.
    public var anovaP: Double = 0.05
    /// Eta-squared above which the effect size passes.
    public var etaSquared: Double = 0.20
    /// Smallest group size for the checklist's group-size item.
    public var minGroupSize: Int = 15
    /// Smallest group size for which the hierarchical model is fitted at all.
    public var minGroupSizeHbm: Int = 5
    /// LOO-IC points within which two candidates are tied.
    public var looicTie: Double = 2
    /// LOO-IC points above which the evidence for the best is strong.
    public var looicStrong: Double = 4
    /// Posterior separation ratio that passes.
    public var separation: Double = 1.5
    /// Correlation of precision with shrinkage that passes (below it).
    public var shrinkageCorr: Double = -0.3
    /// HBM interval coverage that passes (the check fails only below both this and what a
    /// well-specified model plausibly shows on these data: `CoverageCheck.plausibleLow`).
    public var coverage: Double = 0.93
    /// Schema 2: a LOO difference is clear when elpd_diff exceeds this many dse.
    public var dseMultiple: Double = 2
    /// Schema 2: pooling changes little when the typical (median) creator pooling factor is
    /// below this.
    public var poolingNegligible: Double = 0.05
    /// Schema 2: the LOO-PIT uniformity test's p-value below which calibration fails.
    public var calibrationP: Double = 0.01

    public init() {}

    /// The YAML/JSON key of every threshold, in the contract's spelling.
    public static let keys: [String] = CodingKeys.allCases.map(\.rawValue)

    enum CodingKeys: String, CodingKey, CaseIterable {
        case qualityPoor = "quality_poor"
        case qualityGood = "quality_good"
        case anovaP = "anova_p"
        case
            etaSquared = "eta_squared"
        case minGroupSize = "min_group_size"
        case
            minGroupSizeHbm = "min_group_size_hbm"
        case looicTie = "looic_tie"
        case
            looicStrong = "looic_strong"
        case separation
        case shrinkageCorr = "shrinkage_corr"
        case coverage
        case dseMultiple = "dse_multiple"
        case poolingNegligible = "pooling_negligible"
        case calibrationP = "calibration_p"
    }
}
