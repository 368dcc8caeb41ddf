/// Posterior separation of the group effects (playbook, Phase 5, Check 1).
///
/// ratio = sd (ddof 0) of the posterior means of mu_group / mean of their posterior sds.
/// The playbook's labels: strong when the between-group sd exceeds twice the average
/// posterior sd (ratio > 2), moderate when it exceeds it (ratio > 1), weak otherwise.
public enum PosteriorSeparation {
    /// - Parameter groups: the posterior summaries of mu_group.
    /// - Returns: the separation; `ratio` and `label` are nil when the average posterior sd is 0.
    public static func compute(_ groups: [PosteriorGroup]) -> SeparationResult? {
        guard !groups.isEmpty else { return nil }
        let means = groups.map(\.mean)
        let average = means.reduce(0, +) / Double(means.count)
        let betweenSD = (means.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(means.count)).squareRoot()
        let avgWithinSD = groups.map(\.sd).reduce(0, +) / Double(groups.count)
        guard avgWithinSD > 0, avgWithinSD.isFinite else {
            return SeparationResult(betweenSd: betweenSD, avgWithinSd: avgWithinSD, ratio: nil, label: nil)
        }
        let ratio = betweenSD / avgWithinSD
        return SeparationResult(betweenSd: betweenSD, avgWithinSd: avgWithinSD, ratio: ratio, label: label(ratio))
    }

    /// strong (> 2), moderate (> 1) or weak.
    public static func label(_ ratio: Double) -> String {
        ratio > 2 ? "strong" : (ratio > 1 ? "moderate" : "weak")
    }
}
