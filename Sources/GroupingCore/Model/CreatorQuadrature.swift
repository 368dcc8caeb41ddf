import Dispatch
import Foundation

/// Per-creator posterior quantities as exact sums over the hyperparameter grid's nodes φ_k
/// (weights w_k): no Monte Carlo error, only the grid's (see `HyperparameterGrid`).
///
/// Given φ, creator i of cell c has a latent cell mean eta ~ N(μ_c, h_c) (given all data) and
/// v_i = se_i² + tau². Leaving creator i out removes its precision 1/v_i from eta's posterior
/// (the Gaussian update read backwards):
///
///     eta | y_−i, φ ~ N(a, b),  b = h v/(v − h),  a = b (μ/h − y_i/v)
///     y_i | y_−i, φ ~ N(a, b + v)                                     =: p_ik
///
/// and since p(φ | y_−i) ∝ p(φ | y) / p(y_i | y_−i, φ),
///
///     elpd_i  = log p(y_i | y_−i) = −log Σ_k w_k / p_ik
///     LOO-PIT_i = Σ_k (w_k/p_ik) Φ((y_i − a)/√(b + v)) / Σ_k w_k/p_ik
///     lppd_i  = log Σ_k w_k N(y_i | μ_c, h_c + v)      (p_loo = Σ lppd_i − Σ elpd_i)
///
/// theta_i | y, φ ~ N((1 − B) y_i + B μ_c, se² tau²/v + B² h_c) with B = se_i²/v, the
/// creator's pooling factor (baggr's definition; its posterior mean is reported). theta's
/// posterior is the mixture of these normals: its mean and sd are exact sums, and the
/// central 95% interval solves the mixture's CDF = 0.025, 0.975 by safeguarded Newton.
enum CreatorQuadrature {
    struct Output: Sendable {
        var elpd: [Double]
        var lppd: [Double]
        var pit: [Double]
        var thetaMean: [Double]
        var thetaSD: [Double]
        var thetaLower: [Double]
        var thetaUpper: [Double]
        var pooling: [Double]
    }

    /// The per-node constants, cell-major: [c · K + k].
    struct Nodes: Sendable {
        var count: Int
        var weight: [Double]
        var tauSquared: [Double]
        var cellMean: [Double]
        var cellVariance: [Double]
    }

    static func compute(context: ModelContext, nodes: Nodes) -> Output {
        let n = context.count
        var output = Output(
            elpd: .init(repeating: 0, count: n), lppd: .init(repeating: 0, count: n),
            pit: .init(repeating: 0, count: n), thetaMean: .init(repeating: 0, count: n),
            thetaSD: .init(repeating: 0, count: n), thetaLower: .init(repeating: 0, count: n),
            thetaUpper: .init(repeating: 0, count: n), pooling: .init(repeating: 0, count: n))
        let blockCount = max(1, min(n, 64))
        let halfLog2Pi = 0.5 * log(2 * Double.pi)
        output.elpd.withUnsafeMutableBufferPointer { elpd in
            output.lppd.withUnsafeMutableBufferPointer { lppd in
                output.pit.withUnsafeMutableBufferPointer { pit in
                    output.thetaMean.withUnsafeMutableBufferPointer { mean in
                        output.thetaSD.withUnsafeMutableBufferPointer { sd in
                            output.thetaLower.withUnsafeMutableBufferPointer { lower in
                                output.thetaUpper.withUnsafeMutableBufferPointer { upper in
                                    output.pooling.withUnsafeMutableBufferPointer { pooling in
                                        nonisolated(unsafe) let out = (
                                            elpd, lppd, pit, mean, sd, lower, upper, pooling
                                        )
                                        DispatchQueue.concurrentPerform(iterations: blockCount) { block in
                                            let k = nodes.count
                                            var logInverse = [Double](repeating: 0, count: k)
                                            var cdf = [Double](repeating: 0, count: k)
                                            var logJoint = [Double](repeating: 0, count: k)
                                            var thetaM = [Double](repeating: 0, count: k)
                                            var thetaS = [Double](repeating: 0, count: k)
                                            for i in (n * block / blockCount)..<(n * (block + 1) / blockCount) {
                                                let y = context.effects[i]
                                                let se2 = context.seSquared[i]
                                                let base = Int(context.layout.cellOf[i]) * k
                                                var poolingSum = 0.0
                                                var m1 = 0.0
                                                var m2 = 0.0
                                                for node in 0..<k {
                                                    let v = se2 + nodes.tauSquared[node]
                                                    let h = nodes.cellVariance[base + node]
                                                    let mu = nodes.cellMean[base + node]
                                                    let b = h * v / (v - h)
                                                    let a = b * (mu / h - y / v)
                                                    let predictive = b + v
                                                    let z = y - a
                                                    let logP = -halfLog2Pi - 0.5 * log(predictive)
                                                        - 0.5 * z * z / predictive
                                                    let w = nodes.weight[node]
                                                    logInverse[node] = log(w) - logP
                                                    cdf[node] = 0.5 * erfc(-z / (2 * predictive).squareRoot())
                                                    let full = h + v
                                                    let r = y - mu
                                                    logJoint[node] = log(w) - halfLog2Pi - 0.5 * log(full)
                                                        - 0.5 * r * r / full
                                                    let pool = se2 / v
                                                    poolingSum += w * pool
                                                    let tm = y + pool * (mu - y)
                                                    let tv = se2 * nodes.tauSquared[node] / v + pool * pool * h
                                                    thetaM[node] = tm
                                                    thetaS[node] = tv.squareRoot()
                                                    m1 += w * tm
                                                    m2 += w * (tv + tm * tm)
                                                }
                                                let top = logInverse.max() ?? 0
                                                var sumInverse = 0.0
                                                var sumPit = 0.0
                                                for node in 0..<k {
                                                    let e = exp(logInverse[node] - top)
                                                    sumInverse += e
                                                    sumPit += e * cdf[node]
                                                }
                                                out.0[i] = -(top + log(sumInverse))
                                                out.2[i] = min(max(sumPit / sumInverse, 0), 1)
                                                let jointTop = logJoint.max() ?? 0
                                                var sumJoint = 0.0
                                                for node in 0..<k { sumJoint += exp(logJoint[node] - jointTop) }
                                                out.1[i] = jointTop + log(sumJoint)
                                                let sdTheta = max(m2 - m1 * m1, 0).squareRoot()
                                                out.3[i] = m1
                                                out.4[i] = sdTheta
                                                out.5[i] = MixtureQuantile.solve(
                                                    0.025, weights: nodes.weight, means: thetaM, sds: thetaS,
                                                    mean: m1, sd: sdTheta)
                                                out.6[i] = MixtureQuantile.solve(
                                                    0.975, weights: nodes.weight, means: thetaM, sds: thetaS,
                                                    mean: m1, sd: sdTheta)
                                                out.7[i] = poolingSum
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
}

/// Quantiles of a finite mixture of normals Σ_k w_k N(m_k, s_k²) (weights summing to 1):
/// Newton's method on the CDF from the moment-matched normal's quantile, kept inside a
/// bracket that always holds the root (bisection when a step leaves it).
enum MixtureQuantile {
    static func cdf(_ t: Double, weights: [Double], means: [Double], sds: [Double]) -> (value: Double, density: Double) {
        var value = 0.0
        var density = 0.0
        let inverseRoot2 = 1 / 2.0.squareRoot()
        let inverseRoot2Pi = 1 / (2 * Double.pi).squareRoot()
        for k in weights.indices {
            let s = sds[k]
            if s > 0 {
                let z = (t - means[k]) / s
                value += weights[k] * 0.5 * erfc(-z * inverseRoot2)
                density += weights[k] * inverseRoot2Pi * exp(-0.5 * z * z) / s
            } else if t >= means[k] {
                value += weights[k]
            }
        }
        return (value, density)
    }

    static func solve(
        _ p: Double, weights: [Double], means: [Double], sds: [Double], mean: Double, sd: Double
    ) -> Double {
        guard sd > 0 else { return mean }
        var low = -Double.infinity
        var high = Double.infinity
        for k in weights.indices where weights[k] > 0 {
            low = low.isFinite ? min(low, means[k] - 12 * sds[k]) : means[k] - 12 * sds[k]
            high = high.isFinite ? max(high, means[k] + 12 * sds[k]) : means[k] + 12 * sds[k]
        }
        var t = min(max(mean + NormalQuantile.of(p) * sd, low), high)
        for _ in 0..<60 {
            let (value, density) = cdf(t, weights: weights, means: means, sds: sds)
            let error = value - p
            if error > 0 { high = t } else { low = t }
            if abs(error) < 1e-13 { break }
            var next = density > 0 ? t - error / density : (low + high) / 2
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-12 * sd { 
                t = next
                break
            }
            t = next
        }
        return t
    }
}
