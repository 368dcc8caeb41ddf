import Foundation

/// PSIS-LOO of one observation without materialising its weights, in two parts:
///
/// 1. a pass over the S log ratios r_s = −log p(y_i | draw s) that yields `RatioSums`
///    (max r, a lower bound of r, Σ exp(r − max), Σ exp(bound − r)) and keeps the
///    *candidates*: every x = r − max at or above a guessed threshold that lies below the
///    tail's cutoff. `pointwise(ratios:…)` is that pass for a buffer of ratios (the PSIS
///    cross-check's and `LeaveOneOut`'s);
/// 2. `finish`: select the cutoff among the candidates, smooth the tail with
///    the generalized Pareto fit as `PSIS.smooth` does (ArviZ's `psislw`), and evaluate
///
///        elpd_i = log(n_body + Σ_tail exp(x̃_t − x_t)) − max r − log(Σ_body e^x + Σ_tail e^x̃)
///        lppd_i = log((1/S) Σ_s exp(−r_s)) = −bound + log Σ exp(bound − r) − log S
///
///    using that in the body x̃ = x, so lw + ll = −max r − logsumexp(x̃) there and only the
///    tail needs terms of its own (M ≈ 3√S of them).
extension PSIS {
    /// The sums of the pass over the S ratios of one observation.
    public struct RatioSums: Sendable {
        /// max_s r_s (exactly: the tail is truncated at the largest raw weight, x ≤ 0).
        public var maximum: Double
        /// Any value ≤ min_s r_s (the minimum itself for a plain buffer); it only scales the
        /// lppd sum so that its terms cannot overflow.
        public var lowerBound: Double
        /// Σ_s exp(r_s − maximum).
        public var sumExp: Double
        /// Σ_s exp(lowerBound − r_s).
        public var sumExpBelow: Double

        public init(maximum: Double, lowerBound: Double, sumExp: Double, sumExpBelow: Double) {
            self.maximum = maximum
            self.lowerBound = lowerBound
            self.sumExp = sumExp
            self.sumExpBelow = sumExpBelow
        }
    }

    /// One worker's buffers for PSIS over S draws, reused observation after observation.
    public struct Workspace {
        /// The candidates (S + 4 doubles, so that a pass may store unconditionally).
        public let candidates: UnsafeMutableBufferPointer<Double>
        let selection: TailSelection
        /// The smoothed tail weights.
        let smoothed: UnsafeMutableBufferPointer<Double>

        public init(sampleCount: Int) {
            // At least one draw.
            assert(sampleCount > 0, "PSIS.Workspace: sampleCount \(sampleCount) < 1")
            candidates = .allocate(capacity: sampleCount + 4)
            candidates.initialize(repeating: 0)
            selection = TailSelection(capacity: sampleCount + 4)
            smoothed = .allocate(capacity: sampleCount + 4)
        }

        public func deallocate() {
            candidates.deallocate()
            selection.deallocate()
            smoothed.deallocate()
        }
    }

    /// What depends only on S: the tail length M, the quantile levels' log(1 − (j − ½)/M) of the
    /// smoothed tail, and the sub-sample used to guess the candidates' threshold.
    public struct TailPlan: Sendable {
        public let sampleCount: Int
        public let tailLength: Int
        /// log(1 − (j + ½)/M), j = 0…M−1.
        let logSurvival: [Double]
        /// Every `guessStride`-th ratio goes into the guess.
        static let guessStride = 16

        public init(sampleCount: Int, reff: Double = 1) {
            self.sampleCount = sampleCount
            let m = PSIS.tailLength(sampleCount: sampleCount, reff: reff)
            tailLength = m
            logSurvival = (0..<max(m, 0)).map { Foundation.log1p(-(Double($0) + 0.5) / Double(m)) }
            // log(1 − p) of levels p ∈ (0, 1): strictly decreasing, negative and finite, one per tail draw.
            assert(
                logSurvival.count == max(m, 0) && logSurvival.allSatisfy { $0 < 0 && $0.isFinite }
                    && zip(logSurvival, logSurvival.dropFirst()).allSatisfy { $0 > $1 },
                "PSIS.TailPlan: quantile levels for M = \(m)")
        }

        /// A threshold at or below the cutoff, guessed from a sub-sample of the values
        /// x = r − max (every `guessStride`-th): the (a + 1)-th largest sub-sample value, so
        /// that about stride·(a + 1) of the S values are expected at or above it. a is
        /// `randomAbove` when the values come in no particular order and `stratifiedAbove`
        /// when they are sorted in runs (draws grouped by lattice node), where a systematic sub-sample counts
        /// them almost exactly. When fewer than M + 1 values reach the threshold the caller
        /// takes all S. −∞ when the sub-sample is too small to guess from.
        ///
        /// - Parameters:
        ///   - subsample: the sub-sample's values (reordered).
        ///   - above: a, the sub-sample values expected above the cutoff's neighbourhood.
        func guess(subsample: UnsafeMutableBufferPointer<Double>, above: Int) -> Double {
            guard subsample.count >= 64, above + 1 < subsample.count else { return -.infinity }
            return QuickSelect.select(subsample, k: subsample.count - above - 1)
        }

        /// 2(M + 1)/stride + 8: about 2M + 130 values expected at or above the threshold, with a
        /// standard deviation near 85 for S = 4,000 (an order statistic of a random
        /// sub-sample), so fewer than M + 1 has a probability near 10⁻⁴.
        var randomAbove: Int { (2 * (tailLength + 1)) / Self.guessStride + 8 }

        /// (M + 1)/stride + 10: for values sorted in runs the count at or above the threshold
        /// is off from stride·(a + 1) only by the sub-sample's phase at each run's ends. On the
        /// Phase 4 benchmark (200,000 creator fits, about 40 runs each) it exceeded M + 1 by
        /// 127 on average and never by less than 29; each further sub-sample value would add
        /// 16 candidates to every fit to save a rare pass over all S.
        var stratifiedAbove: Int { (tailLength + 1) / Self.guessStride + 10 }
    }

    /// PSIS-LOO of one observation from a buffer of its S ratios r_s = −log p(y_i | draw s).
    ///
    /// - Parameters:
    ///   - ratios: the S ratios (unchanged).
    ///   - plan: `TailPlan(sampleCount: S, reff:)`, S = `ratios.count`.
    ///   - workspace: for S draws.
    /// - Complexity: O(S) plus O(M·√M) for the fit.
    public static func pointwise(
        ratios r: UnsafeBufferPointer<Double>, plan: TailPlan, workspace: Workspace
    ) -> (elpd: Double, lppd: Double, k: Double) {
        let scratch = workspace.candidates
        let s = r.count
        // The plan and the workspace are for these S ratios; the workspace holds S + 4 candidates.
        assert(
            s > 0 && s == plan.sampleCount && scratch.count >= s + 4,
            "PSIS.pointwise: \(s) ratios, plan for \(plan.sampleCount), workspace of \(scratch.count)")
        var maximum = -Double.infinity
        var minimum = Double.infinity
        for value in r {
            maximum = max(maximum, value)
            minimum = min(minimum, value)
        }
        // Guess a threshold below the cutoff from a sub-sample.
        let stride = TailPlan.guessStride
        let subsampleCount = s / stride
        for j in 0..<subsampleCount { scratch[j] = r[j * stride] - maximum }
        let guess = plan.guess(
            subsample: UnsafeMutableBufferPointer(rebasing: scratch[0..<subsampleCount]), above: plan.randomAbove)
        // The ratios have a finite maximum (no +∞ or NaN ratio), and the guessed threshold is ≤ 0 = max x.
        assert(maximum.isFinite && !r.contains { $0.isNaN } && !(guess > 0), "PSIS.pointwise: max r = \(maximum)")
        var sums = RatioSums(maximum: maximum, lowerBound: minimum, sumExp: 0, sumExpBelow: 0)
        var kept = 0
        for value in r {
            let x = value - maximum
            sums.sumExp += FastMath.expNonPositive(x)
            sums.sumExpBelow += FastMath.expNonPositive(minimum - value)
            scratch[kept] = x
            kept &+= FastMath.oneIf(x >= guess)
        }
        if kept < plan.tailLength + 1 {
            for (index, value) in r.enumerated() { scratch[index] = value - maximum }
            kept = s
        }
        // The candidates are at most S, and at least M + 1 unless they are all S.
        assert(kept <= s && (kept >= plan.tailLength + 1 || kept == s), "PSIS.pointwise: \(kept) candidates")
        return finish(sums: sums, candidateCount: kept, plan: plan, workspace: workspace)
    }

    /// Part 2 (see the type's extension): the cutoff, the smoothed tail and the pointwise
    /// values.
    ///
    /// - Parameters:
    ///   - sums: from the pass.
    ///   - candidateCount: how many candidates `workspace.candidates` holds: x = r − max for
    ///     every draw at or above a threshold ≤ the cutoff (all S draws when in doubt), at
    ///     least M + 1 of them; reordered.
    ///   - plan: the tail plan for the observation's S draws.
    public static func finish(
        sums: RatioSums, candidateCount: Int, plan: TailPlan, workspace: Workspace
    ) -> (elpd: Double, lppd: Double, k: Double) {
        let s = plan.sampleCount
        // Between min(M + 1, S) and S candidates, none above 0 (x = r − max r).
        assert(
            candidateCount >= min(plan.tailLength + 1, s) && candidateCount <= s
                && candidateCount <= workspace.candidates.count,
            "PSIS.finish: \(candidateCount) candidates for S = \(s), M = \(plan.tailLength)")
        assert(
            !workspace.candidates[0..<candidateCount].contains { $0 > 0 || $0.isNaN },
            "PSIS.finish: a candidate above 0 or NaN")
        let candidates = UnsafeMutableBufferPointer(rebasing: workspace.candidates[0..<candidateCount])
        let (cutoff, tail) = workspace.selection.select(candidates, tailLength: plan.tailLength, floor: logTiny)
        let tailCount = tail.count
        // The tail: at most M values, strictly above the cutoff (≥ log of the least normal), ascending, ≤ 0.
        assert(
            tailCount <= plan.tailLength && cutoff >= logTiny && cutoff <= 0
                && tail.allSatisfy { $0 > cutoff && $0 <= 0 } && zip(tail, tail.dropFirst()).allSatisfy { $0 <= $1 },
            "PSIS.finish: tail of \(tailCount) above cutoff \(cutoff) not ascending in (cutoff, 0]")
        // The smoothed tail's buffer holds the tail.
        assert(workspace.smoothed.count >= tailCount, "PSIS.finish: smoothed buffer too short")
        // The tail's exceedances e^x − e^cutoff (ascending), in place, and Σ e^x.
        let expCutoff = Foundation.exp(cutoff)
        var tailRawSum = 0.0
        var j = 0
        if cutoff > -708 {  // then every tail value is inside `expNonPositive`'s range: four at a time
            let expCutoffLanes = SIMD4(repeating: expCutoff)
            var sumLanes = SIMD4<Double>.zero
            while j + 4 <= tailCount {
                let pointer = UnsafeMutableRawPointer(tail.baseAddress! + j)
                let weight = FastMath.expNonPositive(pointer.loadUnaligned(as: SIMD4<Double>.self))
                sumLanes += weight
                pointer.storeBytes(of: weight - expCutoffLanes, as: SIMD4<Double>.self)
                j += 4
            }
            tailRawSum = sumLanes.sum()
        }
        while j < tailCount {
            let weight = tail[j] > -708 ? FastMath.expNonPositive(tail[j]) : Foundation.exp(tail[j])
            tailRawSum += weight
            tail[j] = weight - expCutoff
            j += 1
        }
        let bodySum = max(sums.sumExp - tailRawSum, 0)
        let bodyCount = s - tailCount
        // Σ exp(r − max) holds the term e⁰ = 1 of the largest ratio (up to rounding) and ≤ S terms ≤ 1.
        assert(
            sums.sumExp >= 1 - 1e-12 && sums.sumExp <= Double(s) * (1 + 1e-12) && tailRawSum <= Double(tailCount),
            "PSIS.finish: sumExp \(sums.sumExp), tail sum \(tailRawSum)")

        var k = Double.infinity
        var tailWeightSum = tailRawSum  // Σ exp(x̃_t)
        var tailRatioSum = Double(tailCount)  // Σ exp(x̃_t − x_t)
        if tailCount > 4 {
            let fit = GeneralizedParetoFit.fit(sorted: UnsafeBufferPointer(tail))
            k = fit.k
            if k.isFinite && fit.sigma > 0 {
                let smoothed = workspace.smoothed
                let count = Double(tailCount)
                let quantile = GeneralizedParetoFit.Quantile(k: fit.k, sigma: fit.sigma)
                for j in 0..<tailCount {
                    let logSurvival =
                        tailCount == plan.tailLength
                        ? plan.logSurvival[j] : Foundation.log1p(-(Double(j) + 0.5) / count)
                    let q = quantile(logSurvival: logSurvival)
                    // x̃ = min(log(q + e^cutoff), 0): the weight is truncated at the largest raw one.
                    smoothed[j] = min(q + expCutoff, 1)
                }
                // The smoothed weights e^x̃ lie in (0, 1] (truncated at the largest raw weight).
                assert(
                    smoothed[0..<tailCount].allSatisfy { $0 > 0 && $0 <= 1 },
                    "PSIS.finish: smoothed tail weight outside (0, 1]")
                // Σ e^x̃ and Σ e^(x̃ − x), four at a time (the divisions two to an instruction).
                let expCutoffLanes = SIMD4(repeating: expCutoff)
                var weightLanes = SIMD4<Double>.zero
                var ratioLanes = SIMD4<Double>.zero
                j = 0
                while j + 4 <= tailCount {
                    let value = UnsafeRawPointer(smoothed.baseAddress! + j).loadUnaligned(as: SIMD4<Double>.self)
                    let raw = UnsafeRawPointer(tail.baseAddress! + j).loadUnaligned(as: SIMD4<Double>.self)
                    weightLanes += value
                    ratioLanes += value / (raw + expCutoffLanes)
                    j += 4
                }
                tailWeightSum = weightLanes.sum()
                tailRatioSum = ratioLanes.sum()
                while j < tailCount {
                    tailWeightSum += smoothed[j]
                    tailRatioSum += smoothed[j] / (tail[j] + expCutoff)
                    j += 1
                }
            }
        }
        let normaliser = Foundation.log(bodySum + tailWeightSum)
        let elpd = Foundation.log(Double(bodyCount) + tailRatioSum) - sums.maximum - normaliser
        let lppd = -sums.lowerBound + Foundation.log(sums.sumExpBelow) - Foundation.log(Double(s))
        return (elpd, lppd, k)
    }
}
