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

    /// PSIS-LOO of one observation from minus its log-likelihood per draw, without
    /// materialising the weights: with x = r − max r, the body's x̃ = x so lw + ll = −max − lse
    /// there, and only the tail needs its own terms:
    ///
    ///     elpd_i = log(n_body + Σ_tail exp(x̃_t − x_t)) − max r − logsumexp(x̃)
    ///     lppd_i = logsumexp(−r) − log S
    ///
    /// The cutoff (the (M+1)-th largest ratio) is found by partial selection: a threshold
    /// guessed from every 8th ratio keeps about 2M + 60 candidates in one pass (with the sum of
    /// exp), and the exact order statistic is selected among them; when the guess keeps too
    /// few, the whole buffer is selected instead. The result does not depend on the guess.
    ///
    /// - Parameters:
    ///   - ratios: r_s = −log p(y_i | draw s); left unchanged unless the fallback runs.
    ///   - tailLength: M from `tailLength(sampleCount:reff:)`.
    ///   - scratch: at least S doubles.
    ///   - maximum, minimum: max and min of `ratios`, when the caller already has them.
    /// - Complexity: O(S) (one pass of exp) plus O(M·√M) for the fit.
    @inlinable
    public static func pointwise(
        ratios: UnsafeMutableBufferPointer<Double>, tailLength: Int, tail scratch: UnsafeMutableBufferPointer<Double>,
        maximum knownMaximum: Double? = nil, minimum knownMinimum: Double? = nil
    ) -> (elpd: Double, lppd: Double, k: Double) {
        pointwiseCore(
            ratios: ratios, tailLength: tailLength, scratch: scratch, knownMaximum: knownMaximum,
            knownMinimum: knownMinimum)
    }

    @usableFromInline
    static func pointwiseCore(
        ratios r: UnsafeMutableBufferPointer<Double>, tailLength: Int, scratch: UnsafeMutableBufferPointer<Double>,
        knownMaximum: Double?, knownMinimum: Double?
    ) -> (elpd: Double, lppd: Double, k: Double) {
        let s = r.count
        var maximum = -Double.infinity
        var minimum = Double.infinity
        if let knownMaximum, let knownMinimum {
            maximum = knownMaximum
            minimum = knownMinimum
        } else {
            for value in r {
                maximum = max(maximum, value)
                minimum = min(minimum, value)
            }
        }
        let cutoffIndex = max(s - tailLength - 1, 0)
        // Guess a threshold below the cutoff from every 8th ratio.
        let stride = 8
        let subsampleCount = s / stride
        var guess = -Double.infinity
        if subsampleCount >= 64 {
            for j in 0..<subsampleCount { scratch[j] = r[j * stride] }
            let above = (2 * (tailLength + 1)) / stride + 8
            let rank = subsampleCount - 1 - above
            if rank > 0 {
                guess = QuickSelect.select(UnsafeMutableBufferPointer(rebasing: scratch[0..<subsampleCount]), k: rank)
            }
        }
        // One pass: Σ exp(x), Σ exp(−(r − min)), candidates r ≥ guess.
        let reciprocal = maximum - minimum < 700
        let scaleToMinimum = FastMath.exp(minimum - maximum)
        var sumAll = 0.0
        var lppdSum = 0.0
        var kept = 0
        // Σ exp(r − max) and Σ exp(min − r); the second as a scaled reciprocal of the first
        // when no term can underflow, two draws per division (1/a + 1/b = (a + b)/(ab), with
        // ab ≥ e⁻⁶⁸⁰ when max − min < 340).
        if maximum - minimum < 340 {
            let pairs = s / 2
            for pair in 0..<pairs {
                let a = FastMath.expNonPositive(r[2 * pair] - maximum)
                let b = FastMath.expNonPositive(r[2 * pair + 1] - maximum)
                sumAll += a + b
                lppdSum += scaleToMinimum * (a + b) / (a * b)
            }
            if s % 2 == 1 {
                let e = FastMath.expNonPositive(r[s - 1] - maximum)
                sumAll += e
                lppdSum += scaleToMinimum / e
            }
        } else if reciprocal {
            for index in 0..<s {
                let e = FastMath.expNonPositive(r[index] - maximum)
                sumAll += e
                lppdSum += scaleToMinimum / e
            }
        } else {
            for index in 0..<s {
                sumAll += FastMath.expNonPositive(r[index] - maximum)
                lppdSum += FastMath.expNonPositive(minimum - r[index])
            }
        }
        for index in 0..<s where r[index] >= guess {
            scratch[kept] = r[index]
            kept += 1
        }
        let lppd = -minimum + Foundation.log(lppdSum) - Foundation.log(Double(s))

        var candidates: UnsafeMutableBufferPointer<Double>
        var candidateCutoffIndex: Int
        if kept >= tailLength + 1 {
            candidates = UnsafeMutableBufferPointer(rebasing: scratch[0..<kept])
            candidateCutoffIndex = kept - tailLength - 1
        } else {
            for index in 0..<s { scratch[index] = r[index] }
            candidates = UnsafeMutableBufferPointer(rebasing: scratch[0..<s])
            candidateCutoffIndex = cutoffIndex
        }
        let cutoffRatio = QuickSelect.select(candidates, k: candidateCutoffIndex)
        let cutoff = max(cutoffRatio - maximum, logTiny)
        // The tail: candidates after the cutoff strictly above it, moved to the front.
        var tailCount = 0
        var tailRawSum = 0.0
        for index in (candidateCutoffIndex + 1)..<candidates.count {
            let x = candidates[index] - maximum
            if x > cutoff {
                candidates[tailCount] = x
                tailCount += 1
                tailRawSum += FastMath.exp(x)
            }
        }
        let bodySum = max(sumAll - tailRawSum, 0)
        let bodyCount = s - tailCount

        var k = Double.infinity
        var tailWeightSum = 0.0  // Σ exp(x̃_t)
        var tailRatioSum = 0.0  // Σ exp(x̃_t − x_t)
        var tailBuffer = UnsafeMutableBufferPointer(rebasing: candidates[0..<tailCount])
        var smoothed = false
        if tailCount > 4 {
            tailBuffer.sort()
            let expCutoff = Foundation.exp(cutoff)
            for j in 0..<tailCount { tailBuffer[j] = Foundation.exp(tailBuffer[j]) - expCutoff }
            let fit = GeneralizedParetoFit.fit(sorted: UnsafeBufferPointer(tailBuffer))
            k = fit.k
            if k.isFinite && fit.sigma > 0 {
                smoothed = true
                let count = Double(tailCount)
                for j in 0..<tailCount {
                    let xRaw = Foundation.log(tailBuffer[j] + expCutoff)
                    let q = GeneralizedParetoFit.quantile((Double(j) + 0.5) / count, k: fit.k, sigma: fit.sigma)
                    let xSmooth = min(Foundation.log(q + expCutoff), 0)
                    tailWeightSum += Foundation.exp(xSmooth)
                    tailRatioSum += Foundation.exp(xSmooth - xRaw)
                }
            } else {
                for j in 0..<tailCount { tailBuffer[j] = Foundation.log(tailBuffer[j] + expCutoff) }
            }
        }
        if !smoothed {
            for j in 0..<tailCount {
                tailWeightSum += Foundation.exp(tailBuffer[j])
                tailRatioSum += 1
            }
        }
        let normaliser = Foundation.log(bodySum + tailWeightSum)
        let elpd = Foundation.log(Double(bodyCount) + tailRatioSum) - maximum - normaliser
        return (elpd, lppd, k)
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
