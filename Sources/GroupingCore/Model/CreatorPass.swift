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
/// **The pass**, four draws per step (`SIMD4`), computes per draw r, e^(r − max) (`FastMath`)
/// and its reciprocal, and a theta draw m_is + √c_is · z (z from the layout's normals); it
/// sums what PSIS needs, counts theta draws below two windows of ±0.3 sd around
/// mean ∓ 1.96 sd and keeps those inside, and keeps the PSIS tail candidates (r − max at or
/// above a threshold guessed from every 8th draw).
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
        let candidates: UnsafeMutableBufferPointer<Double>
        let lowWindow: UnsafeMutableBufferPointer<Double>
        let highWindow: UnsafeMutableBufferPointer<Double>
        let thetas: UnsafeMutableBufferPointer<Double>
        let constants: UnsafeMutableBufferPointer<RunConstants>

        init(layout: CreatorDrawLayout) {
            let capacity = layout.paddedCount + CreatorDrawLayout.lanes
            func buffer() -> UnsafeMutableBufferPointer<Double> {
                let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: capacity)
                buffer.initialize(repeating: 0)
                return buffer
            }
            candidates = buffer()
            lowWindow = buffer()
            highWindow = buffer()
            thetas = buffer()
            constants = .allocate(capacity: max(layout.runs.count, 1))
        }

        func deallocate() {
            candidates.deallocate()
            lowWindow.deallocate()
            highWindow.deallocate()
            thetas.deallocate()
            constants.deallocate()
        }
    }

    /// The layout's arrays as pointers, for the hot loop.
    struct LayoutView: @unchecked Sendable {
        let runs: UnsafeBufferPointer<CreatorDrawLayout.Run>
        let muGroup: UnsafeBufferPointer<Double>
        let moments: UnsafeBufferPointer<CreatorDrawLayout.RunMoments>
        let normals: UnsafeBufferPointer<Double>
        let sampleCount: Int
        let paddedCount: Int
    }

    /// Half-width of the theta windows, in posterior sd.
    static let windowHalfWidth = 0.3
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
            let constants = RunConstants(
                constant: halfLog2Pi + 0.5 * FastMath.log(v), half: 0.5 / v, shrink: seSquared / v,
                thetaSD: (seSquared * run.tauSquared / v).squareRoot())
            scratch.constants[k] = constants
            let count = Double(run.count)
            let m = moments[k]
            let centre = m.mean - y
            sumOffset += constants.shrink * count * centre
            sumOffsetSquared += constants.shrink * constants.shrink * (m.centredSquares + count * centre * centre)
            sumVariance += count * (seSquared * run.tauSquared / v)
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

        // The candidates' threshold, from every 8th draw.
        var guess = -Double.infinity
        let stride = PSIS.TailPlan.guessStride
        var subsampleCount = 0
        for (k, run) in runs.enumerated() {
            let constants = scratch.constants[k]
            var p = (run.start + stride - 1) / stride * stride
            while p < run.end {
                let d = mu[p] - y
                scratch.candidates[subsampleCount] = (constants.constant + constants.half * (d * d)) - maximum
                subsampleCount += 1
                p += stride
            }
        }
        if let rank = plan.guessRank(subsampleCount: subsampleCount) {
            guess = QuickSelect.select(
                UnsafeMutableBufferPointer(rebasing: scratch.candidates[0..<subsampleCount]), k: rank)
        }

        // The pass.
        let halfWidth = windowHalfWidth * sd
        var state = PassState()
        let windows = Windows(
            lowFrom: mean - z975 * sd - halfWidth, lowTo: mean - z975 * sd + halfWidth,
            highFrom: mean + z975 * sd - halfWidth, highTo: mean + z975 * sd + halfWidth)
        let gap = lowerBound - maximum  // ≤ every r − max
        let reciprocal = gap > -600
        for (k, run) in runs.enumerated() {
            let step = Step(
                y: y, constants: scratch.constants[k], maximum: maximum, guess: guess, gap: gap,
                reciprocal: reciprocal, windows: windows)
            let fullEnd = run.start + (run.count / 4) * 4
            var p = run.start
            while p < fullEnd {
                chunk(p, valid: SIMDMask(repeating: true), mu: mu, z: z, step: step, state: &state, scratch: scratch)
                p += 4
            }
            if fullEnd < run.end {
                let lane = SIMD4<Int64>(0, 1, 2, 3)
                let valid = lane .< SIMD4(repeating: Int64(run.end - fullEnd))
                chunk(fullEnd, valid: valid, mu: mu, z: z, step: step, state: &state, scratch: scratch)
            }
        }

        // theta's central 95% interval.
        let lowH = Double(s - 1) * 0.025
        let highH = Double(s - 1) * 0.975
        var lower = fromWindow(
            scratch.lowWindow, state.lowCount, below: Int(state.belowLow.wrappedSum()), h: lowH, total: s)
        var upper = fromWindow(
            scratch.highWindow, state.highCount, below: Int(state.belowHigh.wrappedSum()), h: highH, total: s)
        if lower == nil || upper == nil {
            var n = 0
            for (k, run) in runs.enumerated() {
                let constants = scratch.constants[k]
                for p in run.start..<run.end {
                    scratch.thetas[n] = y + constants.shrink * (mu[p] - y) + constants.thetaSD * z[p]
                    n += 1
                }
            }
            let all = UnsafeMutableBufferPointer(rebasing: scratch.thetas[0..<s])
            if lower == nil { lower = quantile(all, h: lowH) }
            if upper == nil { upper = quantile(all, h: highH) }
        }

        // PSIS-LOO.
        let sumExpBelow =
            reciprocal ? FastMath.expNonPositive(gap) * state.sumBelow.sum() : state.sumBelow.sum()
        let sums = PSIS.RatioSums(
            maximum: maximum, lowerBound: lowerBound, sumExp: state.sumExp.sum(), sumExpBelow: sumExpBelow, count: s)
        var kept = state.kept
        if kept < plan.tailLength + 1 {
            kept = 0
            for (k, run) in runs.enumerated() {
                let constants = scratch.constants[k]
                for p in run.start..<run.end {
                    let d = mu[p] - y
                    scratch.candidates[kept] = (constants.constant + constants.half * (d * d)) - maximum
                    kept += 1
                }
            }
        }
        let loo = PSIS.finish(
            sums: sums, candidates: UnsafeMutableBufferPointer(rebasing: scratch.candidates[0..<kept]), plan: plan)
        return Summary(mean: mean, sd: sd, lower: lower!, upper: upper!, elpd: loo.elpd, lppd: loo.lppd, k: loo.k)
    }

    struct Windows {
        var lowFrom: Double
        var lowTo: Double
        var highFrom: Double
        var highTo: Double
    }

    /// What a step of the pass needs, broadcast to four lanes.
    struct Step {
        let y: SIMD4<Double>
        let constant: SIMD4<Double>
        let half: SIMD4<Double>
        let shrink: SIMD4<Double>
        let thetaSD: SIMD4<Double>
        let maximum: SIMD4<Double>
        let guess: SIMD4<Double>
        let gap: SIMD4<Double>
        let reciprocal: Bool
        let lowFrom, lowTo, highFrom, highTo: SIMD4<Double>

        init(
            y: Double, constants: RunConstants, maximum: Double, guess: Double, gap: Double, reciprocal: Bool,
            windows: Windows
        ) {
            self.y = SIMD4(repeating: y)
            constant = SIMD4(repeating: constants.constant)
            half = SIMD4(repeating: constants.half)
            shrink = SIMD4(repeating: constants.shrink)
            thetaSD = SIMD4(repeating: constants.thetaSD)
            self.maximum = SIMD4(repeating: maximum)
            self.guess = SIMD4(repeating: guess)
            self.gap = SIMD4(repeating: gap)
            self.reciprocal = reciprocal
            lowFrom = SIMD4(repeating: windows.lowFrom)
            lowTo = SIMD4(repeating: windows.lowTo)
            highFrom = SIMD4(repeating: windows.highFrom)
            highTo = SIMD4(repeating: windows.highTo)
        }
    }

    /// The pass's running sums and counts.
    struct PassState {
        var sumExp = SIMD4<Double>.zero  // Σ e^(r − max)
        var sumBelow = SIMD4<Double>.zero  // Σ e^(max − r), or Σ e^(bound − r) when the gap is wide
        var belowLow = SIMD4<Int64>.zero
        var belowHigh = SIMD4<Int64>.zero
        var kept = 0
        var lowCount = 0
        var highCount = 0
    }

    /// Four draws at positions p…p+3 (lanes outside `valid` are pads and add nothing).
    @inline(__always)
    static func chunk(
        _ p: Int, valid: SIMDMask<SIMD4<Int64>>, mu: UnsafePointer<Double>, z: UnsafePointer<Double>, step: Step,
        state: inout PassState, scratch: Scratch
    ) {
        let muv = UnsafeRawPointer(mu + p).loadUnaligned(as: SIMD4<Double>.self)
        let zv = UnsafeRawPointer(z + p).loadUnaligned(as: SIMD4<Double>.self)
        let d = muv - step.y
        let r = step.constant + step.half * (d * d)
        let x = r - step.maximum
        let e = FastMath.expNonPositive(x)
        state.sumExp += e.replacing(with: 0, where: .!valid)
        // e^(max − r) = 1/e, safe while max − bound < 600; otherwise e^(bound − r) directly.
        let below = step.reciprocal ? 1 / e : FastMath.expNonPositive(step.gap - x)
        state.sumBelow += below.replacing(with: 0, where: .!valid)

        let theta = step.y + step.shrink * d + step.thetaSD * zv
        let belowLow = theta .< step.lowFrom
        let belowHigh = theta .< step.highFrom
        let one = SIMD4<Int64>(repeating: 1)
        state.belowLow &+= SIMD4<Int64>.zero.replacing(with: one, where: belowLow .& valid)
        state.belowHigh &+= SIMD4<Int64>.zero.replacing(with: one, where: belowHigh .& valid)
        let inLow = .!belowLow .& (theta .<= step.lowTo) .& valid
        let inHigh = .!belowHigh .& (theta .<= step.highTo) .& valid
        if any(inLow .| inHigh) {
            for lane in 0..<4 {
                scratch.lowWindow[state.lowCount] = theta[lane]
                state.lowCount &+= inLow[lane] ? 1 : 0
                scratch.highWindow[state.highCount] = theta[lane]
                state.highCount &+= inHigh[lane] ? 1 : 0
            }
        }
        let candidate = (x .>= step.guess) .& valid
        if any(candidate) {
            for lane in 0..<4 {
                scratch.candidates[state.kept] = x[lane]
                state.kept &+= candidate[lane] ? 1 : 0
            }
        }
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
