/// How far pooling moved each creator's estimate (playbook, Phase 5, Check 2).
///
/// shrinkage_i = |posterior mean of theta_i − effect_hat_i|; shrinkage_pct_i =
/// 100 · shrinkage_i / |effect_hat_i| (creators with effect_hat = 0 are left out of the
/// percent); corr_precision = Pearson correlation of 1/se with shrinkage. A sensible pattern
/// is negative: precise estimates move little, noisy ones a lot.
public struct ShrinkageAnalysis: Sendable {
    /// Per creator, aligned with the input.
    public let shrinkage: [Double]
    /// Per creator; NaN where effect_hat = 0.
    public let shrinkagePercent: [Double]
    public let precision: [Double]
    public let summary: ShrinkageResult

    /// - Parameters:
    ///   - effectHat: the ITE point estimates.
    ///   - se: their standard errors (all positive).
    ///   - posteriorMean: the posterior means of theta.
    public init(effectHat: [Double], se: [Double], posteriorMean: [Double]) {
        let n = effectHat.count
        var shrinkage = [Double](repeating: 0, count: n)
        var percent = [Double](repeating: .nan, count: n)
        var precision = [Double](repeating: 0, count: n)
        for i in 0..<n {
            shrinkage[i] = abs(posteriorMean[i] - effectHat[i])
            if effectHat[i] != 0 { percent[i] = 100 * shrinkage[i] / abs(effectHat[i]) }
            precision[i] = 1 / se[i]
        }
        self.shrinkage = shrinkage
        self.shrinkagePercent = percent
        self.precision = precision
        let percents = percent.filter { !$0.isNaN }
        summary = ShrinkageResult(
            median: Descriptive.median(shrinkage) ?? 0,
            medianPct: Descriptive.median(percents),
            corrPrecision: Self.pearson(precision, shrinkage))
    }

    /// Pearson's correlation (two-pass, as pandas `.corr()`); nil when either side is constant.
    public static func pearson(_ x: [Double], _ y: [Double]) -> Double? {
        let n = x.count
        guard n >= 2, y.count == n else { return nil }
        let mx = x.reduce(0, +) / Double(n)
        let my = y.reduce(0, +) / Double(n)
        var sxy = 0.0
        var sxx = 0.0
        var syy = 0.0
        for i in 0..<n {
            let dx = x[i] - mx
            let dy = y[i] - my
            sxy += dx * dy
            sxx += dx * dx
            syy += dy * dy
        }
        guard sxx > 0, syy > 0 else { return nil }
        return max(-1, min(1, sxy / (sxx * syy).squareRoot()))
    }
}
