/// The documented order in which tied candidates are preferred for interpretability:
/// groupings the config declares interpretable (`review.interpretable`) first, then by kind:
/// categorical, bins, quantiles, cross, cluster (playbook, Pitfall 3: a slightly
/// suboptimal grouping that stakeholders understand beats an opaque one).
public enum InterpretabilityOrder {
    static let kindRank: [String: Int] = ["categorical": 0, "bins": 1, "quantiles": 2, "cross": 3, "cluster": 4]

    /// Smaller is more interpretable.
    public static func rank(_ candidate: CandidateResult, declared: [String]?) -> (Int, Int) {
        let isDeclared = declared?.contains(candidate.name) ?? false
        return (isDeclared ? 0 : 1, kindRank[candidate.kind] ?? 5)
    }
}
