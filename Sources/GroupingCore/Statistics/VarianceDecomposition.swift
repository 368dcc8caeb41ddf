/// The playbook's variance decomposition (Phase 1), exactly as its pandas code computes it:
///
/// - `total`   = `df[y].var()`: variance (ddof 1) over all labelled rows; nil with fewer
///   than two rows.
/// - `between` = `df.groupby(g)[y].mean().var()`: variance (ddof 1) of the unweighted
///   group means; nil with fewer than two non-empty groups.
/// - `within`  = `df.groupby(g)[y].var().mean()`: mean of the group variances (ddof 1),
///   one-row groups skipped (pandas' NaN is skipped by `mean()`); nil when every group has
///   a single row.
///
/// Empty groups are left out, as pandas 3 does (`observed=True`). Note that `between` is
/// the variance of unweighted means, not the ANOVA mean square, so `between + within` is
/// not `total` in general.
public enum VarianceDecomposition {
    /// The decomposition of one candidate.
    ///
    /// - Complexity: O(n + groups).
    public static func compute(values: [Double], codes: [Int32], groupCount: Int)
        -> VarianceResult
    {
        compute(moments: GroupMoments.compute(values: values, codes: codes, groupCount: groupCount))
    }

    /// The decomposition from moments already gathered.
    public static func compute(moments: GroupMoments) -> VarianceResult {
        let total: Double? =
            moments.labelledCount > 1
            ? moments.totalSumOfSquares / Double(moments.labelledCount - 1) : nil
        let groups = moments.nonEmptyGroups
        let between = Descriptive.variance(groups.map { moments.means[$0] }, ddof: 1)
        let withinVariances = groups.filter { moments.counts[$0] > 1 }.map {
            moments.sumsOfSquares[$0] / Double(moments.counts[$0] - 1)
        }
        let within = Descriptive.mean(withinVariances)
        return VarianceResult(total: total, between: between, within: within)
    }
}
