/// The parameter draws arranged for the per-creator pass (`CreatorPass`), built once per
/// fit:
///
/// - draws sorted by tau node (stable), so that within a node's *run* the creator's
///   v = se² + tau², log v and shrinkage weight are constants;
/// - each run padded to a multiple of `lanes` positions, so that the pass reads whole
///   `SIMD4` chunks (pads repeat the run's last draw and are masked out);
/// - mu_group per group in that order, and per (group, run) the count, mean, centred sum of
///   squares, minimum and maximum of mu_group: these give each creator's theta moments and
///   the exact largest ratio in O(runs), before its pass;
/// - a table of standard normals for the theta draws, read from a creator-specific offset
///   (`offset(creator:)`), twice as long as the layout so that every offset has a full
///   window.
struct CreatorDrawLayout: Sendable {
    static let lanes = 4

    /// A run of draws sharing one tau node: real draws in start..<end, pads up to paddedEnd.
    struct Run: Sendable {
        var tauSquared: Double
        var start: Int
        var end: Int
        var paddedEnd: Int
        var count: Int { end - start }
    }

    /// mu_group over one run of one group.
    struct RunMoments: Sendable {
        var mean: Double
        /// Σ (mu − mean)².
        var centredSquares: Double
        var low: Double
        var high: Double
    }

    let sampleCount: Int
    let paddedCount: Int
    let runs: [Run]
    let groupCount: Int
    /// [g · paddedCount + position]
    let muGroup: [Double]
    /// [g · runs.count + run]
    let moments: [RunMoments]
    /// 2 · paddedCount standard normals.
    let normals: [Double]

    /// - Parameters:
    ///   - tauSquared: tau² of each run, in the order the runs are laid out.
    ///   - runSizes: the number of draws of each run (all > 0).
    ///   - muGroup: [group][draw], draws in run order (run 0's draws first).
    ///   - seed: seeds the table of normals.
    init(tauSquared: [Double], runSizes: [Int], muGroup: [[Double]], seed: UInt64) {
        let lanes = Self.lanes
        var runs: [Run] = []
        var position = 0
        for (t2, size) in zip(tauSquared, runSizes) {
            let padded = (size + lanes - 1) / lanes * lanes
            runs.append(Run(tauSquared: t2, start: position, end: position + size, paddedEnd: position + padded))
            position += padded
        }
        let paddedCount = position
        sampleCount = runSizes.reduce(0, +)
        self.paddedCount = paddedCount
        self.runs = runs
        groupCount = muGroup.count
        var laidOut = [Double](repeating: 0, count: muGroup.count * paddedCount)
        var moments: [RunMoments] = []
        moments.reserveCapacity(muGroup.count * runs.count)
        for (g, values) in muGroup.enumerated() {
            var source = 0
            for run in runs {
                var sum = 0.0
                var low = Double.infinity
                var high = -Double.infinity
                for p in run.start..<run.end {
                    let value = values[source + p - run.start]
                    laidOut[g * paddedCount + p] = value
                    sum += value
                    low = min(low, value)
                    high = max(high, value)
                }
                for p in run.end..<run.paddedEnd { laidOut[g * paddedCount + p] = laidOut[g * paddedCount + run.end - 1] }
                let mean = sum / Double(run.count)
                var squares = 0.0
                for p in run.start..<run.end {
                    let d = laidOut[g * paddedCount + p] - mean
                    squares += d * d
                }
                moments.append(RunMoments(mean: mean, centredSquares: squares, low: low, high: high))
                source += run.count
            }
        }
        self.muGroup = laidOut
        self.moments = moments
        var generator = SeededGenerator(seed: seed, stream: 0xC0FFEE)
        var normals = [Double](repeating: 0, count: 2 * paddedCount)
        for p in 0..<paddedCount {
            normals[p] = RandomVariates.standardNormal(using: &generator)
            normals[paddedCount + p] = normals[p]
        }
        self.normals = normals
    }

    /// The layout of a fit's draws: runs in the order of their tau nodes.
    init(draws: GridSampler.Draws, seed: UInt64) {
        let total = draws.mu.count
        let nodeCount = Int(draws.tauNode.max() ?? 0) + 1
        var nodeSizes = [Int](repeating: 0, count: nodeCount)
        for node in draws.tauNode { nodeSizes[Int(node)] += 1 }
        var nodeStarts = [Int](repeating: 0, count: nodeCount + 1)
        for k in 0..<nodeCount { nodeStarts[k + 1] = nodeStarts[k] + nodeSizes[k] }
        var cursor = nodeStarts
        var order = [Int](repeating: 0, count: total)
        var tauOfNode = [Double](repeating: 0, count: nodeCount)
        for (s, node) in draws.tauNode.enumerated() {
            order[cursor[Int(node)]] = s
            cursor[Int(node)] += 1
            tauOfNode[Int(node)] = draws.tau[s]
        }
        let occupied = (0..<nodeCount).filter { nodeSizes[$0] > 0 }
        self.init(
            tauSquared: occupied.map { tauOfNode[$0] * tauOfNode[$0] }, runSizes: occupied.map { nodeSizes[$0] },
            muGroup: draws.muGroup.map { values in order.map { values[$0] } }, seed: seed)
    }

    /// The creator's offset into `normals` (a multiplicative hash of its index).
    func offset(creator i: Int) -> Int {
        Int(((UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15) >> 20) % UInt64(max(paddedCount, 1)))
    }
}
