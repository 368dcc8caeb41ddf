/// The range each threshold may take, by its config key: a value outside makes the
/// checklist item it drives always pass or always fail, so it is refused by name.
extension Thresholds {
    /// Allowed values per key. Percentages lie in [0, 100], p-values, eta squared and
    /// coverage in [0, 1], a correlation in [-1, 1], LOO-IC margins and the separation
    /// ratio are non-negative (and below 1e6, far past any data), group sizes at least 1.
    public static let ranges: [String: ClosedRange<Double>] = [
        "quality_poor": 0...100,
        "quality_good": 0...100,
        "anova_p": 0...1,
        "eta_squared": 0...1,
        "min_group_size": 1...1_000_000,
        "min_group_size_hbm": 1...1_000_000,
        "looic_tie": 0...1_000_000,
        "looic_strong": 0...1_000_000,
        "separation": 0...1_000_000,
        "shrinkage_corr": -1...1,
        "coverage": 0...1,
        "dse_multiple": 0...1_000,
        "pooling_negligible": 0...1,
        "calibration_p": 0...1,
    ]

    /// "must lie in [0, 1], not 5", or nil when `value` is in range for `key`.
    public static func rangeProblem(_ key: String, _ value: Double) -> String? {
        guard let range = ranges[key], !range.contains(value) else { return nil }
        func show(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x) }
        return "must lie in [\(show(range.lowerBound)), \(show(range.upperBound))], not \(show(value))"
    }
}
