import Dispatch
import Foundation

/// The posterior of the hyperparameters φ = (tau, scales) tabulated on a lattice placed by
/// the posterior's own mass, in x = log φ:
///
/// 1. `locateMode`: the mode of log p(x | y) (a coarse scan of log tau with the scales
///    profiled out, then golden-section refinement), and the marginal sds from the inverse
///    Hessian there (finite differences; the diagonal when it is not negative definite).
/// 2. `floodFill`: a lattice with step δ · sd per axis, grown from the mode to every node
///    whose neighbour lies within `window` log units of the maximum. It follows the mass
///    wherever it goes (skewed, banana-shaped, or piled against tau → 0, where the density
///    in log tau decays like tau), and cannot collapse: it holds every node above the window.
/// 3. `refine`: the lattice at δ = 1 and at δ/2 (which contains it); when their means and sds
///    of every hyperparameter agree within `tolerance` (relative to the sd), the coarser one
///    is used (the finer one when they differ by more than half the tolerance); otherwise
///    halve again, up to `maxLevel`. The trapezoid rule on a smooth,
///    rapidly decaying density converges geometrically, so δ = 1 usually suffices.
///
/// `GridDiagnostics` reports what a reader needs to trust it: nodes, the step, the nodes
/// holding 99% of each marginal, the mass on the lattice's frontier and the change at the
/// last refinement.
struct HyperparameterGrid: Sendable {
    struct Node: Sendable {
        var x: [Double]
        /// Lattice index of tau (key into `tauStatistics`).
        var tauKey: Int
        var logPosterior: Double
        var logLikelihood: Double
        var frontier: Bool
    }

    var nodes: [Node]
    /// Normalised weights of the nodes (posterior mass per node).
    var weights: [Double]
    /// Lattice step per axis (log units).
    var steps: [Double]
    /// Statistics per tau key, including the keys next to every node (for draws).
    var tauStatistics: [Int: CellStatistics]
    /// log tau of tau key i is `tauOrigin + i · tauUnit`.
    var tauOrigin: Double
    var tauUnit: Double
    /// Key distance between neighbouring lattice values of tau.
    var tauStride: Int
    var diagnostics: GridDiagnostics

    static let window = 13.0
    /// The first lattice's step in marginal sds. The trapezoid rule's relative error on a
    /// Gaussian is about exp(−2π²/δ²): 3e-9 at δ = 1, far below the refinement tolerance, so a
    /// near-Gaussian posterior is accepted at once; anything rougher is refined. (δ = 1.5 was
    /// tried: the skewed scale posteriors of few groups then needed refining, which cost more.)
    static let coarsestStep = 1.0
    static let tolerance = 1e-2
    /// When refining stops short of `tolerance` (the node cap or the deepest level), the
    /// lattice is still accepted if its last refinement moved the hyperparameters' means and
    /// sds by at most this many sds: the creators' posteriors, averages over the lattice, move
    /// less. (On the simulated additive worlds, N = 300, 3-D lattices hit the cap at changes
    /// of 0.014–0.03 sd and were sent to `revise` for it in 2 of 5 replicates.)
    static let acceptance = 5e-2
    static let maxLevel = 3
    static let nodeCap = 60_000

    /// Mean and sd of each hyperparameter (natural scale) under the node weights.
    static func moments(nodes: [Node], weights: [Double], dimension: Int) -> [MeanSD] {
        (0..<dimension).map { h in
            var m1 = 0.0
            var m2 = 0.0
            for (node, w) in zip(nodes, weights) {
                let v = exp(node.x[h])
                m1 += w * v
                m2 += w * v * v
            }
            return MeanSD(mean: m1, sd: max(m2 - m1 * m1, 0).squareRoot())
        }
    }

    static func build(context: ModelContext, progress: ((String) -> Void)? = nil) -> HyperparameterGrid {
        let d = context.dimension
        let mode = locateMode(context: context)
        // The level-0 step per axis: `coarsestStep` marginal sds.
        let sd = widenedScales(context: context, mode: mode, sd: marginalSDs(context: context, mode: mode))
            .map { $0 * coarsestStep }
        let fineUnit = sd[0] / Double(1 << maxLevel)
        var cache = TauCache(context: context, origin: mode[0], unit: fineUnit)

        var level = 0
        var current = floodFill(context: context, mode: mode, sd: sd, level: level, cache: &cache)
        var change = Double.infinity
        var adequate = false
        while level < maxLevel {
            let finer = floodFill(context: context, mode: mode, sd: sd, level: level + 1, cache: &cache)
            // A lattice cut off by the node cap is not a refinement: stop, and let the last
            // comparison (if any) decide adequacy.
            if finer.capped { break }
            let a = moments(nodes: current.nodes, weights: current.weights, dimension: d)
            let b = moments(nodes: finer.nodes, weights: finer.weights, dimension: d)
            change = zip(a, b).map { coarse, fine in
                let scale = max(fine.sd, 1e-300)
                return max(abs(coarse.mean - fine.mean) / scale, abs(coarse.sd - fine.sd) / scale)
            }.max() ?? 0
            if change <= tolerance {
                adequate = true
                // Near the tolerance the coarser lattice's own error may be about as large as
                // the change; the finer one, already built, is then used (the stress set's
                // 1M-creator fit with sigma ≪ se changed by 0.95% sd and was 1.02% off).
                if change > tolerance / 2 {
                    current = finer
                    level += 1
                }
                break
            }
            current = finer
            level += 1
        }
        if !adequate && change <= acceptance { adequate = true }
        // Keys next to every node, so a draw may interpolate tau within its cell.
        for node in current.nodes {
            let stride = 1 << (maxLevel - level)
            _ = cache.statistics(key: node.tauKey - stride)
            _ = cache.statistics(key: node.tauKey + stride)
        }
        let edgeMass = zip(current.nodes, current.weights).filter { $0.0.frontier }.map(\.1).reduce(0, +)
        let steps = (0..<d).map { sd[$0] / Double(1 << level) }
        let nodes99 = (0..<d).map { h in massNodes(current.nodes, current.weights, axis: h, step: steps[h]) }
        if edgeMass > 1e-3 || nodes99.contains(where: { $0 < 3 }) { adequate = false }
        let diagnostics = GridDiagnostics(
            nodes: current.nodes.count, step: steps, refinements: level, nodes99: nodes99,
            edgeMass: edgeMass, change: change.isFinite ? change : 1, adequate: adequate,
            names: context.spec.hyperparameterNames)
        progress?(
            "grid: \(current.nodes.count) nodes at step \(coarsestStep / Double(1 << level)) sd, "
                + "\(cache.values.count) tau passes; \(adequate ? "adequate" : "NOT adequate")")
        return HyperparameterGrid(
            nodes: current.nodes, weights: current.weights, steps: steps, tauStatistics: cache.values,
            tauOrigin: mode[0], tauUnit: fineUnit, tauStride: 1 << (maxLevel - level), diagnostics: diagnostics)
    }

    /// The lattice scale per axis: the Hessian's sd, or a twelfth of the axis's extent when that
    /// is larger. The extent is where the density along the axis through the mode falls
    /// `window` units below it, found by doubling steps. A posterior piled up against a
    /// scale → 0 decays only like the scale itself in log coordinates, over far more than
    /// its curvature at the mode suggests; without this its lattice would need hundreds of
    /// steps along that axis.
    static func widenedScales(context: ModelContext, mode: [Double], sd: [Double]) -> [Double] {
        let d = context.dimension
        let atMode = context.statistics(logTau: mode[0])
        let top = context.logPosterior(atMode, x: mode).posterior
        var result = sd
        for h in 0..<d {
            var extent = 0.0
            for direction in [-1.0, 1.0] {
                var distance = sd[h]
                var reach = sd[h]
                for _ in 0..<10 {
                    var x = mode
                    x[h] += direction * distance
                    let statistics = h == 0 ? context.statistics(logTau: x[0]) : atMode
                    guard context.logPosterior(statistics, x: x).posterior >= top - window else { break }
                    reach = distance
                    distance *= 2
                }
                extent += reach
            }
            result[h] = max(sd[h], extent / 12)
        }
        return result
    }

    /// How many lattice values along `axis` hold 99% of that axis's marginal mass.
    static func massNodes(_ nodes: [Node], _ weights: [Double], axis: Int, step: Double) -> Int {
        var marginal: [Int: Double] = [:]
        for (node, w) in zip(nodes, weights) {
            marginal[Int((node.x[axis] / step).rounded()), default: 0] += w
        }
        var running = 0.0
        var count = 0
        for w in marginal.values.sorted(by: >) {
            running += w
            count += 1
            if running >= 0.99 { break }
        }
        return count
    }

    /// Statistics per tau, computed once per lattice value of tau (in units of the finest
    /// lattice's step).
    struct TauCache {
        let context: ModelContext
        let origin: Double
        let unit: Double
        var values: [Int: CellStatistics] = [:]

        init(context: ModelContext, origin: Double, unit: Double) {
            self.context = context
            self.origin = origin
            self.unit = unit
        }

        mutating func statistics(key: Int) -> CellStatistics {
            if let value = values[key] { return value }
            let value = context.statistics(logTau: origin + Double(key) * unit)
            values[key] = value
            return value
        }
    }

    struct Lattice {
        var nodes: [Node]
        var weights: [Double]
        var capped: Bool
    }

    /// The lattice of step sd · 2^−level grown from the mode (see the type's description).
    static func floodFill(
        context: ModelContext, mode: [Double], sd: [Double], level: Int, cache: inout TauCache
    ) -> Lattice {
        let d = context.dimension
        let stride = 1 << (maxLevel - level)
        let steps = sd.map { $0 / Double(1 << level) }
        var visited: Set<[Int]> = [Array(repeating: 0, count: d)]
        var queue: [[Int]] = [Array(repeating: 0, count: d)]
        var head = 0
        var nodes: [Node] = []
        var best = -Double.infinity
        var capped = false
        let limits = (0..<d).map { h in (log(context.scales[h]) - 300, log(context.scales[h]) + 8) }
        while head < queue.count {
            let index = queue[head]
            head += 1
            let x = (0..<d).map { mode[$0] + Double(index[$0]) * steps[$0] }
            let key = index[0] * stride
            let value: (posterior: Double, likelihood: Double)
            if (0..<d).allSatisfy({ x[$0] >= limits[$0].0 && x[$0] <= limits[$0].1 }) {
                value = context.logPosterior(cache.statistics(key: key), x: x)
            } else {
                value = (-.infinity, -.infinity)
            }
            best = max(best, value.posterior)
            let expand = value.posterior >= best - window
            nodes.append(
                Node(x: x, tauKey: key, logPosterior: value.posterior, logLikelihood: value.likelihood,
                     frontier: !expand))
            if nodes.count >= nodeCap {
                capped = true
                break
            }
            guard expand else { continue }
            for h in 0..<d {
                for offset in [-1, 1] {
                    var next = index
                    next[h] += offset
                    if visited.insert(next).inserted { queue.append(next) }
                }
            }
        }
        nodes.removeAll { !$0.logPosterior.isFinite }
        let maximum = nodes.map(\.logPosterior).max() ?? 0
        var weights = nodes.map { exp($0.logPosterior - maximum) }
        let total = weights.reduce(0, +)
        weights = weights.map { $0 / total }
        return Lattice(nodes: nodes, weights: weights, capped: capped)
    }

    /// The mode of log p(x | y): log tau on a coarse scan with the scales profiled out,
    /// then golden-section refinement; each scale by a scan and golden section too.
    static func locateMode(context: ModelContext) -> [Double] {
        let d = context.dimension
        func profile(_ logTau: Double) -> (value: Double, x: [Double]) {
            let statistics = context.statistics(logTau: logTau)
            var x = [logTau] + context.scales.dropFirst().map { log($0) - 1 }
            var value = context.logPosterior(statistics, x: x).posterior
            for _ in 0..<(d > 2 ? 3 : 1) {
                for h in 1..<max(d, 1) {
                    let center = log(context.scales[h])
                    let result = maximize(low: center - 25, high: center + 4) { t in
                        var y = x
                        y[h] = t
                        return context.logPosterior(statistics, x: y).posterior
                    }
                    x[h] = result.x
                    value = result.value
                }
            }
            return (value, x)
        }
        let center = log(context.scales[0])
        var bestTau = center
        var bestValue = -Double.infinity
        for step in -16...3 {
            let t = center + Double(step)
            let value = profile(t).value
            if value > bestValue {
                bestValue = value
                bestTau = t
            }
        }
        let refined = golden(low: bestTau - 1, high: bestTau + 1, iterations: 22) { profile($0).value }
        return profile(refined).x
    }

    /// A scan at unit steps, then golden section around the best point.
    static func maximize(low: Double, high: Double, _ f: (Double) -> Double) -> (x: Double, value: Double) {
        var best = low
        var bestValue = -Double.infinity
        var t = low
        while t <= high {
            let value = f(t)
            if value > bestValue {
                bestValue = value
                best = t
            }
            t += 1
        }
        let x = golden(low: best - 1, high: best + 1, iterations: 30, f)
        return (x, f(x))
    }

    /// Golden-section search for the maximum of f on [low, high].
    static func golden(low: Double, high: Double, iterations: Int, _ f: (Double) -> Double) -> Double {
        let ratio = (5.0.squareRoot() - 1) / 2
        var a = low
        var b = high
        var c = b - ratio * (b - a)
        var e = a + ratio * (b - a)
        var fc = f(c)
        var fe = f(e)
        for _ in 0..<iterations {
            if fc >= fe {
                b = e
                e = c
                fe = fc
                c = b - ratio * (b - a)
                fc = f(c)
            } else {
                a = c
                c = e
                fc = fe
                e = a + ratio * (b - a)
                fe = f(e)
            }
        }
        return (a + b) / 2
    }

    /// Marginal sds at the mode from the inverse of the negative Hessian (central
    /// differences, with a step matched to the sd found), clamped to [1e-4, 2] log units.
    static func marginalSDs(context: ModelContext, mode: [Double]) -> [Double] {
        let d = context.dimension
        var epsilon = [Double](repeating: 0.1, count: d)
        var sd = [Double](repeating: 1, count: d)
        for _ in 0..<2 {
            let plus = context.statistics(logTau: mode[0] + epsilon[0])
            let minus = context.statistics(logTau: mode[0] - epsilon[0])
            let center = context.statistics(logTau: mode[0])
            func f(_ offsets: [Int]) -> Double {
                var x = mode
                for h in 0..<d { x[h] += Double(offsets[h]) * epsilon[h] }
                let statistics = offsets[0] > 0 ? plus : offsets[0] < 0 ? minus : center
                return context.logPosterior(statistics, x: x).posterior
            }
            let zero = [Int](repeating: 0, count: d)
            let f0 = f(zero)
            var hessian = [Double](repeating: 0, count: d * d)
            for a in 0..<d {
                var up = zero
                up[a] = 1
                var down = zero
                down[a] = -1
                hessian[a * d + a] = (f(up) - 2 * f0 + f(down)) / (epsilon[a] * epsilon[a])
                for b in 0..<a {
                    var pp = zero, pm = zero, mp = zero, mm = zero
                    pp[a] = 1; pp[b] = 1
                    pm[a] = 1; pm[b] = -1
                    mp[a] = -1; mp[b] = 1
                    mm[a] = -1; mm[b] = -1
                    let value = (f(pp) - f(pm) - f(mp) + f(mm)) / (4 * epsilon[a] * epsilon[b])
                    hessian[a * d + b] = value
                    hessian[b * d + a] = value
                }
            }
            let negative = hessian.map { -$0 }
            if let inverse = invertPositiveDefinite(negative, size: d) {
                sd = (0..<d).map { inverse[$0 * d + $0].squareRoot() }
            } else {
                sd = (0..<d).map { a in negative[a * d + a] > 0 ? 1 / negative[a * d + a].squareRoot() : 1 }
            }
            sd = sd.map { $0.isFinite ? min(max($0, 1e-4), 2) : 1 }
            let next = sd.map { min(0.1, $0 / 3) }
            if zip(next, epsilon).allSatisfy({ abs($0 - $1) < 1e-12 }) { break }
            epsilon = next
        }
        return sd
    }

    /// The inverse of a small symmetric matrix, or nil when it is not positive definite.
    static func invertPositiveDefinite(_ matrix: [Double], size n: Int) -> [Double]? {
        guard matrix.allSatisfy({ $0.isFinite }) else { return nil }
        var lower = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            for i in j..<n {
                var value = matrix[i * n + j]
                for k in 0..<j { value -= lower[i * n + k] * lower[j * n + k] }
                if i == j {
                    guard value > 0 else { return nil }
                    lower[j * n + j] = value.squareRoot()
                } else {
                    lower[i * n + j] = value / lower[j * n + j]
                }
            }
        }
        return Cholesky(regularizing: matrix, size: n).inverse()
    }
}

/// How good the hyperparameter grid is (results.json: `hbm.diagnostics.grid`).
public struct GridDiagnostics: Codable, Sendable, Equatable {
    /// Nodes of the grid used.
    public var nodes: Int
    /// Lattice step per hyperparameter, in log units.
    public var step: [Double]
    /// Halvings of the step beyond δ = 1 marginal sd.
    public var refinements: Int
    /// Per hyperparameter, the lattice values holding 99% of its marginal mass.
    public var nodes99: [Int]
    /// Posterior mass on the lattice's frontier (nodes not expanded because they fall below
    /// the window): a grid that is too small shows here.
    public var edgeMass: Double
    /// Largest change of a hyperparameter's posterior mean or sd (relative to the sd) when
    /// the step was halved the last time.
    public var change: Double
    public var adequate: Bool
    public var names: [String]

    enum CodingKeys: String, CodingKey {
        case nodes, step, refinements
        case nodes99 = "nodes_99"
        case edgeMass = "edge_mass"
        case change, adequate, names
    }
}
