import Foundation

extension ImputationEstimator {
    /// Quantiles of Student's t distribution, for the small-sample inflation of the
    /// per-creator standard errors (see `ImputationEstimator` on standard errors).
    enum StudentT {
        /// The quantile t_{p, ν} for p in (0.5, 1) and ν > 0 degrees of freedom: the root
        /// of P(T ≤ t) = p, found by bisection to full double precision.
        ///
        /// Uses P(T > t) = ½ · I_{ν/(ν+t²)}(ν/2, ½) for t ≥ 0 (DLMF 8.17 and the relation
        /// of the t distribution to the beta distribution, Abramowitz & Stegun 26.7.1).
        static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
            precondition(p > 0.5 && p < 1 && nu > 0)
            let tail = 1 - p
            func upperTail(_ t: Double) -> Double {
                0.5 * regularizedIncompleteBeta(x: nu / (nu + t * t), a: nu / 2, b: 0.5)
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

        /// The regularised incomplete beta function I_x(a, b), by its continued fraction
        /// (DLMF 8.17.22) evaluated with the modified Lentz method, using the symmetry
        /// I_x(a, b) = 1 − I_{1−x}(b, a) where the fraction converges slowly.
        static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
            if x <= 0 { return 0 }
            if x >= 1 { return 1 }
            if x > (a + 1) / (a + b + 2) { return 1 - regularizedIncompleteBeta(x: 1 - x, a: b, b: a) }
            let logPrefactor = a * log(x) + b * log1p(-x) - log(a) - (lgamma(a) + lgamma(b) - lgamma(a + b))
            return exp(logPrefactor) * continuedFraction(x: x, a: a, b: b)
        }

        /// 1 / (1 + d₁ / (1 + d₂ / (1 + …))) with d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1))
        /// and d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)), read as b₀ + a₁/(b₁ + a₂/(b₂ + …)) with
        /// b₀ = 0, a₁ = 1, a_{j+1} = d_j, b_j = 1. The state below is Lentz's after the
        /// first level: C₁ = 1/tiny, D₁ = 1, f₁ = 1.
        private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
            let tiny = 1e-300
            var c = 1 / tiny
            var d = 1.0
            var result = 1.0
            for m in 0..<10_000 {
                for odd in [true, false] {
                    let mm = Double(m)
                    let numerator: Double
                    if odd {
                        numerator = -(a + mm) * (a + b + mm) * x / ((a + 2 * mm) * (a + 2 * mm + 1))
                    } else {
                        let k = mm + 1
                        numerator = k * (b - k) * x / ((a + 2 * k - 1) * (a + 2 * k))
                    }
                    d = 1 + numerator * d
                    if Swift.abs(d) < tiny { d = tiny }
                    c = 1 + numerator / c
                    if Swift.abs(c) < tiny { c = tiny }
                    d = 1 / d
                    let delta = c * d
                    result *= delta
                    if Swift.abs(delta - 1) < 3e-16 { return result }
                }
            }
            return result
        }
    }
}
