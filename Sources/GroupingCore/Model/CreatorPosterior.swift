import Dispatch
import Foundation

/// Per-creator posterior summaries and PSIS-LOO, computed creator by creator (never the
/// creators × draws matrix), in parallel blocks of creators.
///
/// For creator i in group g and each draw s (tau_s on a grid node, mu_g,s):
///
///     theta_i | · ~ N(m_is, c_is),  m_is = w_s y_i + (1 − w_s) mu_g,s,  w_s = tau_s²/(se_i² + tau_s²),
///                                   c_is = se_i² tau_s² / (se_i² + tau_s²)
///     log-likelihood with theta integrated: ll_is = log N(y_i | mu_g,s, √(se_i² + tau_s²))
///
/// - theta mean and sd are Rao–Blackwellised: the mean and variance of the mixture
///   (1/S) Σ_s N(m_is, c_is) (exact given the draws, lower Monte-Carlo error than raw draws);
/// - the central 95% interval is the type-7 2.5% and 97.5% quantiles of S draws
///   theta_is = m_is + √c_is · z, where z comes from one table of S standard normals
///   (independent of the parameter draws), read from a creator-specific offset. Each creator's
///   draws are exact draws of its marginal posterior; across creators the normals are shared
///   (common random numbers), which only correlates Monte-Carlo errors between creators;
/// - PSIS-LOO uses `PSIS.pointwise` on r_is = −ll_is with r_eff = 1 (independent draws).
///
/// The draws are reordered by tau node once, so that within a node 1/v, log v and the
/// weights are constants: the inner loop is a few multiply-adds per draw.
enum CreatorPosterior {
    struct Output: Sendable {
        var thetaMean: [Double]
        var thetaSD: [Double]
        var thetaLower: [Double]
        var thetaUpper: [Double]
        var elpd: [Double]
        var lppd: [Double]
        var paretoK: [Double]
    }

    static func compute(data: HierarchicalModelData, draws: GridSampler.Draws, seed: UInt64) -> Output {
        let total = draws.mu.count
        let n = data.count
        let groupCount = data.groupCount

        // Reorder draws by tau node (stable counting sort) and cut into segments.
        let nodeCount = Int(draws.tauNode.max() ?? 0) + 1
        var nodeSizes = [Int](repeating: 0, count: nodeCount)
        for node in draws.tauNode { nodeSizes[Int(node)] += 1 }
        var nodeStarts = [Int](repeating: 0, count: nodeCount + 1)
        for k in 0..<nodeCount { nodeStarts[k + 1] = nodeStarts[k] + nodeSizes[k] }
        var cursor = nodeStarts
        var order = [Int](repeating: 0, count: total)
        for (s, node) in draws.tauNode.enumerated() {
            order[cursor[Int(node)]] = s
            cursor[Int(node)] += 1
        }
        var segments: [Segment] = []
        for k in 0..<nodeCount where nodeSizes[k] > 0 {
            let tau = draws.tau[order[nodeStarts[k]]]
            segments.append(Segment(tauSquared: tau * tau, start: nodeStarts[k], end: nodeStarts[k + 1]))
        }
        var muGroupSorted = [Double](repeating: 0, count: groupCount * total)
        for g in 0..<groupCount {
            for position in 0..<total { muGroupSorted[g * total + position] = draws.muGroup[g][order[position]] }
        }
        var normals = [Double](repeating: 0, count: 2 * total)
        var generator = SeededGenerator(seed: seed, stream: 0xC0FFEE)
        for s in 0..<total {
            normals[s] = RandomVariates.standardNormal(using: &generator)
            normals[total + s] = normals[s]
        }

        var output = Output(
            thetaMean: .init(repeating: 0, count: n), thetaSD: .init(repeating: 0, count: n),
            thetaLower: .init(repeating: 0, count: n), thetaUpper: .init(repeating: 0, count: n),
            elpd: .init(repeating: 0, count: n), lppd: .init(repeating: 0, count: n),
            paretoK: .init(repeating: 0, count: n))
        let tailLength = PSIS.tailLength(sampleCount: total, reff: 1)
        let blockCount = max(1, min(n, 64))
        let segmentsCopy = segments
        let muSorted = muGroupSorted
        let normalTable = normals

        output.thetaMean.withUnsafeMutableBufferPointer { meanOut in
            output.thetaSD.withUnsafeMutableBufferPointer { sdOut in
                output.thetaLower.withUnsafeMutableBufferPointer { lowerOut in
                    output.thetaUpper.withUnsafeMutableBufferPointer { upperOut in
                        output.elpd.withUnsafeMutableBufferPointer { elpdOut in
                            output.lppd.withUnsafeMutableBufferPointer { lppdOut in
                                output.paretoK.withUnsafeMutableBufferPointer { kOut in
                                    nonisolated(unsafe) let meanOut = meanOut
                                    nonisolated(unsafe) let sdOut = sdOut
                                    nonisolated(unsafe) let lowerOut = lowerOut
                                    nonisolated(unsafe) let upperOut = upperOut
                                    nonisolated(unsafe) let elpdOut = elpdOut
                                    nonisolated(unsafe) let lppdOut = lppdOut
                                    nonisolated(unsafe) let kOut = kOut
                                    DispatchQueue.concurrentPerform(iterations: blockCount) { block in
                                        let begin = n * block / blockCount
                                        let end = n * (block + 1) / blockCount
                                        let buffers = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * total)
                                        defer { buffers.deallocate() }
                                        buffers.initialize(repeating: 0)
                                        let scratch = Scratch(
                                            ratios: UnsafeMutableBufferPointer(rebasing: buffers[0..<total]),
                                            lowWindow: UnsafeMutableBufferPointer(
                                                rebasing: buffers[total..<(2 * total)]),
                                            highWindow: UnsafeMutableBufferPointer(
                                                rebasing: buffers[(2 * total)..<(3 * total)]),
                                            other: UnsafeMutableBufferPointer(
                                                rebasing: buffers[(3 * total)..<(4 * total)]))
                                        segmentsCopy.withUnsafeBufferPointer { segmentBuffer in
                                            muSorted.withUnsafeBufferPointer { mu in
                                                normalTable.withUnsafeBufferPointer { z in
                                                    for i in begin..<end {
                                                        let g = Int(data.codes[i])
                                                        let o = offset(i, total)
                                                        let summary = creator(
                                                            y: data.effects[i], se: data.ses[i],
                                                            mu: UnsafeBufferPointer(
                                                                rebasing: mu[(g * total)..<(g * total + total)]),
                                                            z: UnsafeBufferPointer(rebasing: z[o..<(o + total)]),
                                                            segments: segmentBuffer, scratch: scratch,
                                                            tailLength: tailLength)
                                                        meanOut[i] = summary.mean
                                                        sdOut[i] = summary.sd
                                                        lowerOut[i] = summary.lower
                                                        upperOut[i] = summary.upper
                                                        elpdOut[i] = summary.elpd
                                                        lppdOut[i] = summary.lppd
                                                        kOut[i] = summary.k
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return output
    }

    /// The creator's offset into the table of normals (a multiplicative hash).
    @inline(__always)
    static func offset(_ i: Int, _ total: Int) -> Int {
        Int(((UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15) >> 20) % UInt64(max(total, 1)))
    }

    /// A run of draws sharing one tau node.
    struct Segment: Sendable {
        var tauSquared: Double
        var start: Int
        var end: Int
    }

    /// Scratch buffers of one worker, S doubles each.
    struct Scratch {
        var ratios: UnsafeMutableBufferPointer<Double>
        var lowWindow: UnsafeMutableBufferPointer<Double>
        var highWindow: UnsafeMutableBufferPointer<Double>
        var other: UnsafeMutableBufferPointer<Double>
    }

    /// One creator: pass 1 computes the ratios r_s (with their max and min) and the
    /// Rao–Blackwellised moments of theta; pass 2 draws theta and keeps only the draws in
    /// windows of ±0.6 sd around mean ∓ 1.96 sd, counting those below, so each quantile is
    /// selected among a few hundred values (falling back to selection among all S when the
    /// wanted order statistics are not inside a window); then PSIS.
    @inline(__always)
    static func creator(
        y: Double, se: Double, mu: UnsafeBufferPointer<Double>, z: UnsafeBufferPointer<Double>,
        segments: UnsafeBufferPointer<Segment>, scratch: Scratch, tailLength: Int
    ) -> (mean: Double, sd: Double, lower: Double, upper: Double, elpd: Double, lppd: Double, k: Double) {
        let total = mu.count
        let seSquared = se * se
        let halfLog2Pi = 0.5 * Foundation.log(2 * Double.pi)
        let ratios = scratch.ratios
        var sumOffset = 0.0  // Σ (m − y)
        var sumOffsetSquared = 0.0  // Σ (m − y)²
        var sumVariance = 0.0  // Σ c
        var maximum = -Double.infinity
        var minimum = Double.infinity
        for segment in segments {
            let v = seSquared + segment.tauSquared
            let constant = halfLog2Pi + 0.5 * Foundation.log(v)
            let half = 0.5 / v
            let shrink = seSquared / v  // 1 − w: m − y = shrink · (mu − y)
            sumVariance += Double(segment.end - segment.start) * (seSquared * segment.tauSquared / v)
            var segmentOffset = 0.0
            var segmentSquares = 0.0
            // r is increasing in d², so its extremes in the segment are those of d²
            // (tracked with plain compares: `max` would add NaN handling to the chain).
            var largest = 0.0
            var smallest = Double.greatestFiniteMagnitude
            for position in segment.start..<segment.end {
                let d = mu[position] - y
                let dd = d * d
                ratios[position] = constant + half * dd
                largest = dd > largest ? dd : largest
                smallest = dd < smallest ? dd : smallest
                segmentOffset += d
                segmentSquares += dd
            }
            if segment.end > segment.start {
                maximum = max(maximum, constant + half * largest)
                minimum = min(minimum, constant + half * smallest)
            }
            sumOffset += shrink * segmentOffset
            sumOffsetSquared += shrink * shrink * segmentSquares
        }
        let count = Double(total)
        let meanOffset = sumOffset / count
        let variance = max((sumOffsetSquared + sumVariance) / count - meanOffset * meanOffset, 0)
        let sd = variance.squareRoot()
        let mean = y + meanOffset

        // Pass 2: theta draws into the two windows.
        let lowH = Double(total - 1) * 0.025
        let highH = Double(total - 1) * 0.975
        let lowRank = Int(lowH.rounded(.down))
        let highRank = Int(highH.rounded(.down))
        let width = 0.6 * sd
        let lowFrom = mean - 1.959963984540054 * sd - width
        let lowTo = mean - 1.959963984540054 * sd + width
        let highFrom = mean + 1.959963984540054 * sd - width
        let highTo = mean + 1.959963984540054 * sd + width
        var belowLow = 0
        var belowHigh = 0
        var lowCount = 0
        var highCount = 0
        for segment in segments {
            let v = seSquared + segment.tauSquared
            let shrink = seSquared / v
            let thetaSD = (seSquared * segment.tauSquared / v).squareRoot()
            for position in segment.start..<segment.end {
                let theta = y + shrink * (mu[position] - y) + thetaSD * z[position]
                if theta < lowFrom {
                    belowLow += 1
                } else if theta <= lowTo {
                    scratch.lowWindow[lowCount] = theta
                    lowCount += 1
                }
                if theta < highFrom {
                    belowHigh += 1
                } else if theta <= highTo {
                    scratch.highWindow[highCount] = theta
                    highCount += 1
                }
            }
        }
        func fromWindow(
            _ window: UnsafeMutableBufferPointer<Double>, _ windowCount: Int, below: Int, rank: Int, h: Double
        ) -> Double? {
            let local = rank - below
            let needsNext = rank + 1 < total
            guard local >= 0, local + (needsNext ? 1 : 0) < windowCount else { return nil }
            return quantileOrderStatistics(
                UnsafeMutableBufferPointer(rebasing: window[0..<windowCount]), index: local,
                fraction: h - Double(rank), hasNext: needsNext)
        }
        var lower = fromWindow(scratch.lowWindow, lowCount, below: belowLow, rank: lowRank, h: lowH)
        var upper = fromWindow(scratch.highWindow, highCount, below: belowHigh, rank: highRank, h: highH)
        if lower == nil || upper == nil {
            let all = scratch.other
            for segment in segments {
                let v = seSquared + segment.tauSquared
                let shrink = seSquared / v
                let thetaSD = (seSquared * segment.tauSquared / v).squareRoot()
                for position in segment.start..<segment.end {
                    all[position] = y + shrink * (mu[position] - y) + thetaSD * z[position]
                }
            }
            let buffer = UnsafeMutableBufferPointer(rebasing: all[0..<total])
            if lower == nil { lower = quantile(buffer, 0.025) }
            if upper == nil { upper = quantile(buffer, 0.975) }
        }
        let loo = PSIS.pointwise(
            ratios: ratios, tailLength: tailLength, tail: scratch.other, maximum: maximum, minimum: minimum)
        return (mean, sd, lower!, upper!, loo.elpd, loo.lppd, loo.k)
    }

    /// x₍index₎ + fraction · (x₍index+1₎ − x₍index₎) by selection (reorders `values`).
    @inline(__always)
    static func quantileOrderStatistics(
        _ values: UnsafeMutableBufferPointer<Double>, index: Int, fraction: Double, hasNext: Bool
    ) -> Double {
        let lower = QuickSelect.select(values, k: index)
        guard hasNext else { return lower }
        var next = Double.infinity
        for position in (index + 1)..<values.count { next = min(next, values[position]) }
        return lower + fraction * (next - lower)
    }

    /// Type-7 quantile by selection (reorders `values`).
    @inline(__always)
    static func quantile(_ values: UnsafeMutableBufferPointer<Double>, _ p: Double) -> Double {
        let h = Double(values.count - 1) * p
        let lowerIndex = Int(h.rounded(.down))
        let lower = QuickSelect.select(values, k: lowerIndex)
        guard lowerIndex + 1 < values.count else { return lower }
        var next = Double.infinity
        for index in (lowerIndex + 1)..<values.count { next = min(next, values[index]) }
        return lower + (h - Double(lowerIndex)) * (next - lower)
    }
}
