/// The playbook's grouping quality score and its grade.
///
/// score = 100 · between / total (percent), from `VarianceDecomposition`; the grade is
/// "poor" below `quality_poor`, "good" above `quality_good`, "moderate" otherwise
/// (defaults 20 and 40, CONTRACT.md).
public enum QualityScore {
    /// 100 · between / total, or nil when between does not exist or total is 0 or missing.
    public static func score(_ variance: VarianceResult) -> Double? {
        guard let between = variance.between, let total = variance.total, total > 0 else {
            return nil
        }
        return 100 * between / total
    }

    /// Why the score does not exist, in words; nil when it does.
    public static func missingReason(_ variance: VarianceResult) -> String? {
        guard variance.between != nil else { return "needs at least two groups" }
        guard let total = variance.total else { return "needs at least two rows" }
        return total > 0 ? nil : "all values are equal (zero total variance)"
    }

    /// "poor" (score < poor), "good" (score > good) or "moderate"; nil without a score.
    ///
    /// - Parameters:
    ///   - score: the quality score in percent.
    ///   - poor: the `quality_poor` threshold (percent).
    ///   - good: the `quality_good` threshold (percent).
    public static func grade(score: Double?, poor: Double, good: Double) -> String? {
        guard let score else { return nil }
        if score < poor { return "poor" }
        if score > good { return "good" }
        return "moderate"
    }
}
