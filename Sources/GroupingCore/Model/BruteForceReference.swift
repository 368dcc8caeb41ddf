import Dispatch
import Foundation

/// A reference path, for the stress benchmark and the tests only: the hyperparameters'
/// posterior moments on a dense, fixed tensor lattice over a given box of log φ, with no
/// mode search, no flood fill and no refinement, so that it shares nothing with
/// `HyperparameterGrid` but the density itself (`ModelContext.logPosterior`).
public enum BruteForceReference {
    /// - Parameters:
    ///   - ranges: per hyperparameter (grid order), the box in log φ.
    ///   - nodesPerAxis: lattice values per axis (cost: nodesPerAxis O(N) passes plus
    ///     nodesPerAxis^d conditional posteriors).
    /// - Returns: mean and sd of each hyperparameter (natural scale) and the mass on the box's
    ///   faces (large when the box misses mass).
    public static func moments(
        spec: ModelSpec, effects: [Double], ses: [Double], priors: Priors, ranges: [ClosedRange<Double>],
        nodesPerAxis: Int
    ) -> (moments: [MeanSD], faceMass: Double) {
        let context = ModelContext(spec: spec, effects: effects, ses: ses, priors: priors)
        let d = context.dimension
        precondition(ranges.count == d)
        let axis = ranges.map { range in
            (0..<nodesPerAxis).map { range.lowerBound + (range.upperBound - range.lowerBound) * Double($0) / Double(nodesPerAxis - 1) }
        }
        let inner = Int(pow(Double(nodesPerAxis), Double(d - 1)))
        let logDensity = logPosteriorLattice(context: context, axes: axis)
        let top = logDensity.max() ?? 0
        var m1 = [Double](repeating: 0, count: d)
        var m2 = [Double](repeating: 0, count: d)
        var total = 0.0
        var face = 0.0
        for i in 0..<nodesPerAxis {
            for j in 0..<inner {
                let w = exp(logDensity[i * inner + j] - top)
                guard w > 0 else { continue }
                total += w
                var indices = [i]
                var rest = j
                for _ in 1..<max(d, 1) {
                    indices.append(rest % nodesPerAxis)
                    rest /= nodesPerAxis
                }
                if indices.contains(where: { $0 == 0 || $0 == nodesPerAxis - 1 }) { face += w }
                for h in 0..<d {
                    let v = exp(axis[h][indices[h]])
                    m1[h] += w * v
                    m2[h] += w * v * v
                }
            }
        }
        let moments = (0..<d).map { h -> MeanSD in
            let mean = m1[h] / total
            return MeanSD(mean: mean, sd: max(m2[h] / total - mean * mean, 0).squareRoot())
        }
        return (moments, face / total)
    }

    /// log p(x | y), up to a constant, at every point of the tensor lattice `axes` (log φ per
    /// hyperparameter, grid order): index i₀ · (n₁ ⋯) + i₁ + n₁ · i₂ + …, the first axis (log
    /// tau) outermost, the others in increasing stride.
    /// - Complexity: n₀ O(N) passes and Π nₕ conditional posteriors, over the first axis in
    ///   parallel.
    static func logPosteriorLattice(context: ModelContext, axes: [[Double]]) -> [Double] {
        let d = axes.count
        // One axis per hyperparameter, none empty.
        assert(d == context.dimension && axes.allSatisfy { !$0.isEmpty }, "lattice of \(d) axes")
        let inner = axes.dropFirst().reduce(1) { $0 * $1.count }
        var logDensity = [Double](repeating: -.infinity, count: axes[0].count * inner)
        logDensity.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: axes[0].count) { i in
                let statistics = context.statistics(logTau: axes[0][i])
                for j in 0..<inner {
                    var x = [axes[0][i]]
                    var rest = j
                    for h in 1..<max(d, 1) {
                        x.append(axes[h][rest % axes[h].count])
                        rest /= axes[h].count
                    }
                    out[i * inner + j] = context.logPosterior(statistics, x: x).posterior
                }
            }
        }
        return logDensity
    }
}
