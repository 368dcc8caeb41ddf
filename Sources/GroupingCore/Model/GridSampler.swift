import Dispatch
import Foundation

/// Independent, exact draws from the posterior of the contract's model.
///
/// **Why this sampler.** The model is conditionally Gaussian: given (tau, sigma_group),
/// theta, mu_group and mu integrate out in closed form, so the posterior of
/// (tau, sigma_group) is two-dimensional and is tabulated on a fine adaptive grid
/// (`PosteriorGrid`). Each draw picks a grid cell with probability proportional to its mass,
/// then draws mu, mu_group and (per creator, later) theta from their exact Gaussian
/// conditionals:
///
///     mu | tau, σ, y      ~ N(m̂, 1/P),                 P = Σ_g 1/V_g + 1/M², V_g = 1/W_g + σ²
///     mu_g | mu, tau, σ, y ~ N((W_g ȳ_g + mu/σ²)/(W_g + 1/σ²), 1/(W_g + 1/σ²))
///     theta_i | mu_g, tau, y_i ~ N((y_i/se_i² + mu_g/tau²)/(1/se_i² + 1/tau²), 1/(1/se_i² + 1/tau²))
///
/// (Gelman et al., *Bayesian Data Analysis*, 3rd ed., §5.4–5.5). The draws are independent:
/// no funnel, no divergences, no burn-in; `warmup` has no role. **tau is drawn on the grid's
/// nodes** (81 of them, spaced about 0.18 of its posterior sd), because the group sums
/// W_g, ȳ_g are exact only at the tau they were computed for; jittering tau would pair a tau
/// with sums of a neighbouring tau. **sigma_group is jittered** uniformly within its cell
/// (log scale), which is exact to use because the group-level conditionals are recomputed
/// for every σ in O(G). The discretisation of tau changes moments by O(h²) (tau's sd by
/// +0.13%), far below the Monte-Carlo error.
///
/// Chains are independent streams `SeededGenerator(seed:, stream: chain)` sampled in
/// parallel, each into its own slice, so results do not depend on thread scheduling.
struct GridSampler {
    /// Draws in chain-major order (index chain · draws + draw).
    struct Draws: Sendable {
        var chains: Int
        var drawsPerChain: Int
        var mu: [Double]
        var tau: [Double]
        var sigmaGroup: [Double]
        /// Index of the tau node of each draw.
        var tauNode: [Int32]
        /// [group][draw]
        var muGroup: [[Double]]
    }

    static func sample(grid: PosteriorGrid, priors: Priors, settings: SamplerSettings) -> Draws {
        let sigmaCount = grid.logSigma.count
        let maximum = grid.logDensity.max() ?? 0
        var cumulative = [Double](repeating: 0, count: grid.logDensity.count)
        var running = 0.0
        for index in grid.logDensity.indices {
            running += exp(grid.logDensity[index] - maximum)
            cumulative[index] = running
        }
        let totalMass = running
        let cumulativeMass = cumulative
        let groupCount = grid.statistics.first?.mean.count ?? 0
        let perChain = settings.draws
        let total = settings.totalDraws
        var mu = [Double](repeating: 0, count: total)
        var tau = [Double](repeating: 0, count: total)
        var sigma = [Double](repeating: 0, count: total)
        var node = [Int32](repeating: 0, count: total)
        var muGroupFlat = [Double](repeating: 0, count: total * groupCount)  // [draw * G + g]
        let step = grid.sigmaStep
        let muPrecision = 1 / (priors.muSD * priors.muSD)

        mu.withUnsafeMutableBufferPointer { muOut in
            tau.withUnsafeMutableBufferPointer { tauOut in
                sigma.withUnsafeMutableBufferPointer { sigmaOut in
                    node.withUnsafeMutableBufferPointer { nodeOut in
                        muGroupFlat.withUnsafeMutableBufferPointer { groupOut in
                            nonisolated(unsafe) let muOut = muOut
                            nonisolated(unsafe) let tauOut = tauOut
                            nonisolated(unsafe) let sigmaOut = sigmaOut
                            nonisolated(unsafe) let nodeOut = nodeOut
                            nonisolated(unsafe) let groupOut = groupOut
                            DispatchQueue.concurrentPerform(iterations: settings.chains) { chain in
                                var generator = SeededGenerator(seed: settings.seed, stream: UInt64(chain))
                                for d in 0..<perChain {
                                    let index = chain * perChain + d
                                    let u = RandomVariates.uniformOpen(using: &generator) * totalMass
                                    let cell = firstIndex(in: cumulativeMass, atLeast: u)
                                    let tauIndex = cell / sigmaCount
                                    let sigmaIndex = cell % sigmaCount
                                    let logSigma =
                                        grid.logSigma[sigmaIndex]
                                        + (RandomVariates.uniformOpen(using: &generator) - 0.5) * step
                                    let s = exp(logSigma)
                                    let stats = grid.statistics[tauIndex]
                                    var precision = muPrecision
                                    var weighted = 0.0
                                    for g in 0..<groupCount where stats.precision[g] > 0 {
                                        let v = 1 / stats.precision[g] + s * s
                                        precision += 1 / v
                                        weighted += stats.mean[g] / v
                                    }
                                    let muDraw = RandomVariates.normal(
                                        mean: weighted / precision, sd: (1 / precision).squareRoot(), using: &generator)
                                    let sigmaPrecision = 1 / (s * s)
                                    for g in 0..<groupCount {
                                        let p = stats.precision[g] + sigmaPrecision
                                        let mean = (stats.precision[g] * stats.mean[g] + muDraw * sigmaPrecision) / p
                                        groupOut[index * groupCount + g] = RandomVariates.normal(
                                            mean: mean, sd: (1 / p).squareRoot(), using: &generator)
                                    }
                                    muOut[index] = muDraw
                                    tauOut[index] = stats.tau
                                    sigmaOut[index] = s
                                    nodeOut[index] = Int32(tauIndex)
                                }
                            }
                        }
                    }
                }
            }
        }
        let muGroup = (0..<groupCount).map { g in (0..<total).map { muGroupFlat[$0 * groupCount + g] } }
        return Draws(
            chains: settings.chains, drawsPerChain: perChain, mu: mu, tau: tau, sigmaGroup: sigma,
            tauNode: node, muGroup: muGroup)
    }

    /// The first index whose cumulative mass reaches `u` (binary search).
    private static func firstIndex(in cumulative: [Double], atLeast u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
