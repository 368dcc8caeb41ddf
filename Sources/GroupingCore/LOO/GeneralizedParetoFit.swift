import Foundation

/// The generalized Pareto distribution of the PSIS tail: its empirical-Bayes fit and
/// its quantile function.
///
/// Fit: Zhang & Stephens (2009), "A new and efficient estimation method for the
/// generalized Pareto distribution", Technometrics 51(3), with the weakly informative
/// prior of Vehtari, Simpson, Gelman, Yao & Gabry (2024, "Pareto smoothed importance
/// sampling", JMLR 25(72), appendix) as ArviZ's `_gpdfit` applies it:
///
///     m = 30 + ⌊√n⌋,  b_j = 1/x₍ₙ₎ + (1 − √(m/(j − ½))) / (3·x₍⌊n/4 + ½⌋₎),  j = 1…m
///     k(b) = mean log(1 − b·x),  ℓ(b) = n·(log(−b/k(b)) − k(b) − 1)
///     b̂ = Σ w_j b_j with w ∝ exp ℓ(b_j) (weights below 10·ε dropped),
///     σ̂ = −k(b̂)/b̂,  k̂ = (n·k(b̂) + 10·½)/(n + 10)      (prior on k: 10 pseudo-draws at ½)
///
/// k is the shape ξ of the usual parametrisation (the negative of Zhang & Stephens' k).
enum GeneralizedParetoFit {
    /// Fits the GPD to positive exceedances sorted in ascending order.
    ///
    /// - Parameter sorted: the exceedances x₍₁₎ ≤ … ≤ x₍ₙ₎, n ≥ 5.
    /// - Returns: (k, sigma).
    /// - Complexity: O(n·√n).
    static func fit(sorted x: UnsafeBufferPointer<Double>) -> (k: Double, sigma: Double) {
        let n = x.count
        let priorBs = 3.0
        let priorK = 10.0
        let m = 30 + Int(Double(n).squareRoot())
        let quarter = x[Int(Double(n) / 4 + 0.5) - 1]
        let largest = x[n - 1]
        // The m candidate b_j, four at a time (the last lanes repeat b_m and are ignored).
        let laneCount = (m + 3) / 4
        var b = [SIMD4<Double>](repeating: .zero, count: laneCount)
        var logLik = [Double](repeating: 0, count: m)
        var maxLogLik = -Double.infinity
        for chunk in 0..<laneCount {
            var bj = SIMD4<Double>.zero
            for lane in 0..<4 {
                let j = min(4 * chunk + lane, m - 1)
                bj[lane] = (1 - (Double(m) / (Double(j + 1) - 0.5)).squareRoot()) / (priorBs * quarter) + 1 / largest
            }
            b[chunk] = bj
            let kj = meanLog1p(-bj, x)
            for lane in 0..<4 where 4 * chunk + lane < m {
                let value = Double(n) * (FastMath.log(-(bj[lane] / kj[lane])) - kj[lane] - 1)
                logLik[4 * chunk + lane] = value
                maxLogLik = max(maxLogLik, value)
            }
        }
        // w_j = 1 / Σ_l exp(ℓ_l − ℓ_j), written as exp(ℓ_j − max ℓ) / Σ_l exp(ℓ_l − max ℓ).
        var total = 0.0
        for j in 0..<m {
            logLik[j] = FastMath.exp(logLik[j] - maxLogLik)
            total += logLik[j]
        }
        var kept = 0.0
        var bPosterior = 0.0
        for j in 0..<m {
            let w = logLik[j] / total
            if w >= 10 * Double.ulpOfOne {
                kept += w
                bPosterior += b[j / 4][j % 4] * w
            }
        }
        bPosterior /= kept
        let kPosterior = meanLog1p(SIMD4(repeating: -bPosterior), x)[0]
        let sigma = -kPosterior / bPosterior
        let k = (Double(n) * kPosterior + priorK * 0.5) / (Double(n) + priorK)
        return (k, sigma)
    }

    /// The GPD quantile function σ·((1 − p)^(−k) − 1)/k (σ·(−log(1 − p)) when k = 0).
    static func quantile(_ p: Double, k: Double, sigma: Double) -> Double {
        quantile(logSurvival: log1p(-p), k: k, sigma: sigma)
    }

    /// The quantile at p given log(1 − p): σ·expm1(−k·log(1 − p))/k.
    @inline(__always)
    static func quantile(logSurvival: Double, k: Double, sigma: Double) -> Double {
        if abs(k) < Double.ulpOfOne { return -logSurvival * sigma }
        return FastMath.expm1(-k * logSurvival) / k * sigma
    }

    /// mean over i of log(1 + scale · x_i) for four scales at once, as the log of running
    /// products: Σ log t_i = log Π t_i, so the factors t_i = 1 + scale·x_i are multiplied and
    /// a lane's log is taken only when its product leaves [1e-150, 1e150], checked after every
    /// `block` factors. For the fit's scales (b ≤ 1/x₍ₙ₎, so t ∈ [0.0019, 1 + 8.4·x₍ₙ₎/(3x₍ₙ/₄₎)])
    /// eight factors cannot leave the double range from inside that interval while
    /// x₍ₙ₎/x₍ₙ/₄₎ < 10¹⁷; beyond, every factor is checked. Each factor carries one rounding
    /// (1e-16 relative, 1e-16 absolute in its log), far below the 1e-6 to which k is compared
    /// with ArviZ.
    @inline(__always)
    private static func meanLog1p(_ scale: SIMD4<Double>, _ x: UnsafeBufferPointer<Double>) -> SIMD4<Double> {
        let n = x.count
        let block = x[n - 1] < 1e17 * x[max(n / 4 - 1, 0)] ? 8 : 1
        var sum = SIMD4<Double>.zero
        var product = SIMD4<Double>(repeating: 1)
        var i = 0
        while i < n {
            let end = min(i + block, n)
            while i < end {
                product *= scale * x[i] + 1
                i += 1
            }
            let largest = max(max(product[0], product[1]), max(product[2], product[3]))
            let smallest = min(min(product[0], product[1]), min(product[2], product[3]))
            if largest > 1e150 || smallest < 1e-150 {
                for lane in 0..<4 {
                    sum[lane] += FastMath.log(product[lane])
                    product[lane] = 1
                }
            }
        }
        for lane in 0..<4 { sum[lane] += FastMath.log(product[lane]) }
        return sum / Double(n)
    }
}
