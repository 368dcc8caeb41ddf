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
        var segments: [(tauSquared: Double, start: Int, end: Int)] = []
        for k in 0..<nodeCount where nodeSizes[k] > 0 {
            let tau = draws.tau[order[nodeStarts[k]]]
            segments.append((tau * tau, nodeStarts[k], nodeStarts[k + 1]))
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
                                        var ratios = [Double](repeating: 0, count: total)
                                        var thetas = [Double](repeating: 0, count: total)
                                        var tail = [Double](repeating: 0, count: total)
                                        ratios.withUnsafeMutableBufferPointer { r in
                                            thetas.withUnsafeMutableBufferPointer { t in
                                                tail.withUnsafeMutableBufferPointer { scratch in
                                                    muSorted.withUnsafeBufferPointer { mu in
                                                        normalTable.withUnsafeBufferPointer { z in
                                                            for i in begin..<end {
                                                                let summary = creator(
                                                                    y: data.effects[i], se: data.ses[i],
                                                                    mu: UnsafeBufferPointer(
                                                                        rebasing: mu[(Int(data.codes[i]) * total)..<(Int(data.codes[i]) * total + total)]),
                                                                    z: UnsafeBufferPointer(
                                                                        rebasing: z[offset(i, total)..<(offset(i, total) + total)]),
                                                                    segments: segmentsCopy, ratios: r, thetas: t,
                                                                    tail: scratch, tailLength: tailLength)
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
            }
        }
        return output
    }

    /// The creator's offset into the table of normals (a multiplicative hash).
    @inline(__always)
    static func offset(_ i: Int, _ total: Int) -> Int {
        Int(((UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15) >> 20) % UInt64(max(total, 1)))
    }

    @inline(__always)
    static func creator(
        y: Double, se: Double, mu: UnsafeBufferPointer<Double>, z: UnsafeBufferPointer<Double>,
        segments: [(tauSquared: Double, start: Int, end: Int)],
        ratios: UnsafeMutableBufferPointer<Double>, thetas: UnsafeMutableBufferPointer<Double>,
        tail: UnsafeMutableBufferPointer<Double>, tailLength: Int
    ) -> (mean: Double, sd: Double, lower: Double, upper: Double, elpd: Double, lppd: Double, k: Double) {
        let total = mu.count
        let seSquared = se * se
        let halfLog2Pi = 0.5 * log(2 * Double.pi)
        var sumOffset = 0.0  // Σ (m − y)
        var sumOffsetSquared = 0.0  // Σ (m − y)²
        var sumVariance = 0.0  // Σ c
        for segment in segments {
            let v = seSquared + segment.tauSquared
            let constant = halfLog2Pi + 0.5 * log(v)
            let half = 0.5 / v
            let shrink = seSquared / v  // 1 − w: m − y = shrink · (mu − y)
            let sd = (seSquared * segment.tauSquared / v).squareRoot()
            sumVariance += Double(segment.end - segment.start) * sd * sd
            for position in segment.start..<segment.end {
                let d = mu[position] - y
                ratios[position] = constant + half * d * d
                let offset = shrink * d
                sumOffset += offset
                sumOffsetSquared += offset * offset
                thetas[position] = y + offset + sd * z[position]
            }
        }
        let count = Double(total)
        let meanOffset = sumOffset / count
        let variance = max((sumOffsetSquared + sumVariance) / count - meanOffset * meanOffset, 0)
        let lower = quantile(thetas, 0.025)
        let upper = quantile(thetas, 0.975)
        let loo = PSIS.pointwise(ratios: ratios, tailLength: tailLength, tail: tail)
        return (y + meanOffset, variance.squareRoot(), lower, upper, loo.elpd, loo.lppd, loo.k)
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
