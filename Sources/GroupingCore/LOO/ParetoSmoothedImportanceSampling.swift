import Foundation

/// Pareto smoothed importance sampling (Vehtari, Simpson, Gelman, Yao & Gabry 2024,
/// "Pareto smoothed importance sampling", JMLR 25(72)), as ArviZ's `az.psislw` does it:
///
/// 1. shift the log ratios by their maximum (x = r − max r, "for safer exponentiation");
/// 2. the tail is the M = ⌈min(S/5, 3·√(S/r_eff))⌉ largest (strictly above the
///    (M+1)-th largest, the cutoff, itself at least log of the smallest normal double);
/// 3. with more than 4 tail draws, fit a generalized Pareto distribution to
///    exp(tail) − exp(cutoff) (`GeneralizedParetoFit`), replace the tail by the fitted
///    quantiles at (j − ½)/M, j = 1…M, in the tail's order, and truncate at the largest
///    raw weight (x ≤ 0); with 4 or fewer, k = ∞ and nothing is smoothed;
/// 4. normalise: log weights = x − logsumexp(x).
///
/// k is the estimated Pareto shape: the diagnostic of the importance-sampling estimate.
public enum PSIS {
    /// log of the smallest positive normal double, ArviZ's `cutoffmin`.
    static let logTiny = log(Double.leastNormalMagnitude)

    /// M, the tail length: ⌈min(S/5, 3·√(S/r_eff))⌉.
    public static func tailLength(sampleCount: Int, reff: Double = 1) -> Int {
        let s = Double(sampleCount)
        return Int(min(s / 5, 3 * (s / reff).squareRoot()).rounded(.up))
    }

    /// Smoothed, normalised log importance weights and the Pareto shape k.
    ///
    /// A reference path, kept for cross-checking: it sorts and materialises all S weights
    /// (the tests compare it with ArviZ's `psislw`); the analysis uses `PSIS.pointwise`,
    /// which gives the same pointwise values without them.
    ///
    /// - Parameters:
    ///   - logRatios: the S log importance ratios (for LOO, minus the log-likelihood).
    ///   - reff: relative efficiency of the draws (ESS/S); 1 for independent draws.
    /// - Returns: the S log weights (logsumexp = 0) and k (∞ when the tail is too short).
    /// - Complexity: O(S log S).
    public static func smooth(logRatios: [Double], reff: Double = 1) -> (logWeights: [Double], k: Double) {
        let s = logRatios.count
        let maximum = logRatios.max() ?? 0
        var x = logRatios.map { $0 - maximum }
        let order = x.indices.sorted { x[$0] < x[$1] }
        let cutoffIndex = max(s - tailLength(sampleCount: s, reff: reff) - 1, 0)
        let cutoff = max(x[order[cutoffIndex]], logTiny)
        let tailIndices = order.filter { x[$0] > cutoff }
        var k = Double.infinity
        if tailIndices.count > 4 {
            let expCutoff = exp(cutoff)
            let exceedances = tailIndices.map { exp(x[$0]) - expCutoff }
            let fit = exceedances.withUnsafeBufferPointer { GeneralizedParetoFit.fit(sorted: $0) }
            k = fit.k
            if k.isFinite {
                let count = Double(tailIndices.count)
                for (j, index) in tailIndices.enumerated() {
                    let q = GeneralizedParetoFit.quantile((Double(j) + 0.5) / count, k: fit.k, sigma: fit.sigma)
                    x[index] = log(q + expCutoff)
                }
                for index in x.indices where x[index] > 0 { x[index] = 0 }
            }
        }
        let normaliser = LogSumExp.of(x)
        return (x.map { $0 - normaliser }, k)
    }
}

/// log Σ exp(x), shifted by the maximum.
public enum LogSumExp {
    public static func of(_ values: [Double]) -> Double {
        guard let maximum = values.max(), maximum.isFinite else { return values.max() ?? -.infinity }
        var sum = 0.0
        for value in values { sum += exp(value - maximum) }
        return maximum + log(sum)
    }
}
