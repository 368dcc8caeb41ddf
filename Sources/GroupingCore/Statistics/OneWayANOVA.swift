/// One-way analysis of variance (Phase 3), as `scipy.stats.f_oneway`:
///
///     F = (SS_between / (k − 1)) / (SS_within / (N − k)),   p = P(F(k−1, N−k) > F)
///
/// with SS_between = Σ_g n_g (mean_g − mean)², SS_within = Σ_g Σ_i (x_i − mean_g)², k the
/// number of non-empty groups and N the labelled rows. SS_within is summed directly rather
/// than as SS_total − SS_between (scipy's form), which agrees with scipy to rounding and
/// keeps its digits when the groups separate strongly.
///
/// Undefined cases give nil values with a `reason` and never trap:
/// - fewer than two non-empty groups: "needs at least two groups";
/// - N ≤ k (no within-group degrees of freedom): "fewer rows than groups + 1";
/// - all values equal: F is 0/0 (scipy: NaN), "all values are equal (zero total variance)";
/// - every group constant but the groups differ: F = ∞ and p = 0 in scipy; here `f` is
///   nil (JSON has no infinity), `p` is 0.0 and the reason is "within-group variance is
///   zero".
public enum OneWayANOVA {
    /// The test for one candidate.
    ///
    /// - Complexity: O(n + groups).
    public static func test(values: [Double], codes: [Int32], groupCount: Int) -> AnovaJSON {
        test(moments: GroupMoments.compute(values: values, codes: codes, groupCount: groupCount))
    }

    /// The test from moments already gathered.
    public static func test(moments: GroupMoments) -> AnovaJSON {
        let groups = moments.nonEmptyGroups.count
        guard groups >= 2 else {
            return AnovaJSON(
                f: nil, p: nil, dfBetween: nil, dfWithin: nil, reason: "needs at least two groups")
        }
        let dfBetween = groups - 1
        let dfWithin = moments.labelledCount - groups
        guard dfWithin > 0 else {
            return AnovaJSON(
                f: nil, p: nil, dfBetween: dfBetween, dfWithin: dfWithin,
                reason: "fewer rows than groups + 1")
        }
        if moments.grandMinimum == moments.grandMaximum {
            return AnovaJSON(
                f: nil, p: nil, dfBetween: dfBetween, dfWithin: dfWithin,
                reason: "all values are equal (zero total variance)")
        }
        if moments.everyGroupConstant {
            return AnovaJSON(
                f: nil, p: 0.0, dfBetween: dfBetween, dfWithin: dfWithin,
                reason: "within-group variance is zero")
        }
        let meanSquareBetween = moments.betweenSumOfSquares / Double(dfBetween)
        let meanSquareWithin = moments.withinSumOfSquares / Double(dfWithin)
        let f = meanSquareBetween / meanSquareWithin
        let p = SpecialFunctions.fSurvival(f: f, dfn: Double(dfBetween), dfd: Double(dfWithin))
        return AnovaJSON(f: f, p: p, dfBetween: dfBetween, dfWithin: dfWithin, reason: nil)
    }
}
