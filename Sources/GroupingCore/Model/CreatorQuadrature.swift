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
        // One weight and one tau² per node; the cell arrays are cell-major, K entries per cell.
        assert(
            nodes.weight.count == nodes.count && nodes.tauSquared.count == nodes.count
                && nodes.cellMean.count == context.layout.cellCount * nodes.count
                && nodes.cellVariance.count == nodes.cellMean.count,
            "CreatorQuadrature: node arrays do not match \(nodes.count) nodes × \(context.layout.cellCount) cells")
        // The weights are a distribution over the nodes: finite, ≥ 0, summing to 1.
        assert(
            nodes.count == 0
                || (nodes.weight.allSatisfy { $0 >= 0 && $0.isFinite }
                    && abs(nodes.weight.reduce(0, +) - 1) < 1e-9),
            "CreatorQuadrature: node weights are not a distribution")
        // One effect, one se² and one cell per creator.
        assert(
            context.effects.count == n && context.seSquared.count == n && context.layout.cellOf.count == n,
            "CreatorQuadrature: per-creator arrays do not have \(n) entries")
        var output = Output(
            elpd: .init(repeating: 0, count: n), lppd: .init(repeating: 0, count: n),
            pit: .init(repeating: 0, count: n), thetaMean: .init(repeating: 0, count: n),
            thetaSD: .init(repeating: 0, count: n), thetaLower: .init(repeating: 0, count: n),
            thetaUpper: .init(repeating: 0, count: n), pooling: .init(repeating: 0, count: n))
        let blockCount = max(1, min(n, 64))
        let halfLog2Pi = 0.5 * log(2 * Double.pi)
        let logWeight = nodes.weight.map { log($0) }
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
                                            let padded = (k + 3) / 4 * 4
                                            var logInverse = [Double](repeating: 0, count: k)
                                            var cdf = [Double](repeating: 0, count: k)
                                            var logJoint = [Double](repeating: 0, count: k)
                                            var thetaM = [Double](repeating: 0, count: padded)
                                            var thetaS = [Double](repeating: 1, count: padded)
                                            let paddedWeight = nodes.weight + [Double](repeating: 0, count: padded - k)
                                            // The mixture's arrays are padded to a multiple of 4 with zero weights.
                                            assert(
                                                padded % 4 == 0 && padded - k < 4 && paddedWeight.count == padded
                                                    && thetaM.count == padded && thetaS.count == padded)
                                            for i in (n * block / blockCount)..<(n * (block + 1) / blockCount) {
                                                let y = context.effects[i]
                                                let se2 = context.seSquared[i]
                                                let base = Int(context.layout.cellOf[i]) * k
                                                // Finite y, positive finite se², the cell's K nodes in range.
                                                assert(
                                                    y.isFinite && se2 > 0 && se2.isFinite && base >= 0
                                                        && base + k <= nodes.cellMean.count,
                                                    "CreatorQuadrature: creator \(i): y = \(y), se² = \(se2), base \(base)"
                                                )
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
                                                    logInverse[node] = logWeight[node] - logP
                                                    cdf[node] = 0.5 * erfc(-z / (2 * predictive).squareRoot())
                                                    let full = h + v
                                                    let r = y - mu
                                                    logJoint[node] = logWeight[node] - halfLog2Pi - 0.5 * log(full)
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
                                                // Leaving creator i out keeps eta's variance positive: 0 < h < v.
                                                assert(
                                                    (0..<k).allSatisfy { node in
                                                        let h = nodes.cellVariance[base + node]
                                                        return h > 0 && h < se2 + nodes.tauSquared[node]
                                                    }, "CreatorQuadrature: creator \(i): cell variance not in (0, v)")
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
                                                // Finite elpd_i and lppd_i; pooling a mean of se²/v ∈ (0, 1].
                                                assert(
                                                    k == 0
                                                        || (out.0[i].isFinite && out.1[i].isFinite
                                                            && poolingSum > 0 && poolingSum <= 1 + 1e-9),
                                                    "CreatorQuadrature: creator \(i): elpd \(out.0[i]), lppd \(out.1[i])"
                                                )
                                                let sdTheta = max(m2 - m1 * m1, 0).squareRoot()
                                                out.3[i] = m1
                                                out.4[i] = sdTheta
                                                out.5[i] = MixtureQuantile.solve(
                                                    0.025, weights: paddedWeight, means: thetaM, sds: thetaS,
                                                    mean: m1, sd: sdTheta)
                                                out.6[i] = MixtureQuantile.solve(
                                                    0.975, weights: paddedWeight, means: thetaM, sds: thetaS,
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
/// bracket that always holds the root (bisection when a step leaves it). The CDF is summed
/// four components at a time with `FastNormal.cdf` (relative error below 1.2e-7), so a
/// quantile is exact to about 1e-7 of theta's sd; arrays are padded to a multiple of 4 with
/// zero-weight components.
enum MixtureQuantile {
    static func cdf(_ t: Double, weights: [Double], means: [Double], sds: [Double]) -> (value: Double, density: Double) {
        assert(weights.count % 4 == 0 && means.count == weights.count && sds.count == weights.count)
        var value = SIMD4<Double>(repeating: 0)
        var density = SIMD4<Double>(repeating: 0)
        let inverseRoot2Pi = 1 / (2 * Double.pi).squareRoot()
        weights.withUnsafeBufferPointer { w in
            means.withUnsafeBufferPointer { m in
                sds.withUnsafeBufferPointer { s in
                    var k = 0
                    while k < w.count {
                        let weight = SIMD4(w[k], w[k + 1], w[k + 2], w[k + 3])
                        let sd = SIMD4(s[k], s[k + 1], s[k + 2], s[k + 3])
                        let z = (SIMD4(repeating: t) - SIMD4(m[k], m[k + 1], m[k + 2], m[k + 3])) / sd
                        let (phi, pdf) = FastNormal.cdfAndDensity(z)
                        value += weight * phi
                        density += weight * pdf * inverseRoot2Pi / sd
                        k += 4
                    }
                }
            }
        }
        return (value.sum(), density.sum())
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
            if abs(error) < 1e-12 { break }
            var next = density > 0 ? t - error / density : (low + high) / 2
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-10 * sd {
                t = next
                break
            }
            t = next
        }
        return t
    }
}

/// The standard normal CDF and exp(−z²/2) four lanes at once, by the Chebyshev fit of erfc
/// in Press et al., *Numerical Recipes* (2nd ed., §6.2, `erfcc`: relative error below
/// 1.2e-7 everywhere) with `FastMath.expNonPositive`: erfc(u) = t · exp(−u² + P(t)),
/// t = 1/(1 + u/2), u = |z|/√2.
enum FastNormal {
    @inline(__always)
    static func cdfAndDensity(_ z: SIMD4<Double>) -> (cdf: SIMD4<Double>, density: SIMD4<Double>) {
        let magnitude = z.replacing(with: -z, where: z .< 0)
        let u: SIMD4<Double> = magnitude * SIMD4(repeating: 1 / 2.0.squareRoot())
        let one = SIMD4<Double>(repeating: 1)
        let t: SIMD4<Double> = one / (one + SIMD4(repeating: 0.5) * u)
        var poly = SIMD4<Double>(repeating: 0.17087277)
        let coefficients: [Double] = [
            -0.82215223, 1.48851587, -1.13520398, 0.27886807, -0.18628806, 0.09678418, 0.37409196, 1.00002368,
            -1.26551223,
        ]
        for c in coefficients { poly = poly * t + SIMD4(repeating: c) }
        let exponent: SIMD4<Double> = poly - u * u
        let erfc: SIMD4<Double> = t * FastMath.expNonPositive(exponent.replacing(with: 0, where: exponent .> 0))
        let half: SIMD4<Double> = SIMD4(repeating: 0.5) * erfc
        let cdf = half.replacing(with: one - half, where: z .> 0)
        let density = FastMath.expNonPositive(SIMD4(repeating: -0.5) * z * z)
        return (cdf, density)
    }
}
