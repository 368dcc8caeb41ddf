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
        // At least five exceedances, the largest positive and finite.
        assert(
            n >= 5 && x[n - 1] > 0 && x[n - 1].isFinite,
            "GPD fit: \(n) exceedances, largest \(n > 0 ? x[n - 1] : .nan)")
        // Ascending and ≥ 0, up to 4ε: PSIS's exceedances e^x − e^cutoff carry the rounding of weights ≤ 1.
        assert(
            x[0] >= -4 * Double.ulpOfOne * max(x[n - 1], 1)
                && zip(x, x.dropFirst()).allSatisfy { $0 <= $1 + 4 * Double.ulpOfOne * max(x[n - 1], 1) },
            "GPD fit: exceedances not sorted ascending or negative")
        let priorBs = 3.0
        let priorK = 10.0
        let m = 30 + Int(Double(n).squareRoot())
        let quarter = x[Int(Double(n) / 4 + 0.5) - 1]
        let largest = x[n - 1]
        // The m candidate b_j, eight at a time (four independent chains of products per pass);
        // the last chunk's spare lanes repeat b_m and are ignored.
        let chunkCount = (m + 7) / 8
        // The chunks hold the m candidates with fewer than 8 spare lanes.
        assert(8 * chunkCount >= m && 8 * chunkCount < m + 8, "GPD fit: \(chunkCount) chunks for m = \(m)")
        return withUnsafeTemporaryAllocation(of: SIMD8<Double>.self, capacity: 2 * chunkCount) { buffer in
            let b = UnsafeMutableBufferPointer(rebasing: buffer[0..<chunkCount])
            let logLik = UnsafeMutableBufferPointer(rebasing: buffer[chunkCount..<(2 * chunkCount)])
            gridShape(m: m, into: b)
            var maxLogLik = -Double.infinity
            for chunk in 0..<chunkCount {
                let bj = b[chunk] / (priorBs * quarter) + 1 / largest
                b[chunk] = bj
                let kj = meanLog1p(-bj, x)
                var values = SIMD8<Double>(repeating: -.infinity)
                for lane in 0..<8 where 8 * chunk + lane < m {
                    values[lane] = Double(n) * (FastMath.log(-(bj[lane] / kj[lane])) - kj[lane] - 1)
                    maxLogLik = max(maxLogLik, values[lane])
                }
                logLik[chunk] = values
            }
            // w_j = 1 / Σ_l exp(ℓ_l − ℓ_j), written as exp(ℓ_j − max ℓ) / Σ_l exp(ℓ_l − max ℓ);
            // the spare lanes (ℓ = −∞) get e^−708 ≈ 3e-308, nothing next to the largest term, 1,
            // and fall under the weights' floor below.
            var totals = SIMD4<Double>.zero
            for chunk in 0..<chunkCount {
                let shifted = logLik[chunk] - maxLogLik
                let low = FastMath.expNonPositive(shifted.lowHalf)
                let high = FastMath.expNonPositive(shifted.highHalf)
                logLik[chunk] = SIMD8(lowHalf: low, highHalf: high)
                totals += low + high
            }
            let total = totals.sum()
            // With a finite largest ℓ, its term is e⁰ = 1, so the weights' total is ≥ 1 and at most m.
            assert(
                !maxLogLik.isFinite || (total >= 1 && total <= Double(m) * (1 + 1e-12)),
                "GPD fit: weights' total \(total) for max log-likelihood \(maxLogLik)")
            var kept = 0.0
            var bPosterior = 0.0
            for j in 0..<m {
                let w = logLik[j / 8][j % 8] / total
                if w >= 10 * Double.ulpOfOne {
                    kept += w
                    bPosterior += b[j / 8][j % 8] * w
                }
            }
            // The largest weight, 1/total ≥ 1/m, is always kept (when the total is finite).
            assert(!maxLogLik.isFinite || kept > 0, "GPD fit: no weight above the floor")
            bPosterior /= kept
            let kPosterior = meanLog1p(SIMD8(repeating: -bPosterior), x)[0]
            let sigma = -kPosterior / bPosterior
            let k = (Double(n) * kPosterior + priorK * 0.5) / (Double(n) + priorK)
            return (k, sigma)
        }
    }

    /// 1 − √(m/(j − ½)), j = 1…m, eight to a chunk (spare lanes repeat j = m): copied from
    /// `gridShapes` when m ≤ 200 (n < 28,900), else computed.
    private static func gridShape(m: Int, into chunks: UnsafeMutableBufferPointer<SIMD8<Double>>) {
        if m - 30 < gridShapes.starts.count {
            let start = gridShapes.starts[m - 30]
            for chunk in 0..<chunks.count { chunks[chunk] = gridShapes.chunks[start + chunk] }
        } else {
            for chunk in 0..<chunks.count { chunks[chunk] = shapeChunk(m: m, chunk: chunk) }
        }
    }

    private static func shapeChunk(m: Int, chunk: Int) -> SIMD8<Double> {
        var lanes = SIMD8<Double>.zero
        for lane in 0..<8 {
            let j = min(8 * chunk + lane, m - 1) + 1
            lanes[lane] = 1 - (Double(m) / (Double(j) - 0.5)).squareRoot()
        }
        return lanes
    }

    /// The grid shapes of every m = 30…200, flattened; m's chunks start at `starts[m − 30]`.
    private static let gridShapes: (chunks: [SIMD8<Double>], starts: [Int]) = {
        var chunks: [SIMD8<Double>] = []
        var starts: [Int] = []
        for m in 30...200 {
            starts.append(chunks.count)
            for chunk in 0..<((m + 7) / 8) { chunks.append(shapeChunk(m: m, chunk: chunk)) }
        }
        return (chunks, starts)
    }()

    /// The GPD quantile function σ·((1 − p)^(−k) − 1)/k (σ·(−log(1 − p)) when k = 0).
    ///
    /// One p at a time: used by the reference path `PSIS.smooth` (kept to cross-check PSIS
    /// with ArviZ in the tests); the hot path, `PSIS.finish`, uses `Quantile` directly.
    static func quantile(_ p: Double, k: Double, sigma: Double) -> Double {
        Quantile(k: k, sigma: sigma)(logSurvival: log1p(-p))
    }

    /// The quantile function of one fit, for many p given log(1 − p):
    /// expm1(−k·log(1 − p))·(σ/k), with σ/k divided once.
    struct Quantile {
        let k: Double
        let scale: Double
        let exponential: Bool

        init(k: Double, sigma: Double) {
            // A fitted shape and a positive scale (PSIS smooths only then).
            assert(k.isFinite && sigma > 0 && sigma.isFinite, "GPD quantile: k = \(k), sigma = \(sigma)")
            self.k = k
            exponential = abs(k) < Double.ulpOfOne
            scale = exponential ? -sigma : sigma / k
        }

        @inline(__always)
        func callAsFunction(logSurvival: Double) -> Double {
            exponential ? logSurvival * scale : FastMath.expm1(-k * logSurvival) * scale
        }
    }

    /// mean over i of log(1 + scale · x_i) for eight scales at once, as the log of running
    /// products: Σ log t_i = log Π t_i, so the factors t_i = 1 + scale·x_i are multiplied and
    /// the lanes' logs taken once per block of B factors. t is linear in x and x is sorted, so
    /// every factor of a lane lies between its first and last; with all factors in
    /// [2^e_lo, 2^(e_hi + 1)), B = ⌊1000 / max(e_hi + 1, −e_lo)⌋ keeps every product of B
    /// factors inside [2⁻¹⁰⁰⁰, 2¹⁰⁰⁰], normal doubles, and the loop needs no checks (for the
    /// fit's scales, b < 1/x₍ₙ₎, t ∈ [0.0019, 1 + 8.4·x₍ₙ₎/(3x₍ₙ/₄₎)], so B is about a
    /// hundred unless the tail spans many orders of magnitude).
    /// Each factor carries one rounding (1e-16 relative, 1e-16 absolute in its log), far below
    /// the 1e-6 to which k is compared with ArviZ.
    @inline(__always)
    private static func meanLog1p(_ scale: SIMD8<Double>, _ x: UnsafeBufferPointer<Double>) -> SIMD8<Double> {
        let n = x.count
        // At least one factor.
        assert(n > 0, "meanLog1p: no factors")
        let first = scale * x[0] + 1
        let last = scale * x[n - 1] + 1
        var smallest = Double.infinity
        var largest = 0.0
        for lane in 0..<8 {
            smallest = min(smallest, min(first[lane], last[lane]))
            largest = max(largest, max(first[lane], last[lane]))
        }
        var block = 1  // a factor at a time when a factor is not positive and finite
        if smallest > 0 && largest.isFinite && smallest.isNormal {
            let reach = max(Int(largest.exponent) + 1, -Int(smallest.exponent), 1)
            block = max(1000 / reach, 1)
        }
        // At least one factor per block.
        assert(block >= 1)
        var sum = SIMD8<Double>.zero
        var i = 0
        while i < n {
            let end = min(i + block, n)
            var product = SIMD8<Double>(repeating: 1)
            while i < end {
                product *= scale * x[i] + 1
                i += 1
            }
            for lane in 0..<8 { sum[lane] += FastMath.log(product[lane]) }
        }
        return sum / Double(n)
    }
}
