import Foundation

/// PSIS-LOO (Vehtari, Gelman & Gabry 2017, "Practical Bayesian model evaluation using
/// leave-one-out cross-validation and WAIC", Statistics and Computing 27), with ArviZ's
/// `az.loo` conventions:
///
///     elpd_loo = Σ_i elpd_i,  elpd_i = log Σ_s w̃_is p(y_i | θ_s)   (PSIS weights w̃, Σ_s w̃_is = 1)
///     se       = √(N · population variance of elpd_i)
///     p_loo    = lppd − elpd_loo,  lppd = Σ_i log((1/S) Σ_s p(y_i | θ_s))
///     looic    = −2 · elpd_loo
///
/// Pareto k: "good" at or below min(1 − 1/log10(S), 0.7), "bad" up to 1, "very bad" above
/// (ArviZ's bins; k = ∞, a tail too short to fit, counts as very bad).
public enum LeaveOneOut {
    /// Pointwise PSIS-LOO of one observation.
    public struct Pointwise: Sendable, Equatable {
        public var elpd: Double
        public var lppd: Double
        public var k: Double
    }

    /// PSIS-LOO of every row of a log-likelihood matrix (rows = observations).
    ///
    /// - Parameters:
    ///   - logLikelihood: row i holds log p(y_i | θ_s) for the S draws.
    ///   - reff: relative efficiency (ESS/S) of the draws; 1 for independent draws.
    /// - Returns: one `Pointwise` per row.
    public static func pointwise(logLikelihood: [[Double]], reff: Double = 1) -> [Pointwise] {
        guard let s = logLikelihood.first?.count, s > 0 else { return [] }
        let plan = PSIS.TailPlan(sampleCount: s, reff: reff)
        var ratios = [Double](repeating: 0, count: s)
        let workspace = PSIS.Workspace(sampleCount: s)
        defer { workspace.deallocate() }
        return logLikelihood.map { row in
            for index in 0..<s { ratios[index] = -row[index] }
            let result = ratios.withUnsafeBufferPointer { PSIS.pointwise(ratios: $0, plan: plan, workspace: workspace) }
            return Pointwise(elpd: result.elpd, lppd: result.lppd, k: result.k)
        }
    }

    /// The "good" Pareto-k threshold min(1 − 1/log10(S), 0.7).
    public static func goodKThreshold(sampleCount: Int) -> Double {
        min(1 - 1 / log10(Double(sampleCount)), 0.7)
    }

    /// The summary of pointwise values (see the type's definition).
    ///
    /// - Parameters:
    ///   - elpd: pointwise elpd_i.
    ///   - lppd: pointwise log of the mean predictive density.
    ///   - paretoK: pointwise k.
    ///   - sampleCount: S, the number of draws.
    public static func summarize(
        elpd: [Double], lppd: [Double], paretoK: [Double], sampleCount: Int
    ) -> LOOSummary {
        let threshold = goodKThreshold(sampleCount: sampleCount)
        guard !elpd.isEmpty else {
            return LOOSummary(
                elpd: 0, se: 0, pLoo: 0, looic: 0, kMax: 0, kThreshold: threshold,
                paretoK: ParetoKCounts(good: 0, bad: 0, veryBad: 0))
        }
        let total = NeumaierSum.of(elpd)
        let se = StandardError.ofSum(elpd)
        let pLoo = NeumaierSum.of(lppd) - total
        var good = 0
        var bad = 0
        var veryBad = 0
        var kMax = -Double.infinity
        for k in paretoK {
            if k <= threshold { good += 1 } else if k <= 1 { bad += 1 } else { veryBad += 1 }
            kMax = max(kMax, k)
        }
        return LOOSummary(
            elpd: total, se: se, pLoo: pLoo, looic: -2 * total,
            kMax: kMax.isFinite ? kMax : .greatestFiniteMagnitude, kThreshold: threshold,
            paretoK: ParetoKCounts(good: good, bad: bad, veryBad: veryBad))
    }
}

/// Compensated (Neumaier) summation, so that sums over a million pointwise values do not
/// depend on rounding order more than necessary.
public enum NeumaierSum {
    public static func of(_ values: [Double]) -> Double {
        var sum = 0.0
        var compensation = 0.0
        for value in values {
            let t = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - t) + value
            } else {
                compensation += (value - t) + sum
            }
            sum = t
        }
        return sum + compensation
    }
}
