/// Interval coverage against known true effects (playbook, Production workflow step 5).
///
/// hbm = share of creators whose true effect lies in the central 95% posterior interval of
/// theta_i; raw = share inside effect_hat ± 1.96 se. Creators without a true effect are left
/// out. The mean interval widths show what pooling bought: a narrower interval at the same
/// coverage.
public enum CoverageCheck {
    /// - Returns: nil when no creator has a true effect.
    public static func compute(
        truth: [Double], lower: [Double], upper: [Double], effectHat: [Double], se: [Double]
    ) -> CoverageResult? {
        var n = 0
        var hbmHits = 0
        var rawHits = 0
        var hbmWidth = 0.0
        var rawWidth = 0.0
        for i in truth.indices where !truth[i].isMissing {
            n += 1
            if truth[i] >= lower[i] && truth[i] <= upper[i] { hbmHits += 1 }
            let half = 1.96 * se[i]
            if truth[i] >= effectHat[i] - half && truth[i] <= effectHat[i] + half { rawHits += 1 }
            hbmWidth += upper[i] - lower[i]
            rawWidth += 2 * half
        }
        guard n > 0 else { return nil }
        let count = Double(n)
        return CoverageResult(
            hbm: Double(hbmHits) / count, raw: Double(rawHits) / count,
            hbmMeanWidth: hbmWidth / count, rawMeanWidth: rawWidth / count, creators: n)
    }
}
