/// The documented order in which tied candidates are preferred for interpretability:
/// groupings the config declares interpretable (`review.interpretable`) first, then by kind:
/// categorical, bins, quantiles, additive, cross, cluster (playbook, Pitfall 3: a slightly
/// suboptimal grouping that stakeholders understand beats an opaque one). An additive
/// candidate comes before the cross of the same members: two main effects are easier to
/// explain than one effect per cell, and they pool the small cells instead of estimating
/// each alone.
public enum InterpretabilityOrder {
    static let kindRank: [String: Int] = [
        "categorical": 0, "bins": 1, "quantiles": 2, "additive": 3, "cross": 4, "cluster": 5,
    ]

    /// Smaller is more interpretable.
    public static func rank(_ candidate: CandidateResult, declared: [String]?) -> (Int, Int) {
        let isDeclared = declared?.contains(candidate.name) ?? false
        return (isDeclared ? 0 : 1, kindRank[candidate.kind] ?? 6)
    }
}
