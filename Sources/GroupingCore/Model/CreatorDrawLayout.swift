/// The parameter draws arranged for the per-creator pass (`CreatorPass`), built once per
/// fit:
///
/// - draws sorted by tau node (stable), so that within a node's *run* the creator's
///   v = se² + tau², log v and shrinkage weight are constants;
/// - each run padded to a multiple of `lanes` positions, so that the pass reads whole
///   `SIMD4` chunks (pads repeat the run's last draw and are masked out);
/// - mu_group per group in that order, sorted within each run (draws of one run are
///   exchangeable: they share tau), and per (group, run) the mean, centred sum of squares,
///   minimum and maximum of mu_group: these give each creator's theta moments and the exact
///   largest ratio in O(runs), before its pass; sorted, a creator's ratios fall from each end
///   of a run towards its middle, so the PSIS tail candidates are found by scanning the ends;
/// - for the groups that hold most creators, per (group, run) the normalised power sums
///   P̃_q = Σ_s (δ_s/ρ)^q, q = 0…`seriesOrder`, of δ_s = mu_s − mean (ρ = max |δ_s|), from
///   which `CreatorPass` sums the run's e^(r − max) and e^(bound − r) as a series instead of
///   draw by draw;
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
        /// ρ = max |mu − mean|.
        var radius: Double
        /// Index of P̃_0 in `powerSums`, or −1 when the group has none.
        var seriesStart: Int
    }

    /// The highest power kept, 2·J for series of up to J = 20 orders.
    static let seriesOrder = 40
    /// At most this many groups (the largest) get power sums: 2,048 × 75 runs × 41 doubles
    /// is 50 MB at most.
    static let seriesGroupLimit = 2048

    let sampleCount: Int
    let paddedCount: Int
    let runs: [Run]
    let groupCount: Int
    /// [g · paddedCount + position]
    let muGroup: [Double]
    /// [g · runs.count + run]
    let moments: [RunMoments]
    /// P̃_0…P̃_seriesOrder per (group, run) that has them.
    let powerSums: [Double]
    /// 2 · paddedCount standard normals.
    let normals: [Double]

    /// - Parameters:
    ///   - tauSquared: tau² of each run, in the order the runs are laid out.
    ///   - runSizes: the number of draws of each run (all > 0).
    ///   - muGroup: [group][draw], draws in run order (run 0's draws first).
    ///   - seed: seeds the table of normals.
    ///   - seriesGroups: the groups that get power sums (default: all, up to the limit).
    init(tauSquared: [Double], runSizes: [Int], muGroup: [[Double]], seed: UInt64, seriesGroups: [Bool]? = nil) {
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
        var powerSums: [Double] = []
        let order = Self.seriesOrder
        for (g, values) in muGroup.enumerated() {
            let withSeries = seriesGroups?[g] ?? (g < Self.seriesGroupLimit)
            var source = 0
            for run in runs {
                let sorted = values[source..<(source + run.count)].sorted()
                source += run.count
                let base = g * paddedCount
                var sum = 0.0
                for (j, value) in sorted.enumerated() {
                    laidOut[base + run.start + j] = value
                    sum += value
                }
                for p in run.end..<run.paddedEnd { laidOut[base + p] = sorted[sorted.count - 1] }
                let mean = sum / Double(run.count)
                var squares = 0.0
                var radius = 0.0
                for value in sorted {
                    squares += (value - mean) * (value - mean)
                    radius = max(radius, abs(value - mean))
                }
                var seriesStart = -1
                if withSeries {
                    seriesStart = powerSums.count
                    var sums = [Double](repeating: 0, count: order + 1)
                    for value in sorted {
                        let t = radius > 0 ? (value - mean) / radius : 0
                        var power = 1.0
                        for q in 0...order {
                            sums[q] += power
                            power *= t
                        }
                    }
                    powerSums.append(contentsOf: sums)
                }
                moments.append(
                    RunMoments(
                        mean: mean, centredSquares: squares, low: sorted[0], high: sorted[sorted.count - 1],
                        radius: radius, seriesStart: seriesStart))
            }
        }
        self.powerSums = powerSums
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

    /// The layout of a fit's draws: runs in the order of their tau nodes; power sums for the
    /// groups with most creators (`groupSizes`), up to the limit.
    init(draws: GridSampler.Draws, seed: UInt64, groupSizes: [Int]) {
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
            muGroup: draws.muGroup.map { values in order.map { values[$0] } }, seed: seed,
            seriesGroups: Self.largest(groupSizes, limit: Self.seriesGroupLimit))
    }

    /// Marks the `limit` largest groups (ties by index) that have at least 8 creators.
    static func largest(_ sizes: [Int], limit: Int) -> [Bool] {
        var marked = [Bool](repeating: false, count: sizes.count)
        let ranked = sizes.indices.sorted { sizes[$0] != sizes[$1] ? sizes[$0] > sizes[$1] : $0 < $1 }
        for g in ranked.prefix(limit) where sizes[g] >= 8 { marked[g] = true }
        return marked
    }

    /// The creator's offset into `normals` (a multiplicative hash of its index).
    func offset(creator i: Int) -> Int {
        Int(((UInt64(truncatingIfNeeded: i) &* 0x9E37_79B9_7F4A_7C15) >> 20) % UInt64(max(paddedCount, 1)))
    }
}
