import Foundation

extension ImputationEstimator {
    /// Quantiles of Student's t distribution, for the small-sample inflation of the
    /// per-creator standard errors (see `ImputationEstimator` on standard errors).
    enum StudentT {
        /// The quantile t_{p, ν} for p in (0.5, 1) and ν > 0 degrees of freedom: the root
        /// of P(T ≤ t) = p, found by bisection to full double precision.
        ///
        /// Uses P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (DLMF 8.17 and the relation
        /// of the t distribution to the beta distribution, Abramowitz & Stegun 26.7.1), with the
        /// library's `SpecialFunctions.regularizedIncompleteBeta`.
        static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
            precondition(p > 0.5 && p < 1 && nu > 0)
            let tail = 1 - p
            func upperTail(_ t: Double) -> Double {
                0.5 * SpecialFunctions.regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
            }
            var low = 0.0
            var high = 1.0
            while upperTail(high) > tail { high *= 2 }
            for _ in 0..<200 {
                let middle = 0.5 * (low + high)
                if middle == low || middle == high { break }
                if upperTail(middle) > tail { low = middle } else { high = middle }
            }
            return 0.5 * (low + high)
        }
    }
}
