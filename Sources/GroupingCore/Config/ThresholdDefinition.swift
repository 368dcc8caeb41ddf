import GroupingNumerics

/// One decision threshold, described once: its config key, default, allowed range, what it
/// means, the playbook's wording and the checklist item it drives. `Thresholds` takes its
/// defaults from here, the config parser its keys and ranges, the methods appendix its rows.
///
/// To add a threshold: add a definition here (and to `all`), and a stored property to
/// `Thresholds` whose default reads the definition; coding, parsing and the methods
/// appendix follow from the table.
public struct ThresholdDefinition: Sendable {
    /// Where the value lives in `Thresholds`, and whether it is a count.
    public enum Field: Sendable {
        case real(WritableKeyPath<Thresholds, Double> & Sendable)
        case count(WritableKeyPath<Thresholds, Int> & Sendable)
    }

    /// How the methods appendix writes the value.
    public enum Style: Sendable {
        /// A percentage given in points (20 → "20%").
        case percentPoints
        /// A fraction shown as a percentage (0.93 → "93%").
        case percentOfOne
        /// A p-value.
        case pValue
        /// A count (with thousands separators).
        case count
        /// A plain number, three significant digits.
        case number
    }

    /// The YAML/JSON key, in the contract's spelling.
    public let key: String
    public let field: Field
    /// The playbook's default.
    public let defaultValue: Double
    /// Values outside make the item it drives always pass or always fail, so they are refused.
    public let range: ClosedRange<Double>
    public let style: Style
    /// What the value means, in a line.
    public let meaning: String
    /// The playbook's own wording of the rule, where it states one.
    public let playbook: String?
    /// The checklist item (`SummaryChecklist.keys`) or decision the threshold drives.
    public let drives: String

    /// The value in force in `thresholds`.
    public func value(in thresholds: Thresholds) -> Double {
        switch field {
        case .real(let path): thresholds[keyPath: path]
        case .count(let path): Double(thresholds[keyPath: path])
        }
    }

    /// Sets the value in `thresholds` (a count is rounded toward zero; the parser has already
    /// refused a non-integer).
    public func set(_ value: Double, in thresholds: inout Thresholds) {
        switch field {
        case .real(let path): thresholds[keyPath: path] = value
        case .count(let path): thresholds[keyPath: path] = Int(value)
        }
    }

    /// The value as the report writes it.
    public func formatted(_ value: Double) -> String {
        switch style {
        case .percentPoints: NumberFormatting.percent(points: value, decimals: 0)
        case .percentOfOne: NumberFormatting.percent(fraction: value, decimals: 0)
        case .pValue: NumberFormatting.pValue(value)
        case .count: NumberFormatting.integer(Int(value))
        case .number: NumberFormatting.significant(value)
        }
    }

    /// The value in force, as the report writes it.
    public func formatted(in thresholds: Thresholds) -> String { formatted(value(in: thresholds)) }

    /// "must lie in [0, 1], not 5", or nil when `value` is in range.
    public func rangeProblem(_ value: Double) -> String? {
        guard !range.contains(value) else { return nil }
        func show(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
        return "must lie in [\(show(range.lowerBound)), \(show(range.upperBound))], not \(show(value))"
    }
}

extension ThresholdDefinition {
    /// Percentages lie in [0, 100], p-values, eta squared, coverage and pooling factors in
    /// [0, 1], a correlation in [-1, 1], LOO-IC margins and the separation ratio are
    /// non-negative (and below 1e6, far past any data), group sizes at least 1.
    static let unbounded: ClosedRange<Double> = 0...1_000_000

    public static let qualityPoor = ThresholdDefinition(
        key: "quality_poor", field: .real(\.qualityPoor), defaultValue: 20, range: 0...100,
        style: .percentPoints, meaning: "Quality score below which a grouping is poor",
        playbook: "< 20%: Poor grouping (don't use HBM)", drives: "Phase 1 verdict, shortlist")
    public static let qualityGood = ThresholdDefinition(
        key: "quality_good", field: .real(\.qualityGood), defaultValue: 40, range: 0...100,
        style: .percentPoints, meaning: "Quality score above which a grouping is good",
        playbook: "> 40%: Good grouping (strong HBM benefits)", drives: "Phase 1 verdict")
    public static let anovaP = ThresholdDefinition(
        key: "anova_p", field: .real(\.anovaP), defaultValue: 0.05, range: 0...1,
        style: .pValue, meaning: "ANOVA p-value below which group means differ",
        playbook: "ANOVA p-value < 0.05", drives: "significance")
    public static let etaSquared = ThresholdDefinition(
        key: "eta_squared", field: .real(\.etaSquared), defaultValue: 0.20, range: 0...1,
        style: .number, meaning: "η² above which the effect size passes",
        playbook: "η² > 0.20 (explains >20% of variance)", drives: "effect_size")
    public static let minGroupSize = ThresholdDefinition(
        key: "min_group_size", field: .count(\.minGroupSize), defaultValue: 15, range: 1...1_000_000,
        style: .count, meaning: "Smallest group for the checklist",
        playbook: "All groups have >15 creators", drives: "group_sizes")
    public static let minGroupSizeHbm = ThresholdDefinition(
        key: "min_group_size_hbm", field: .count(\.minGroupSizeHbm), defaultValue: 5, range: 1...1_000_000,
        style: .count, meaning: "Smallest group for fitting the model at all",
        playbook: nil, drives: "Phase 4 (candidates with smaller groups are skipped)")
    public static let looicTie = ThresholdDefinition(
        key: "looic_tie", field: .real(\.looicTie), defaultValue: 2, range: unbounded,
        style: .number, meaning: "LOO-IC points within which candidates are tied",
        playbook: "Best or within 2 points of best", drives: "loo")
    public static let looicStrong = ThresholdDefinition(
        key: "looic_strong", field: .real(\.looicStrong), defaultValue: 4, range: unbounded,
        style: .number, meaning: "LOO-IC points above which the evidence is strong",
        playbook: "d_loo > 4: Strong evidence for better model", drives: "recommendation strength")
    public static let separation = ThresholdDefinition(
        key: "separation", field: .real(\.separation), defaultValue: 1.5, range: unbounded,
        style: .number, meaning: "Separation ratio that passes",
        playbook: "separation ratio > 1.5", drives: "separation")
    public static let shrinkageCorr = ThresholdDefinition(
        key: "shrinkage_corr", field: .real(\.shrinkageCorr), defaultValue: -0.3, range: -1...1,
        style: .number, meaning: "Correlation of precision with shrinkage that passes (below)",
        playbook: "corr < -0.3", drives: "shrinkage")
    public static let coverage = ThresholdDefinition(
        key: "coverage", field: .real(\.coverage), defaultValue: 0.93, range: 0...1,
        style: .percentOfOne, meaning: "HBM interval coverage that passes",
        playbook: "≥93% on validation set", drives: "coverage")
    public static let dseMultiple = ThresholdDefinition(
        key: "dse_multiple", field: .real(\.dseMultiple), defaultValue: 2, range: 0...1_000,
        style: .number, meaning: "elpd_diff in dse above which a LOO difference is clear",
        playbook: nil, drives: "recommendation strength")
    public static let poolingNegligible = ThresholdDefinition(
        key: "pooling_negligible", field: .real(\.poolingNegligible), defaultValue: 0.05, range: 0...1,
        style: .number, meaning: "Median creator pooling factor below which pooling changes little",
        playbook: nil, drives: "recommendation (don't pool)")
    public static let calibrationP = ThresholdDefinition(
        key: "calibration_p", field: .real(\.calibrationP), defaultValue: 0.01, range: 0...1,
        style: .pValue, meaning: "LOO-PIT uniformity p-value below which calibration fails",
        playbook: nil, drives: "calibration")

    /// Every threshold, in the order results.json writes them.
    public static let all: [ThresholdDefinition] = [
        qualityPoor, qualityGood, anovaP, etaSquared, minGroupSize, minGroupSizeHbm, looicTie, looicStrong,
        separation, shrinkageCorr, coverage, dseMultiple, poolingNegligible, calibrationP,
    ]
}
