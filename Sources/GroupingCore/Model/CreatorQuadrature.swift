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
/// central 95% interval solves the mixture's CDF = 0.025, 0.975 by safeguarded Halley steps.
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

    /// Each cell's nodes, padded to a multiple of 4 lanes and stored one cell after another
    /// (`offset[c]`, `count[c]` lanes). Padding lanes repeat the cell's first node (so every
    /// lane's arithmetic is finite) with weight 0 and log weight −1e300 (so they add nothing).
    /// Every cell has the grid's nodes, or its `NodeCompression` when there are very many
    /// creators.
    struct Lanes {
        var offset: [Int] = []
        var count: [Int] = []
        var weight: [Double] = []
        var logWeight: [Double] = []
        var tauSquared: [Double] = []
        var cellMean: [Double] = []
        var cellVariance: [Double] = []
        /// The largest `count`.
        var widest = 0

        init(_ nodes: Nodes, cells: Int) {
            let k = nodes.count
            for c in 0..<cells {
                let row = (c * k)..<(c * k + k)
                append(
                    NodeCompression.CellNodes(
                        weight: nodes.weight, tauSquared: nodes.tauSquared, cellMean: Array(nodes.cellMean[row]),
                        cellVariance: Array(nodes.cellVariance[row])))
            }
        }

        init(compressed cells: [NodeCompression.CellNodes]) {
            for cell in cells { append(cell) }
        }

        private mutating func append(_ cell: NodeCompression.CellNodes) {
            let k = cell.weight.count
            let padded = (k + 3) / 4 * 4
            let extra = padded - k
            offset.append(weight.count)
            count.append(padded)
            widest = max(widest, padded)
            weight += cell.weight + [Double](repeating: 0, count: extra)
            logWeight += cell.weight.map { Foundation.log($0) } + [Double](repeating: -1e300, count: extra)
            tauSquared += cell.tauSquared + [Double](repeating: cell.tauSquared.first ?? 1, count: extra)
            cellMean += cell.cellMean + [Double](repeating: cell.cellMean.first ?? 0, count: extra)
            cellVariance += cell.cellVariance + [Double](repeating: cell.cellVariance.first ?? 1, count: extra)
        }
    }

    /// One creator's sums over the nodes, filled by `accumulate`.
    struct CreatorSums {
        var logInverse: [Double]
        var cdf: [Double]
        var logJoint: [Double]
        var thetaMean: [Double]
        /// 1 / theta's conditional sd per node (the quantile search multiplies by it).
        var thetaInverseSD: [Double]
        var pooling = 0.0
        var m1 = 0.0
        var m2 = 0.0

        init(padded: Int) {
            logInverse = .init(repeating: 0, count: padded)
            cdf = .init(repeating: 0, count: padded)
            logJoint = .init(repeating: 0, count: padded)
            thetaMean = .init(repeating: 0, count: padded)
            thetaInverseSD = .init(repeating: 1, count: padded)
        }
    }

    /// The grid's nodes as lanes per cell, compressed (`NodeCompression`) when creators × nodes
    /// exceeds `compressAbove`.
    static func lanes(context: ModelContext, nodes: Nodes, compressAbove: Int) -> Lanes {
        let cells = context.layout.cellCount
        guard context.count * nodes.count > compressAbove else { return Lanes(nodes, cells: cells) }
        var minimumSESquared = [Double](repeating: .infinity, count: cells)
        for i in 0..<context.count {
            let c = Int(context.layout.cellOf[i])
            minimumSESquared[c] = min(minimumSESquared[c], context.seSquared[i])
        }
        for c in 0..<cells where !minimumSESquared[c].isFinite { minimumSESquared[c] = 0 }
        return Lanes(
            compressed: NodeCompression.compress(nodes, cells: cells, minimumSESquared: minimumSESquared))
    }

    static func compute(
        context: ModelContext, nodes: Nodes, compressAbove: Int = NodeCompression.creatorNodePairs
    ) -> Output {
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
        guard nodes.count > 0, n > 0 else { return output }
        let lanes = lanes(context: context, nodes: nodes, compressAbove: compressAbove)
        // Every cell's lanes are a multiple of 4 and lie inside the arrays.
        assert(
            lanes.count.count == context.layout.cellCount
                && zip(lanes.offset, lanes.count).allSatisfy { $1 % 4 == 0 && $0 + $1 <= lanes.weight.count })
        let blockCount = max(1, min(n, 64))
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
                                            var sums = CreatorSums(padded: lanes.widest)
                                            for i in (n * block / blockCount)..<(n * (block + 1) / blockCount) {
                                                let y = context.effects[i]
                                                let se2 = context.seSquared[i]
                                                let cell = Int(context.layout.cellOf[i])
                                                let base = lanes.offset[cell]
                                                let count = lanes.count[cell]
                                                // Finite y, positive finite se², the cell's lanes in range.
                                                assert(
                                                    y.isFinite && se2 > 0 && se2.isFinite && base >= 0
                                                        && base + count <= lanes.cellMean.count,
                                                    "CreatorQuadrature: creator \(i): y = \(y), se² = \(se2), base \(base)"
                                                )
                                                accumulate(
                                                    y: y, se2: se2, base: base, count: count, lanes: lanes, into: &sums)
                                                (out.0[i], out.2[i]) = looElpdAndPIT(sums, count: count)
                                                out.1[i] = logSumExp(sums.logJoint, count: count)
                                                // Finite elpd_i and lppd_i; pooling a mean of se²/v ∈ (0, 1].
                                                assert(
                                                    out.0[i].isFinite && out.1[i].isFinite && sums.pooling > 0
                                                        && sums.pooling <= 1 + 1e-9,
                                                    "CreatorQuadrature: creator \(i): elpd \(out.0[i]), lppd \(out.1[i])"
                                                )
                                                let sdTheta = max(sums.m2 - sums.m1 * sums.m1, 0).squareRoot()
                                                out.3[i] = sums.m1
                                                out.4[i] = sdTheta
                                                lanes.weight.withUnsafeBufferPointer { allWeights in
                                                    sums.thetaMean.withUnsafeBufferPointer { means in
                                                        sums.thetaInverseSD.withUnsafeBufferPointer { inverseSDs in
                                                            let mixture = MixtureQuantile.Mixture(
                                                                weights: UnsafeBufferPointer(
                                                                    rebasing: allWeights[base..<(base + count)]),
                                                                means: UnsafeBufferPointer(rebasing: means[0..<count]),
                                                                inverseSDs: UnsafeBufferPointer(
                                                                    rebasing: inverseSDs[0..<count]))
                                                            let shape = MixtureQuantile.Shape(
                                                                mixture, mean: sums.m1, sd: sdTheta)
                                                            out.5[i] = MixtureQuantile.solve(0.025, mixture, shape: shape)
                                                            out.6[i] = MixtureQuantile.solve(0.975, mixture, shape: shape)
                                                        }
                                                    }
                                                }
                                                out.7[i] = sums.pooling
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

    /// Creator i's per-node terms, four nodes at a time: the leave-one-out predictive's log
    /// density (as log w_k − log p_ik) and CDF at y_i, the full predictive's log joint
    /// (log w_k + log N(y_i | μ_c, h_c + v)), theta's conditional mean and sd, and the
    /// weighted sums of the pooling factor and theta's first two moments.
    @inline(__always)
    static func accumulate(
        y: Double, se2: Double, base: Int, count: Int, lanes: Lanes, into sums: inout CreatorSums
    ) {
        let halfLog2Pi = SIMD4<Double>(repeating: 0.5 * Foundation.log(2 * Double.pi))
        let ys = SIMD4<Double>(repeating: y)
        let se2s = SIMD4<Double>(repeating: se2)
        var pooling = SIMD4<Double>(repeating: 0)
        var m1 = SIMD4<Double>(repeating: 0)
        var m2 = SIMD4<Double>(repeating: 0)
        lanes.weight.withUnsafeBufferPointer { weight in
            lanes.logWeight.withUnsafeBufferPointer { logWeight in
                lanes.tauSquared.withUnsafeBufferPointer { tauSquared in
                    lanes.cellMean.withUnsafeBufferPointer { cellMean in
                        lanes.cellVariance.withUnsafeBufferPointer { cellVariance in
                            sums.logInverse.withUnsafeMutableBufferPointer { logInverse in
                                sums.cdf.withUnsafeMutableBufferPointer { cdf in
                                    sums.logJoint.withUnsafeMutableBufferPointer { logJoint in
                                        sums.thetaMean.withUnsafeMutableBufferPointer { thetaMean in
                                            sums.thetaInverseSD.withUnsafeMutableBufferPointer { thetaInverseSD in
                                                var j = 0
                                                while j < count {
                                                    let tau2 = load(tauSquared, base + j)
                                                    let h = load(cellVariance, base + j)
                                                    let mu = load(cellMean, base + j)
                                                    let w = load(weight, base + j)
                                                    let lw = load(logWeight, base + j)
                                                    let v = se2s + tau2
                                                    // Leaving creator i out keeps eta's variance positive: 0 < h < v.
                                                    assert(
                                                        !any(h .<= 0) && !any(h .>= v),
                                                        "CreatorQuadrature: cell variance \(h) not in (0, \(v))")
                                                    let vMinusH = v - h
                                                    let inverseV = 1 / v
                                                    let inverseVMinusH = 1 / vMinusH
                                                    // eta | y_−i: mean a = (v μ − h y)/(v − h); y_i's
                                                    // predictive variance b + v = v²/(v − h).
                                                    let a = (v * mu - h * ys) * inverseVMinusH
                                                    let predictive = v * v * inverseVMinusH
                                                    let z = ys - a
                                                    let zScaledSquared = z * z * vMinusH * inverseV * inverseV
                                                    let logP = -halfLog2Pi - 0.5 * FastMath.log(predictive)
                                                        - 0.5 * zScaledSquared
                                                    store(lw - logP, logInverse, j)
                                                    store(
                                                        FastNormal.cdfAndDensity(z * vMinusH.squareRoot() * inverseV).cdf,
                                                        cdf, j)
                                                    let full = h + v
                                                    let r = ys - mu
                                                    store(
                                                        lw - halfLog2Pi - 0.5 * FastMath.log(full) - 0.5 * r * r / full,
                                                        logJoint, j)
                                                    let pool = se2s * inverseV
                                                    pooling += w * pool
                                                    let tm = ys + pool * (mu - ys)
                                                    let tv = pool * tau2 + pool * pool * h
                                                    store(tm, thetaMean, j)
                                                    store(1 / tv.squareRoot(), thetaInverseSD, j)
                                                    m1 += w * tm
                                                    m2 += w * (tv + tm * tm)
                                                    j += 4
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
        sums.pooling = pooling.sum()
        sums.m1 = m1.sum()
        sums.m2 = m2.sum()
    }

    /// log Σ_k e^{x_k} over the padded lanes (padding lanes hold about −1e300 and add nothing).
    static func logSumExp(_ x: [Double], count: Int) -> Double {
        let top = x[0..<count].max() ?? 0
        var sum = SIMD4<Double>(repeating: 0)
        x.withUnsafeBufferPointer { x in
            var j = 0
            while j < count {
                sum += FastMath.expNonPositive(load(x, j) - SIMD4(repeating: top))
                j += 4
            }
        }
        return top + Foundation.log(sum.sum())
    }

    /// elpd_i = −log Σ_k w_k / p_ik and LOO-PIT_i, the leave-one-out predictive CDFs at y_i
    /// weighted by w_k / p_ik: one pass over the same exponentials.
    static func looElpdAndPIT(_ sums: CreatorSums, count: Int) -> (elpd: Double, pit: Double) {
        let top = sums.logInverse[0..<count].max() ?? 0
        var total = SIMD4<Double>(repeating: 0)
        var weighted = SIMD4<Double>(repeating: 0)
        sums.logInverse.withUnsafeBufferPointer { logInverse in
            sums.cdf.withUnsafeBufferPointer { cdf in
                var j = 0
                while j < count {
                    let e = FastMath.expNonPositive(load(logInverse, j) - SIMD4(repeating: top))
                    total += e
                    weighted += e * load(cdf, j)
                    j += 4
                }
            }
        }
        let sum = total.sum()
        return (-(top + Foundation.log(sum)), min(max(weighted.sum() / sum, 0), 1))
    }

    @inline(__always)
    static func load(_ buffer: UnsafeBufferPointer<Double>, _ j: Int) -> SIMD4<Double> {
        SIMD4(buffer[j], buffer[j + 1], buffer[j + 2], buffer[j + 3])
    }

    @inline(__always)
    static func store(_ value: SIMD4<Double>, _ buffer: UnsafeMutableBufferPointer<Double>, _ j: Int) {
        buffer[j] = value[0]
        buffer[j + 1] = value[1]
        buffer[j + 2] = value[2]
        buffer[j + 3] = value[3]
    }
}

/// Quantiles of a finite mixture of normals Σ_k w_k N(m_k, s_k²) (weights summing to 1):
/// Halley's method on the CDF (its density and the density's slope come from the same pass
/// over the components), started at the Cornish–Fisher quantile of the mixture's first four
/// moments and kept inside a bracket that always holds the root (bisection when a step
/// leaves it). Near-normal mixtures, the usual case, need one pass over the components per
/// quantile. The CDF is summed four components at a time with `FastNormal` (relative error
/// below 2e-11), so a quantile is exact to about 1e-9 of theta's sd; arrays are padded to a
/// multiple of 4 with zero-weight components.
enum MixtureQuantile {
    /// The components: weights, means and inverse sds, padded to a multiple of 4.
    struct Mixture {
        var weights: UnsafeBufferPointer<Double>
        var means: UnsafeBufferPointer<Double>
        var inverseSDs: UnsafeBufferPointer<Double>
    }

    /// The mixture's mean, sd, skewness and excess kurtosis, and a bracket of its support
    /// (the components' means ± 12 sds).
    struct Shape {
        var mean: Double
        var sd: Double
        var skewness = 0.0
        var excessKurtosis = 0.0
        var low = -Double.infinity
        var high = Double.infinity
        /// The smallest component sd (of the components with weight).
        var narrowest = 0.0

        init(_ mixture: Mixture, mean: Double, sd: Double) {
            self.mean = mean
            self.sd = sd
            var m3 = 0.0
            var m4 = 0.0
            var low = Double.infinity
            var high = -Double.infinity
            var narrowest = Double.infinity
            for k in mixture.weights.indices where mixture.weights[k] > 0 {
                let sdK = 1 / mixture.inverseSDs[k]
                narrowest = min(narrowest, sdK)
                let d = mixture.means[k] - mean
                let v = sdK * sdK
                m3 += mixture.weights[k] * d * (d * d + 3 * v)
                m4 += mixture.weights[k] * (d * d * (d * d + 6 * v) + 3 * v * v)
                low = min(low, mixture.means[k] - 12 * sdK)
                high = max(high, mixture.means[k] + 12 * sdK)
            }
            if low <= high {
                self.low = low
                self.high = high
                self.narrowest = narrowest
            }
            if sd > 0 {
                let s2 = sd * sd
                skewness = m3 / (s2 * sd)
                excessKurtosis = m4 / (s2 * s2) - 3
            }
        }

        /// The Cornish–Fisher expansion's quantile p (to the γ₁² term), inside the bracket.
        func cornishFisher(_ p: Double) -> Double {
            let z = NormalQuantile.of(p)
            let g1 = skewness
            let g2 = excessKurtosis
            let w =
                z + (z * z - 1) * g1 / 6 + (z * z * z - 3 * z) * g2 / 24
                - (2 * z * z * z - 5 * z) * g1 * g1 / 36
            let t = mean + sd * w
            return t.isFinite ? min(max(t, low), high) : min(max(mean + sd * z, low), high)
        }
    }

    /// The mixture's CDF at t, its density and the density's derivative.
    static func cdf(_ t: Double, _ mixture: Mixture) -> (value: Double, density: Double, slope: Double) {
        let w = mixture.weights
        let m = mixture.means
        let s = mixture.inverseSDs
        assert(w.count % 4 == 0 && m.count == w.count && s.count == w.count)
        var value = SIMD4<Double>(repeating: 0)
        var density = SIMD4<Double>(repeating: 0)
        var slope = SIMD4<Double>(repeating: 0)
        let inverseRoot2Pi = 1 / (2 * Double.pi).squareRoot()
        var k = 0
        while k < w.count {
            let weight = SIMD4(w[k], w[k + 1], w[k + 2], w[k + 3])
            let inverseSD = SIMD4(s[k], s[k + 1], s[k + 2], s[k + 3])
            let z = (SIMD4(repeating: t) - SIMD4(m[k], m[k + 1], m[k + 2], m[k + 3])) * inverseSD
            let (phi, pdf) = FastNormal.cdfAndDensity(z)
            let d = weight * pdf * inverseSD
            value += weight * phi
            density += d
            slope -= d * z * inverseSD
            k += 4
        }
        return (value.sum(), density.sum() * inverseRoot2Pi, slope.sum() * inverseRoot2Pi)
    }

    static func solve(_ p: Double, _ mixture: Mixture, shape: Shape) -> Double {
        guard shape.sd > 0 else { return shape.mean }
        var low = shape.low
        var high = shape.high
        var t = shape.cornishFisher(p)
        for _ in 0..<60 {
            let (value, density, slope) = cdf(t, mixture)
            let error = value - p
            if error > 0 { high = t } else { low = t }
            if abs(error) < 1e-12 { break }
            var next = (low + high) / 2
            var halley = false
            if density > 0 {
                let newton = error / density
                // Halley's correction, unless it would more than double or reverse Newton's step.
                let correction = 1 - 0.5 * newton * slope / density
                halley = correction > 0.5
                next = t - (halley ? newton / correction : newton)
            }
            let inside = next > low && next < high
            if !inside { next = (low + high) / 2 }
            let step = abs(next - t)
            // Halley's error after a step e is of order e³/s², s the narrowest component's sd:
            // a Halley step within 1e-3 s leaves an error below about 1e-9 s, so no pass
            // confirms it; any step below 1e-10 of the mixture's sd ends the search too.
            if (halley && inside && step <= 1e-3 * shape.narrowest) || step <= 1e-10 * shape.sd {
                t = next
                break
            }
            t = next
        }
        return t
    }

    /// The quantile p of a mixture given as arrays (padded to a multiple of 4), its mean and sd.
    static func quantile(
        _ p: Double, weights: [Double], means: [Double], inverseSDs: [Double], mean: Double, sd: Double
    ) -> Double {
        weights.withUnsafeBufferPointer { w in
            means.withUnsafeBufferPointer { m in
                inverseSDs.withUnsafeBufferPointer { s in
                    let mixture = Mixture(weights: w, means: m, inverseSDs: s)
                    return solve(p, mixture, shape: Shape(mixture, mean: mean, sd: sd))
                }
            }
        }
    }
}

/// The standard normal CDF and exp(−z²/2) four lanes at once, with one exp: for
/// u = |z|/√2 and t = 1/(1 + u/2) (the substitution of Press et al., *Numerical Recipes*,
/// 2nd ed., §6.2), erfc(u) = t · exp(−u²) · G(t), and G is a degree-16 polynomial fitted
/// by `scripts/fit-normal-tail.py` (relative error below 2e-11 on t ∈ (0, 1]). exp(−u²) =
/// exp(−z²/2) is also the density's kernel, by `FastMath.expNonPositive`.
enum FastNormal {
    @inline(__always)
    static func cdfAndDensity(_ z: SIMD4<Double>) -> (cdf: SIMD4<Double>, density: SIMD4<Double>) {
        let magnitude = z.replacing(with: -z, where: z .< 0)
        let one = SIMD4<Double>(repeating: 1)
        let t: SIMD4<Double> = one / (one + magnitude * (0.5 / 2.0.squareRoot()))
        var g = SIMD4<Double>(repeating: 0.004426933987250029)
        g = g * t + -0.06848870202971905
        g = g * t + 0.39565140766579737
        g = g * t + -1.2293134527277274
        g = g * t + 2.331326757940054
        g = g * t + -2.8114711526928233
        g = g * t + 2.1392443118660047
        g = g * t + -1.0168452293327055
        g = g * t + 0.3828912871854837
        g = g * t + -0.15351662034385052
        g = g * t + -0.03845957238935851
        g = g * t + -0.006704228774528954
        g = g * t + 0.08393561189182834
        g = g * t + 0.17629988002644542
        g = g * t + 0.2468331866828255
        g = g * t + 0.28209478926414955
        g = g * t + 0.28209479177816404
        let density = FastMath.expNonPositive(z * z * -0.5)
        let half: SIMD4<Double> = 0.5 * t * density * g
        let cdf = half.replacing(with: one - half, where: z .> 0)
        return (cdf, density)
    }
}
