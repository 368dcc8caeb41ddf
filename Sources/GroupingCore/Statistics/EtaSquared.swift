/// Eta-squared, the share of the outcome's sum of squares explained by the grouping
/// (Phase 3): η² = SS_between / SS_total, with SS_between = Σ_g n_g (mean_g − mean)² and
/// SS_total = Σ_i (x_i − mean)² over the labelled rows (Cohen 1973; the playbook's
/// `eta_squared`).
///
/// nil when it is undefined or empty of meaning: fewer than two non-empty groups, or all
/// values equal (SS_total = 0).
public enum EtaSquared {
    /// - Complexity: O(n + groups).
    public static func compute(values: [Double], codes: [Int32], groupCount: Int) -> Double? {
        compute(moments: GroupMoments.compute(values: values, codes: codes, groupCount: groupCount))
    }

    /// η² from moments already gathered.
    public static func compute(moments: GroupMoments) -> Double? {
        guard moments.nonEmptyGroups.count >= 2, moments.totalSumOfSquares > 0 else { return nil }
        return min(1, moments.betweenSumOfSquares / moments.totalSumOfSquares)
    }
}
