/// The playbook's decision thresholds; every one can be overridden under `thresholds:`.
/// Each is described once, default and range included, in `ThresholdDefinition`.
public struct Thresholds: Codable, Sendable, Equatable {
    /// Quality score (percent) below which a grouping is poor.
    public var qualityPoor: Double = ThresholdDefinition.qualityPoor.defaultValue
    /// Quality score (percent) above which a grouping is good.
    public var qualityGood: Double = ThresholdDefinition.qualityGood.defaultValue
    /// ANOVA p-value below which group means differ significantly.
    public var anovaP: Double = ThresholdDefinition.anovaP.defaultValue
    /// Eta-squared above which the effect size passes.
    public var etaSquared: Double = ThresholdDefinition.etaSquared.defaultValue
    /// Smallest group size for the checklist's group-size item.
    public var minGroupSize: Int = Int(ThresholdDefinition.minGroupSize.defaultValue)
    /// Smallest group size for which the hierarchical model is fitted at all.
    public var minGroupSizeHbm: Int = Int(ThresholdDefinition.minGroupSizeHbm.defaultValue)
    /// LOO-IC points within which two candidates are tied.
    public var looicTie: Double = ThresholdDefinition.looicTie.defaultValue
    /// LOO-IC points above which the evidence for the best is strong.
    public var looicStrong: Double = ThresholdDefinition.looicStrong.defaultValue
    /// Posterior separation ratio that passes.
    public var separation: Double = ThresholdDefinition.separation.defaultValue
    /// Correlation of precision with shrinkage that passes (below it).
    public var shrinkageCorr: Double = ThresholdDefinition.shrinkageCorr.defaultValue
    /// HBM interval coverage that passes (the check fails only below both this and what a
    /// well-specified model plausibly shows on these data: `CoverageCheck.plausibleLow`).
    public var coverage: Double = ThresholdDefinition.coverage.defaultValue
    /// Schema 2: a LOO difference is clear when elpd_diff exceeds this many dse.
    public var dseMultiple: Double = ThresholdDefinition.dseMultiple.defaultValue
    /// Schema 2: pooling changes little when the typical (median) creator pooling factor is
    /// below this.
    public var poolingNegligible: Double = ThresholdDefinition.poolingNegligible.defaultValue
    /// Schema 2: the LOO-PIT uniformity test's p-value below which calibration fails.
    public var calibrationP: Double = ThresholdDefinition.calibrationP.defaultValue

    public init() {}

    /// The YAML/JSON key of every threshold, in the contract's spelling.
    public static let keys: [String] = ThresholdDefinition.all.map(\.key)

    /// Keys and order come from `ThresholdDefinition.all`; a count is written as an integer.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ThresholdKey.self)
        for definition in ThresholdDefinition.all {
            let key = ThresholdKey(definition.key)
            switch definition.field {
            case .real(let path): try container.encode(self[keyPath: path], forKey: key)
            case .count(let path): try container.encode(self[keyPath: path], forKey: key)
            }
        }
    }

    /// A key that is absent (a snapshot older than the threshold) keeps its default.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: ThresholdKey.self)
        for definition in ThresholdDefinition.all {
            let key = ThresholdKey(definition.key)
            switch definition.field {
            case .real(let path):
                if let v = try container.decodeIfPresent(Double.self, forKey: key) { self[keyPath: path] = v }
            case .count(let path):
                if let v = try container.decodeIfPresent(Int.self, forKey: key) { self[keyPath: path] = v }
            }
        }
    }

    /// A threshold's config key as a coding key.
    struct ThresholdKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(_ key: String) { stringValue = key }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
