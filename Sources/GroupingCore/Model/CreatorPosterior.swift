import Dispatch
import Foundation

/// Per-creator posterior summaries and PSIS-LOO for a fit's draws: the draws are arranged
/// once (`CreatorDrawLayout`), then every creator gets one `CreatorPass`, in parallel blocks
/// of creators, each worker with its own scratch buffers. The creators × draws matrix is
/// never held.
///
/// - theta mean and sd are Rao–Blackwellised (exact given the draws);
/// - the central 95% interval is the type-7 2.5% and 97.5% quantiles of S draws
///   theta_is = m_is + √c_is · z, with z from one table of standard normals (independent of
///   the parameter draws) read from a creator-specific offset. Each creator's draws are
///   exact draws of its marginal posterior; across creators the normals are shared (common
///   random numbers), which only correlates Monte-Carlo errors between creators;
/// - PSIS-LOO on r_is = −ll_is with r_eff = 1 (independent draws), where ll_is is the
///   log-likelihood with theta integrated out, log N(y_i | mu_g,s, √(se_i² + tau_s²)).
enum CreatorPosterior {
    struct Output: Sendable {
        var thetaMean: [Double]
        var thetaSD: [Double]
        var thetaLower: [Double]
        var thetaUpper: [Double]
        var elpd: [Double]
        var lppd: [Double]
        var paretoK: [Double]

        init(count n: Int) {
            thetaMean = .init(repeating: 0, count: n)
            thetaSD = .init(repeating: 0, count: n)
            thetaLower = .init(repeating: 0, count: n)
            thetaUpper = .init(repeating: 0, count: n)
            elpd = .init(repeating: 0, count: n)
            lppd = .init(repeating: 0, count: n)
            paretoK = .init(repeating: 0, count: n)
        }
    }

    static func compute(data: HierarchicalModelData, draws: GridSampler.Draws, seed: UInt64) -> Output {
        compute(data: data, layout: CreatorDrawLayout(draws: draws, seed: seed, groupSizes: data.groupSizes()))
    }

    static func compute(data: HierarchicalModelData, layout: CreatorDrawLayout) -> Output {
        let n = data.count
        var output = Output(count: n)
        let plan = PSIS.TailPlan(sampleCount: layout.sampleCount, reff: 1)
        let blockCount = max(1, min(n, 64))
        withOutputPointers(&output) { out in
            layout.runs.withUnsafeBufferPointer { runs in
                layout.muGroup.withUnsafeBufferPointer { muGroup in
                    layout.moments.withUnsafeBufferPointer { moments in
                        layout.normals.withUnsafeBufferPointer { normals in
                            layout.powerSums.withUnsafeBufferPointer { powerSums in
                                let view = CreatorPass.LayoutView(
                                    runs: runs, muGroup: muGroup, moments: moments, powerSums: powerSums,
                                    normals: normals, sampleCount: layout.sampleCount, paddedCount: layout.paddedCount)
                                DispatchQueue.concurrentPerform(iterations: blockCount) { block in
                                    let scratch = CreatorPass.Scratch(layout: layout)
                                    defer { scratch.deallocate() }
                                    for i in (n * block / blockCount)..<(n * (block + 1) / blockCount) {
                                        let summary = CreatorPass.run(
                                            y: data.effects[i], se: data.ses[i], group: Int(data.codes[i]),
                                            offset: layout.offset(creator: i), layout: view, scratch: scratch,
                                            plan: plan)
                                        out.store(summary, at: i)
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

    /// The output arrays as pointers that parallel workers write disjoint indices of.
    struct OutputPointers: @unchecked Sendable {
        let mean, sd, lower, upper, elpd, lppd, k: UnsafeMutablePointer<Double>

        func store(_ summary: CreatorPass.Summary, at i: Int) {
            mean[i] = summary.mean
            sd[i] = summary.sd
            lower[i] = summary.lower
            upper[i] = summary.upper
            elpd[i] = summary.elpd
            lppd[i] = summary.lppd
            k[i] = summary.k
        }
    }

    private static func withOutputPointers(_ output: inout Output, _ body: (OutputPointers) -> Void) {
        output.thetaMean.withUnsafeMutableBufferPointer { mean in
            output.thetaSD.withUnsafeMutableBufferPointer { sd in
                output.thetaLower.withUnsafeMutableBufferPointer { lower in
                    output.thetaUpper.withUnsafeMutableBufferPointer { upper in
                        output.elpd.withUnsafeMutableBufferPointer { elpd in
                            output.lppd.withUnsafeMutableBufferPointer { lppd in
                                output.paretoK.withUnsafeMutableBufferPointer { k in
                                    body(
                                        OutputPointers(
                                            mean: mean.baseAddress!, sd: sd.baseAddress!, lower: lower.baseAddress!,
                                            upper: upper.baseAddress!, elpd: elpd.baseAddress!,
                                            lppd: lppd.baseAddress!, k: k.baseAddress!))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
