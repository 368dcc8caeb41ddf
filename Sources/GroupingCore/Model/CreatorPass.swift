import Foundation

/// One creator's posterior summary and PSIS-LOO from the fit's draws, in one pass over them.
///
/// For creator i (effect y, standard error se) in group g and draw s in a run of tau node k
/// (v_k = se² + tau_k²):
///
///     theta_i | · ~ N(y + b_k (mu_g,s − y), c_k),  b_k = se²/v_k,  c_k = se² tau_k²/v_k
///     r_s = −log N(y | mu_g,s, √v_k) = ½ log(2π v_k) + (mu_g,s − y)²/(2 v_k)
///
/// **Before the pass**, in O(runs) from the layout's per-run moments of mu_g:
/// - theta's mean and sd, Rao–Blackwellised: the mean and variance of the mixture
///   (1/S) Σ_s N(m_is, c_is), exact given the draws;
/// - the largest ratio exactly (r grows with (mu − y)², largest at the run's extreme mu) and
///   a lower bound of the smallest.
///
/// **The pass**, run by run (draws sorted by mu within a run, see `CreatorDrawLayout`):
/// - Σ e^(r − max) and Σ e^(bound − r), which PSIS needs, as a short series in the run's
///   power sums (`exponentialSums`) where the run has them and the series converges fast,
///   else draw by draw, four at a time (`chunkSums`, `FastMath`);
/// - the theta draws m_is + √c_is · z (z from the layout's normals), centred on theta's mean,
///   four at a time: counted below two windows of ±0.15 sd around ∓1.96 sd and kept when
///   inside (`thetaRun`);
/// - the PSIS tail candidates, every r − max at or above a threshold guessed from every
///   16th draw, scanned from the run's two ends (r falls towards the run's middle).
///
/// **After it**: the type-7 2.5% and 97.5% quantiles of the S theta draws are selected inside
/// the windows (all S theta draws are recomputed and selected from when a quantile's order
/// statistics are not inside its window), and `PSIS.finish` smooths the tail. Everything is
/// exact given the draws: the guesses and windows only decide how much is looked at.
enum CreatorPass {
    struct Summary: Sendable {
        var mean: Double
        var sd: Double
        var lower: Double
        var upper: Double
        var elpd: Double
        var lppd: Double
        var k: Double
    }

    /// Per-run constants of one creator.
    struct RunConstants {
        var constant: Double  // ½ log(2π v)
        var half: Double  // 1/(2v)
        var shrink: Double  // se²/v
        var thetaSD: Double  // √(se² tau²/v)
    }

    /// One worker's buffers (sized for a layout), reused creator after creator.
    struct Scratch {
        let psis: PSIS.Workspace
        let lowWindow: UnsafeMutableBufferPointer<Double>
        let highWindow: UnsafeMutableBufferPointer<Double>
        let thetas: UnsafeMutableBufferPointer<Double>
        let constants: UnsafeMutableBufferPointer<RunConstants>
        /// a^l/l! of `exponentialSums`.
        let series: UnsafeMutableBufferPointer<Double>
        /// 1/n for n = 0…`seriesOrder` + 2 (entry 0 unused).
        let reciprocals: UnsafeMutableBufferPointer<Double>

        init(layout: CreatorDrawLayout) {
            let capacity = layout.paddedCount + CreatorDrawLayout.lanes
            func buffer() -> UnsafeMutableBufferPointer<Double> {
                let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
                buffer.initialize(repeating: 0)
                return buffer
            }
            psis = PSIS.Workspace(sampleCount: layout.paddedCount)
            lowWindow = buffer()
            highWindow = buffer()
            thetas = buffer()
            constants = .allocate(capacity: max(layout.runs.count, 1))
            series = .allocate(capacity: CreatorDrawLayout.seriesOrder + 2)
            reciprocals = .allocate(capacity: CreatorDrawLayout.seriesOrder + 3)
            for n in 0...(CreatorDrawLayout.seriesOrder + 2) { reciprocals[n] = n == 0 ? 0 : 1 / Double(n) }
        }

        func deallocate() {
            psis.deallocate()
            lowWindow.deallocate()
            highWindow.deallocate()
            thetas.deallocate()
            constants.deallocate()
            series.deallocate()
            reciprocals.deallocate()
        }
    }

    /// The layout's arrays as pointers, for the hot loop.
    struct LayoutView: @unchecked Sendable {
        let runs: UnsafeBufferPointer<CreatorDrawLayout.Run>
        let muGroup: UnsafeBufferPointer<Double>
        let moments: UnsafeBufferPointer<CreatorDrawLayout.RunMoments>
        let powerSums: UnsafeBufferPointer<Double>
        let normals: UnsafeBufferPointer<Double>
        let sampleCount: Int
        let paddedCount: Int
    }

    /// Half-width of the theta windows, in posterior sd: no quantile fell outside its window on
    /// the example's 12,720 creator fits at 0.15 (1.3% did at 0.12, each then selected among
    /// all S draws).
    static let windowHalfWidth = 0.15
    static let z975 = 1.959963984540054

    static func run(
        y: Double, se: Double, group g: Int, offset: Int, layout: LayoutView, scratch: Scratch,
        plan: PSIS.TailPlan
    ) -> Summary {
        let s = layout.sampleCount
        let runs = layout.runs
        let mu = layout.muGroup.baseAddress! + g * layout.paddedCount
        let z = layout.normals.baseAddress! + offset
        let moments = layout.moments.baseAddress! + g * runs.count
        let seSquared = se * se
        let halfLog2Pi = 0.5 * Foundation.log(2 * Double.pi)

        // Per-run constants, theta's moments, the largest ratio and a lower bound of the smallest.
        var maximum = -Double.infinity
        var lowerBound = Double.infinity
        var sumOffset = 0.0  // Σ_s b (mu − y)
        var sumOffsetSquared = 0.0  // Σ_s b² (mu − y)²
        var sumVariance = 0.0  // Σ_s c
        for (k, run) in runs.enumerated() {
            let v = seSquared + run.tauSquared
            let conditionalVariance = seSquared * run.tauSquared / v
            let constants = RunConstants(
                constant: halfLog2Pi + 0.5 * FastMath.log(v), half: 0.5 / v, shrink: seSquared / v,
                thetaSD: conditionalVariance.squareRoot())
            scratch.constants[k] = constants
            let count = Double(run.count)
            let m = moments[k]
            let centre = m.mean - y
            sumOffset += constants.shrink * count * centre
            sumOffsetSquared += constants.shrink * constants.shrink * (m.centredSquares + count * centre * centre)
            sumVariance += count * conditionalVariance
            let dLow = m.low - y
            let dHigh = m.high - y
            let largest = max(dLow * dLow, dHigh * dHigh)
            let smallest = dLow <= 0 && dHigh >= 0 ? 0 : min(dLow * dLow, dHigh * dHigh)
            maximum = max(maximum, constants.constant + constants.half * largest)
            lowerBound = min(lowerBound, constants.constant + constants.half * smallest)
        }
        let count = Double(s)
        let meanOffset = sumOffset / count
        let sd = max((sumOffsetSquared + sumVariance) / count - meanOffset * meanOffset, 0).squareRoot()
        let mean = y + meanOffset

        // The candidates' threshold, from a systematic sub-sample.
        let stride = PSIS.TailPlan.guessStride
        var subsampleCount = 0
        for (k, run) in runs.enumerated() {
            let constants = scratch.constants[k]
            var p = (run.start + stride - 1) / stride * stride
            while p < run.end {
                let d = mu[p] - y
                scratch.psis.candidates[subsampleCount] = shiftedRatio(d, constants, maximum: maximum)
                subsampleCount += 1
                p += stride
            }
        }
        let guess = plan.guess(
            subsample: UnsafeMutableBufferPointer(rebasing: scratch.psis.candidates[0..<subsampleCount]),
            above: plan.stratifiedAbove)

        // The pass, run by run: e^(r − max) and e^(bound − r) summed as a series where the run
        // has power sums and the series is short, else draw by draw; theta draws into the
        // windows; tail candidates scanned from the run's ends.
        var state = PassState()
        let windows = Windows(centre: z975 * sd, halfWidth: windowHalfWidth * sd)
        let gap = lowerBound - maximum  // ≤ every r − max
        let reciprocal = gap > -600
        var seriesExp = 0.0  // Σ e^(r − max) over the runs summed as series
        var seriesBelow = 0.0  // Σ e^(bound − r) over the same
        for (k, run) in runs.enumerated() {
            let constants = scratch.constants[k]
            let m = moments[k]
            var summed = false
            if m.seriesStart >= 0 {
                let centre = m.mean - y
                let a = 2 * constants.half * centre * m.radius
                let b = constants.half * m.radius * m.radius
                if let sums = exponentialSums(
                    a: a, b: b, powerSums: layout.powerSums.baseAddress! + m.seriesStart, scratch: scratch.series,
                    reciprocals: UnsafeBufferPointer(scratch.reciprocals))
                {
                    let rCentre = constants.constant + constants.half * (centre * centre)
                    seriesExp += FastMath.exp(rCentre - maximum) * sums.plus
                    seriesBelow += FastMath.exp(lowerBound - rCentre) * sums.minus
                    summed = true
                }
            }
            if !summed {
                let step = Step(y: y, constants: constants, maximum: maximum, gap: gap, reciprocal: reciprocal)
                let fullEnd = run.start + (run.count / 4) * 4
                let all = SIMDMask<SIMD4<Int64>>(repeating: true)
                for p in Swift.stride(from: run.start, to: fullEnd, by: 4) {
                    chunkSums(p, valid: all, mu: mu, step: step, state: &state)
                }
                if fullEnd < run.end {
                    let valid = SIMD4<Int64>(0, 1, 2, 3) .< SIMD4(repeating: Int64(run.end - fullEnd))
                    chunkSums(fullEnd, valid: valid, mu: mu, step: step, state: &state)
                }
            }
            thetaRun(
                run.start, run.end, base: centredBase(y: y, shrink: constants.shrink, mean: mean),
                shrink: constants.shrink, sd: constants.thetaSD, mu: mu, z: z, windows: windows, state: &state,
                scratch: scratch)
            // Along the sorted run r falls from each end towards the middle, so the draws with
            // r − max ≥ guess are a prefix and a suffix.
            var left = run.start
            while left < run.end {
                let d = mu[left] - y
                let x = shiftedRatio(d, constants, maximum: maximum)
                if x < guess { break }
                scratch.psis.candidates[state.kept] = x
                state.kept &+= 1
                left &+= 1
            }
            var right = run.end - 1
            while right >= left {
                let d = mu[right] - y
                let x = shiftedRatio(d, constants, maximum: maximum)
                if x < guess { break }
                scratch.psis.candidates[state.kept] = x
                state.kept &+= 1
                right &-= 1
            }
        }

        // theta's central 95% interval (of the centred draws, then shifted back by the mean).
        splitWindows(windows, state: &state, scratch: scratch)
        let lowH = Double(s - 1) * 0.025
        let highH = Double(s - 1) * 0.975
        var lower = fromWindow(
            scratch.lowWindow, state.lowCount, below: state.belowLowCount, h: lowH, total: s)
        var upper = fromWindow(
            scratch.highWindow, state.highCount, below: state.belowHighCount, h: highH, total: s)
        if lower == nil || upper == nil {
            var n = 0
            for (k, run) in runs.enumerated() {
                let constants = scratch.constants[k]
                let base = centredBase(y: y, shrink: constants.shrink, mean: mean)
                for p in run.start..<run.end {
                    scratch.thetas[n] = centredDraw(
                        mu[p], z[p], base: base, shrink: constants.shrink, sd: constants.thetaSD)
                    n += 1
                }
            }
            let all = UnsafeMutableBufferPointer(rebasing: scratch.thetas[0..<s])
            if lower == nil { lower = quantile(all, h: lowH) }
            if upper == nil { upper = quantile(all, h: highH) }
        }

        // PSIS-LOO.
        let directBelow =
            reciprocal ? FastMath.expNonPositive(gap) * state.sumBelow.sum() : state.sumBelow.sum()
        let sums = PSIS.RatioSums(
            maximum: maximum, lowerBound: lowerBound, sumExp: seriesExp + state.sumExp.sum(),
            sumExpBelow: seriesBelow + directBelow)
        var kept = state.kept
        if kept < plan.tailLength + 1 {
            kept = 0
            for (k, run) in runs.enumerated() {
                let constants = scratch.constants[k]
                for p in run.start..<run.end {
                    let d = mu[p] - y
                    scratch.psis.candidates[kept] = shiftedRatio(d, constants, maximum: maximum)
                    kept += 1
                }
            }
        }
        let loo = PSIS.finish(sums: sums, candidateCount: kept, plan: plan, workspace: scratch.psis)
        return Summary(
            mean: mean, sd: sd, lower: mean + lower!, upper: mean + upper!, elpd: loo.elpd, lppd: loo.lppd, k: loo.k)
    }

    /// The two windows of the centred theta draws (theta − mean), symmetric about 0: centre ∓
    /// `centre` (1.96 sd) ± `halfWidth`.
    struct Windows {
        var lowFrom: Double
        var lowTo: Double
        var highFrom: Double
        var highTo: Double
        /// Near a window, |c ∓ centre| ≤ reach (the half-width widened by a relative 1e-6, far
        /// above the rounding of these squares, so that no value inside a window fails the
        /// test), is h − reach ≤ |c| ≤ h + reach, i.e. (c² − (h² + reach²))² ≤ (2·h·reach)²:
        /// one test without branches or masks.
        var ringCentre: Double
        var ringLimit: Double

        init(centre h: Double, halfWidth: Double) {
            lowFrom = -h - halfWidth
            lowTo = -h + halfWidth
            highFrom = h - halfWidth
            highTo = h + halfWidth
            let reach = halfWidth * (1 + 1e-6)
            ringCentre = h * h + reach * reach
            ringLimit = (2 * h * reach) * (2 * h * reach)
        }
    }

    /// What `chunkSums` needs of a run, broadcast to four lanes.
    struct Step {
        let y: SIMD4<Double>
        let constant: SIMD4<Double>
        let half: SIMD4<Double>
        let maximum: SIMD4<Double>
        let gap: SIMD4<Double>
        let reciprocal: Bool

        init(y: Double, constants: RunConstants, maximum: Double, gap: Double, reciprocal: Bool) {
            self.y = SIMD4(repeating: y)
            constant = SIMD4(repeating: constants.constant)
            half = SIMD4(repeating: constants.half)
            self.maximum = SIMD4(repeating: maximum)
            self.gap = SIMD4(repeating: gap)
            self.reciprocal = reciprocal
        }
    }

    /// The pass's running sums and counts.
    struct PassState {
        var sumExp = SIMD4<Double>.zero  // Σ e^(r − max)
        var sumBelow = SIMD4<Double>.zero  // Σ e^(max − r), or Σ e^(bound − r) when the gap is wide
        var belowLowCount = 0
        var belowHighCount = 0
        var kept = 0
        var nearCount = 0
        var lowCount = 0
        var highCount = 0
    }

    /// e^(r − max) and e^(max − r) (or e^(bound − r)) of the four draws at p…p+3 into the
    /// sums (lanes outside `valid` are pads and add nothing).
    @inline(__always)
    static func chunkSums(
        _ p: Int, valid: SIMDMask<SIMD4<Int64>>, mu: UnsafePointer<Double>, step: Step, state: inout PassState
    ) {
        let d = UnsafeRawPointer(mu + p).loadUnaligned(as: SIMD4<Double>.self) - step.y
        let x = (step.constant + step.half * (d * d)) - step.maximum
        let e = FastMath.expNonPositive(x)
        state.sumExp += e.replacing(with: 0, where: .!valid)
        // e^(max − r) = 1/e, safe while max − bound < 600; otherwise e^(bound − r) directly.
        let below = step.reciprocal ? 1 / e : FastMath.expNonPositive(step.gap - x)
        state.sumBelow += below.replacing(with: 0, where: .!valid)
    }

    /// The centred theta draws c = theta − mean of a run: counted below each window, and kept
    /// (in `scratch.thetas`) when near either window (`Windows`; `splitWindows` then keeps
    /// exactly the values inside). Four draws at a time; stores are unconditional and the
    /// counts advance by the comparisons: no branches on the data.
    @inline(never)
    static func thetaRun(
        _ start: Int, _ end: Int, base: Double, shrink: Double, sd: Double, mu: UnsafePointer<Double>,
        z: UnsafePointer<Double>, windows: Windows, state: inout PassState, scratch: Scratch
    ) {
        var kept = state.nearCount
        let near = scratch.thetas.baseAddress!
        let baseLanes = SIMD4(repeating: base)
        let shrinkLanes = SIMD4(repeating: shrink)
        let sdLanes = SIMD4(repeating: sd)
        let lowFromLanes = SIMD4(repeating: windows.lowFrom)
        let highFromLanes = SIMD4(repeating: windows.highFrom)
        let ringCentreLanes = SIMD4(repeating: windows.ringCentre)
        let ringLimitLanes = SIMD4(repeating: windows.ringLimit)
        let zero = SIMD4<Double>.zero
        // The counts as lanes of doubles.
        var belowLowLanes = zero
        var belowHighLanes = zero
        let fullEnd = start + (end - start) / 4 * 4
        var p = start
        while p < fullEnd {
            let m = UnsafeRawPointer(mu + p).loadUnaligned(as: SIMD4<Double>.self)
            let zz = UnsafeRawPointer(z + p).loadUnaligned(as: SIMD4<Double>.self)
            let c = baseLanes + shrinkLanes * m + sdLanes * zz
            belowLowLanes += zero.replacing(with: 1, where: c .< lowFromLanes)
            belowHighLanes += zero.replacing(with: 1, where: c .< highFromLanes)
            let w = c * c - ringCentreLanes
            let excess = w * w - ringLimitLanes  // ≤ 0 when near a window
            for lane in 0..<4 {
                near[kept] = c[lane]
                kept &+= FastMath.oneIf(excess[lane] <= 0)
            }
            p &+= 4
        }
        var belowLow = Int(belowLowLanes.sum())
        var belowHigh = Int(belowHighLanes.sum())
        while p < end {
            let c = centredDraw(mu[p], z[p], base: base, shrink: shrink, sd: sd)
            belowLow &+= FastMath.oneIf(c < windows.lowFrom)
            belowHigh &+= FastMath.oneIf(c < windows.highFrom)
            let w = c * c - windows.ringCentre
            near[kept] = c
            kept &+= FastMath.oneIf(w * w - windows.ringLimit <= 0)
            p &+= 1
        }
        state.belowLowCount &+= belowLow
        state.belowHighCount &+= belowHigh
        state.nearCount = kept
    }

    /// The centred draw's constant (y − b·y) − mean of a run.
    @inline(__always)
    static func centredBase(y: Double, shrink: Double, mean: Double) -> Double {
        (y - shrink * y) - mean
    }

    /// The centred theta draw theta − mean = base + b·mu + √c·z (theta = y + b(mu − y) + √c·z):
    /// the one expression for it, so that the windows (four lanes or one) and the fallback
    /// over all draws see the same values to the bit.
    @inline(__always)
    static func centredDraw(_ mu: Double, _ z: Double, base: Double, shrink: Double, sd: Double) -> Double {
        base + shrink * mu + sd * z
    }

    /// The kept theta draws that lie inside each window, into `lowWindow` and `highWindow`.
    static func splitWindows(_ windows: Windows, state: inout PassState, scratch: Scratch) {
        // Which window a value falls in is unpredictable: stores are unconditional and the
        // counts advance by the comparisons.
        let low = scratch.lowWindow.baseAddress!
        let high = scratch.highWindow.baseAddress!
        var lowCount = 0
        var highCount = 0
        for index in 0..<state.nearCount {
            let theta = scratch.thetas[index]
            low[lowCount] = theta
            lowCount &+= FastMath.oneIf(theta >= windows.lowFrom) & FastMath.oneIf(theta <= windows.lowTo)
            high[highCount] = theta
            highCount &+= FastMath.oneIf(theta >= windows.highFrom) & FastMath.oneIf(theta <= windows.highTo)
        }
        state.lowCount = lowCount
        state.highCount = highCount
    }

    /// Σ_s e^(u_s) and Σ_s e^(−u_s) over a run, u_s = a·t_s + b·t_s² with t_s = δ_s/ρ ∈ [−1, 1],
    /// from the run's power sums P̃_q = Σ_s t_s^q: expanding both exponentials,
    ///
    ///     Σ_s e^(±u_s) = Σ_{l ≤ L} Σ_{i ≤ I} (±1)^(l+i) (a^l/l!) (b^i/i!) P̃_(l+2i).
    ///
    /// The terms left out add up to at most n·(R_L(|a|)·e^b + R_I(b)·e^|a|), R_J(x) =
    /// x^(J+1)/(J+1)!·e^x bounding the exponential series' remainder after order J, and each sum
    /// is at least n·e^(−|a|−b); L and I are the first orders whose next terms |a|^(L+1)/(L+1)!
    /// and b^(I+1)/(I+1)! are below 10⁻¹⁶·e^(−2(|a|+b)), so the truncation is below 2·10⁻¹⁶
    /// relative and rounding below e^(2(|a|+b)) ulps. nil when L + 2I would exceed `seriesOrder` (then the run is summed
    /// draw by draw).
    @inline(__always)
    static func exponentialSums(
        a: Double, b: Double, powerSums: UnsafePointer<Double>, scratch alpha: UnsafeMutableBufferPointer<Double>,
        reciprocals: UnsafeBufferPointer<Double>
    ) -> (plus: Double, minus: Double)? {
        let maxOrder = CreatorDrawLayout.seriesOrder
        let magnitude = abs(a)
        let limit = 1e-16 * FastMath.exp(-2 * (magnitude + b))
        // L: the remainder of the a-series times e^b (≥ the b-series' sum) below the limit.
        var orderA = 0
        var term = magnitude  // |a|^(L+1)/(L+1)!
        while term > limit {
            orderA += 1
            if orderA > maxOrder { return nil }
            term *= magnitude * reciprocals[orderA + 1]
        }
        var orderB = 0
        term = b
        while term > limit {
            orderB += 1
            if orderA + 2 * orderB > maxOrder { return nil }
            term *= b * reciprocals[orderB + 1]
        }
        // a^l/l!, the running value kept in a register (not re-read from the buffer).
        var power = 1.0
        alpha[0] = 1
        if orderA > 0 {
            for l in 1...orderA {
                power *= a * reciprocals[l]
                alpha[l] = power
            }
        }
        var plus = 0.0
        var minus = 0.0
        var beta = 1.0  // b^i/i!
        for i in 0...orderB {
            var even = 0.0
            var odd = 0.0
            let shifted = powerSums + 2 * i
            var l = 0
            while l + 1 <= orderA {
                even += alpha[l] * shifted[l]
                odd += alpha[l + 1] * shifted[l + 1]
                l += 2
            }
            if l <= orderA { even += alpha[l] * shifted[l] }
            plus += beta * (even + odd)
            minus += (i % 2 == 0 ? beta : -beta) * (even - odd)
            beta *= b * reciprocals[i + 1]
        }
        return (plus, minus)
    }

    /// x = r − max of a draw whose mu lies d = mu − y from the creator's effect: the one
    /// expression for it, so that the guess, the scans and the fallback agree to the bit with
    /// the largest ratio computed before the pass.
    @inline(__always)
    static func shiftedRatio(_ d: Double, _ constants: RunConstants, maximum: Double) -> Double {
        (constants.constant + constants.half * (d * d)) - maximum
    }

    /// The type-7 quantile at h = (S − 1)·p from a window holding the draws in a value range,
    /// `below` draws lying under it; nil when the order statistics ⌊h⌋ and ⌊h⌋ + 1 are not
    /// both inside.
    static func fromWindow(
        _ window: UnsafeMutableBufferPointer<Double>, _ windowCount: Int, below: Int, h: Double, total: Int
    ) -> Double? {
        let rank = Int(h.rounded(.down))
        let local = rank - below
        let needsNext = rank + 1 < total
        guard local >= 0, local + (needsNext ? 1 : 0) < windowCount else { return nil }
        let values = UnsafeMutableBufferPointer(rebasing: window[0..<windowCount])
        let lower = QuickSelect.select(values, k: local)
        guard needsNext else { return lower }
        var next = Double.infinity
        for position in (local + 1)..<values.count { next = min(next, values[position]) }
        return lower + (h - Double(rank)) * (next - lower)
    }

    /// The type-7 quantile at h = (n − 1)·p of all values, by selection (reorders them).
    static func quantile(_ values: UnsafeMutableBufferPointer<Double>, h: Double) -> Double {
        let lowerIndex = Int(h.rounded(.down))
        let lower = QuickSelect.select(values, k: lowerIndex)
        guard lowerIndex + 1 < values.count else { return lower }
        var next = Double.infinity
        for index in (lowerIndex + 1)..<values.count { next = min(next, values[index]) }
        return lower + (h - Double(lowerIndex)) * (next - lower)
    }
}
