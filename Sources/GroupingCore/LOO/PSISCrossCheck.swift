import Dispatch
import Foundation

/// PSIS-LOO on the draws, the cross-check of the exact LOO (results.json `loo.psis`): per
/// creator the log ratios r_s = −log N(y_i | eta_{c,s}, √(se_i² + tau_s²)), theta integrated
/// out, smoothed as `PSIS.pointwise` does (ArviZ's `psislw`, r_eff = 1 for independent draws).
///
/// Above `subsampleThreshold` (5,000) creators it runs on a seeded simple random subsample of
/// `subsampleSize` (5,000) creators (each creator costs S log-densities and a Pareto fit,
/// about 0.2 ms: a cross-check should not cost more than the exact answer) (the same creators for every model of a run, since the seed is
/// the run's): elpd is then scaled up by N/n and se by √(N/n), as the loo package's
/// subsampling estimators do for the simple-random-sampling case.
enum PSISCrossCheck {
    static let subsampleThreshold = 5_000
    static let subsampleSize = 5_000

    struct Output: Sendable {
        var summary: PSISSummary
        /// Pareto k per creator of the sample (NaN for creators outside it).
        var paretoK: [Double]
        var elpd: [Double]
    }

    static func sampleRows(count n: Int, seed: UInt64) -> [Int] {
        guard n > subsampleThreshold else { return Array(0..<n) }
        var generator = SeededGenerator(seed: seed, stream: 0x5053_4953)
        var rows = Array(0..<n)
        for i in 0..<subsampleSize {
            let j = i + Int(generator.next() % UInt64(n - i))
            rows.swapAt(i, j)
        }
        return rows[0..<subsampleSize].sorted()
    }

    static func compute(context: ModelContext, draws: PosteriorDraws, seed: UInt64) -> Output {
        let n = context.count
        let rows = sampleRows(count: n, seed: seed)
        let s = draws.chains * draws.drawsPerChain
        let plan = PSIS.TailPlan(sampleCount: s, reff: 1)
        var elpd = [Double](repeating: .nan, count: n)
        var lppd = [Double](repeating: .nan, count: n)
        var k = [Double](repeating: .nan, count: n)
        let tauSquared = draws.hyperparameters[0].map { $0 * $0 }
        let blockCount = max(1, min(rows.count, 32))
        elpd.withUnsafeMutableBufferPointer { elpdOut in
            lppd.withUnsafeMutableBufferPointer { lppdOut in
                k.withUnsafeMutableBufferPointer { kOut in
                    nonisolated(unsafe) let out = (elpdOut, lppdOut, kOut)
                    DispatchQueue.concurrentPerform(iterations: blockCount) { block in
                        let workspace = PSIS.Workspace(sampleCount: s)
                        defer { workspace.deallocate() }
                        var ratios = [Double](repeating: 0, count: s)
                        let start = rows.count * block / blockCount
                        let end = rows.count * (block + 1) / blockCount
                        for row in rows[start..<end] {
                            let y = context.effects[row]
                            let se2 = context.seSquared[row]
                            let eta = draws.cells[Int(context.layout.cellOf[row])]
                            logRatios(y: y, se2: se2, eta: eta, tauSquared: tauSquared, into: &ratios)
                            let result = ratios.withUnsafeBufferPointer {
                                PSIS.pointwise(ratios: $0, plan: plan, workspace: workspace)
                            }
                            out.0[row] = result.elpd
                            out.1[row] = result.lppd
                            out.2[row] = result.k
                        }
                    }
                }
            }
        }
        let sampledElpd = rows.map { elpd[$0] }
        let sampledK = rows.map { k[$0] }
        let loo = LeaveOneOut.summarize(
            elpd: sampledElpd, lppd: rows.map { lppd[$0] }, paretoK: sampledK, sampleCount: s)
        let scale = Double(n) / Double(max(rows.count, 1))
        let summary = PSISSummary(
            elpd: loo.elpd * scale, se: loo.se * scale.squareRoot(), kMax: loo.kMax, kThreshold: loo.kThreshold,
            paretoK: loo.paretoK, creators: rows.count)
        return Output(summary: summary, paretoK: k, elpd: elpd)
    }
}

extension PSISCrossCheck {
    /// r_s = −log N(y | eta_s, se² + tau_s²) for every draw s, four draws at a time
    /// (`FastMath.log`, within 1e-14 of the C library's).
    static func logRatios(y: Double, se2: Double, eta: [Double], tauSquared: [Double], into ratios: inout [Double]) {
        let s = ratios.count
        // One eta and one tau² per draw.
        assert(eta.count == s && tauSquared.count == s, "PSISCrossCheck: \(eta.count), \(tauSquared.count) draws, \(s) ratios")
        let halfLog2Pi = 0.5 * Foundation.log(2 * Double.pi)
        eta.withUnsafeBufferPointer { eta in
            tauSquared.withUnsafeBufferPointer { tau2 in
                ratios.withUnsafeMutableBufferPointer { out in
                    var d = 0
                    while d + 4 <= s {
                        let v = SIMD4(tau2[d], tau2[d + 1], tau2[d + 2], tau2[d + 3]) + se2
                        let r = SIMD4(repeating: y) - SIMD4(eta[d], eta[d + 1], eta[d + 2], eta[d + 3])
                        let value = halfLog2Pi + 0.5 * FastMath.log(v) + 0.5 * r * r / v
                        out[d] = value[0]
                        out[d + 1] = value[1]
                        out[d + 2] = value[2]
                        out[d + 3] = value[3]
                        d += 4
                    }
                    while d < s {
                        let v = se2 + tau2[d]
                        let r = y - eta[d]
                        out[d] = halfLog2Pi + 0.5 * FastMath.log(v) + 0.5 * r * r / v
                        d += 1
                    }
                }
            }
        }
    }
}

/// PSIS-LOO's summary as the cross-check of the exact LOO (`loo.psis`).
public struct PSISSummary: Codable, Sendable, Equatable {
    public var elpd: Double
    public var se: Double
    public var kMax: Double
    public var kThreshold: Double
    public var paretoK: ParetoKCounts
    /// Creators it ran on (all, or the seeded subsample above 100,000).
    public var creators: Int

    enum CodingKeys: String, CodingKey {
        case elpd, se
        case kMax = "k_max"
        case kThreshold = "k_threshold"
        case paretoK = "pareto_k"
        case creators
    }
}
