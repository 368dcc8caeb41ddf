import Dispatch
import Foundation

/// Independent draws from a model's posterior, for the convergence table, the HDIs and the
/// PSIS cross-check (every exact quantity comes from `CreatorQuadrature` instead).
///
/// Each draw picks a grid node with probability equal to its weight, then moves every
/// coordinate uniformly within the node's cell (log scale), so tau and the scales are
/// continuous and PSIS sees no ties. Given the moved tau the cell statistics are
/// interpolated between the two neighbouring lattice values of tau
/// (`CellStatistics.interpolate`, O(h²)), and the locations are drawn exactly from their
/// Gaussian conditional (`ConditionalPosterior.draw`). The draws therefore follow the
/// grid's piecewise-constant approximation of the hyperparameters' posterior.
///
/// Chains are independent streams `SeededGenerator(seed:, stream: chain)`, sampled in
/// parallel into their own slices, so results do not depend on scheduling.
struct PosteriorDraws: Sendable {
    var chains: Int
    var drawsPerChain: Int
    /// [hyperparameter][draw], grid order (tau first).
    var hyperparameters: [[Double]]
    var mu: [Double]
    /// [cell][draw]: eta_c = mu + a + b.
    var cells: [[Double]]
    /// [level][draw] of the eliminated and kept factors' effects (empty without them).
    var rowEffects: [[Double]]
    var columnEffects: [[Double]]

    static func sample(context: ModelContext, grid: HyperparameterGrid, settings: SamplerSettings) -> PosteriorDraws {
        let d = context.dimension
        let layout = context.layout
        let total = settings.totalDraws
        let perChain = settings.draws
        var cumulative = [Double](repeating: 0, count: grid.weights.count)
        var running = 0.0
        for (index, w) in grid.weights.enumerated() {
            running += w
            cumulative[index] = running
        }
        let cumulativeMass = cumulative
        let totalMass = running
        let cells = layout.cellCount
        let rows = layout.rowCount
        let columns = layout.columnCount
        var hyper = [Double](repeating: 0, count: total * d)
        var mu = [Double](repeating: 0, count: total)
        var cellFlat = [Double](repeating: 0, count: total * cells)
        var rowFlat = [Double](repeating: 0, count: total * rows)
        var columnFlat = [Double](repeating: 0, count: total * columns)
        hyper.withUnsafeMutableBufferPointer { hyperOut in
            mu.withUnsafeMutableBufferPointer { muOut in
                cellFlat.withUnsafeMutableBufferPointer { cellOut in
                    rowFlat.withUnsafeMutableBufferPointer { rowOut in
                        columnFlat.withUnsafeMutableBufferPointer { columnOut in
                            nonisolated(unsafe) let out = (hyperOut, muOut, cellOut, rowOut, columnOut)
                            DispatchQueue.concurrentPerform(iterations: settings.chains) { chain in
                                var generator = SeededGenerator(seed: settings.seed, stream: UInt64(chain))
                                for draw in 0..<perChain {
                                    let index = chain * perChain + draw
                                    let u = RandomVariates.uniformOpen(using: &generator) * totalMass
                                    let node = grid.nodes[firstIndex(in: cumulativeMass, atLeast: u)]
                                    var x = node.x
                                    for h in 0..<d {
                                        x[h] += (RandomVariates.uniformOpen(using: &generator) - 0.5) * grid.steps[h]
                                    }
                                    let offset = (x[0] - node.x[0]) / grid.steps[0]
                                    let neighbour = node.tauKey + (offset >= 0 ? grid.tauStride : -grid.tauStride)
                                    let here = grid.tauStatistics[node.tauKey]!
                                    let there = grid.tauStatistics[neighbour] ?? here
                                    let statistics = CellStatistics.interpolate(
                                        here, there, weight: abs(offset), tau: exp(x[0]))
                                    let conditional = context.conditional(statistics, x: x)
                                    let location = conditional.draw(
                                        statistics: statistics, layout: layout, using: &generator)
                                    for h in 0..<d { out.0[index * d + h] = exp(x[h]) }
                                    out.1[index] = location.mu
                                    for j in 0..<rows { out.3[index * rows + j] = location.rowEffects[j] }
                                    for k in 0..<columns { out.4[index * columns + k] = location.columnEffects[k] }
                                    for c in 0..<cells {
                                        let j = Int(layout.cellRow[c])
                                        let k = Int(layout.cellColumn[c])
                                        out.2[index * cells + c] =
                                            location.mu + (rows > 0 ? location.rowEffects[j] : 0)
                                            + (k >= 0 ? location.columnEffects[k] : 0)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        func transpose(_ flat: [Double], _ width: Int) -> [[Double]] {
            (0..<width).map { c in (0..<total).map { flat[$0 * width + c] } }
        }
        return PosteriorDraws(
            chains: settings.chains, drawsPerChain: perChain, hyperparameters: transpose(hyper, d), mu: mu,
            cells: transpose(cellFlat, cells), rowEffects: transpose(rowFlat, rows),
            columnEffects: transpose(columnFlat, columns))
    }

    /// The draws of one parameter as `[chain][draw]`.
    func chained(_ flat: [Double]) -> [[Double]] {
        (0..<chains).map { Array(flat[($0 * drawsPerChain)..<(($0 + 1) * drawsPerChain)]) }
    }

    /// The first index whose cumulative mass reaches `u` (binary search).
    static func firstIndex(in cumulative: [Double], atLeast u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < u { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
