/// Lloyd's algorithm (Lloyd, "Least squares quantization in PCM", 1957/1982): alternately
/// assign every row to its nearest centre and move every centre to the mean of its rows,
/// following scikit-learn's `_kmeans_single_lloyd` step for step so that results agree:
///
/// 1. Assign each row to the centre minimising ‖x − c‖², found as the minimiser of
///    ½‖c‖² − x·c (the squared-distance trick: ‖x‖² is the same for every centre).
/// 2. New centres are the means of their rows. A centre left without rows is re-seeded
///    deterministically: the rows farthest from their current centre (largest distance
///    first, lower row index on ties) become the empty clusters' centres and are taken out
///    of their old clusters' sums, as scikit-learn does.
/// 3. Stop when no label changed ("strict convergence"), or when the total squared centre
///    shift Σ_j ‖c_j(new) − c_j(old)‖² is ≤ `tolerance`, or after `maxIterations`.
/// 4. Unless converged strictly, rows are relabelled with the final centres. The inertia is
///    Σ_i ‖x_i − c(label_i)‖², computed directly (not by the trick) for accuracy.
enum Lloyd {
    /// The outcome of one run.
    struct Run: Sendable, Equatable {
        /// Final centres, row-major `k × d`.
        var centres: [Double]
        var inertia: Double
        /// Iterations performed (scikit-learn's `n_iter_`).
        var iterations: Int
        /// Whether a stopping rule fired before `maxIterations`.
        var converged: Bool
    }

    /// Runs Lloyd iterations from `initialCentres`.
    ///
    /// - Parameters:
    ///   - points: the rows.
    ///   - initialCentres: row-major `k × d` starting centres.
    ///   - maxIterations: at most this many assignment/update steps (scikit-learn: 300).
    ///   - tolerance: absolute bound on the total squared centre shift (scikit-learn:
    ///     1e-4 × mean feature variance).
    ///   - labels: receives the final label of every row; its count must be `points.rowCount`.
    /// - Returns: centres, inertia, iteration count and convergence.
    /// - Complexity: O(iterations · n · k · d) time; O(k · d) extra memory.
    static func run(
        points: FeatureMatrix, initialCentres: [Double], maxIterations: Int, tolerance: Double,
        labels: inout [Int32]
    ) -> Run {
        let n = points.rowCount
        let d = points.featureCount
        let k = initialCentres.count / d
        precondition(labels.count == n, "one label per row")
        var centres = initialCentres
        var sums = [Double](repeating: 0, count: k * d)
        var counts = [Int](repeating: 0, count: k)
        for row in 0..<n { labels[row] = -1 }
        var iterations = 0
        var strictConvergence = false
        var converged = false

        while iterations < maxIterations {
            iterations += 1
            let changed = assignAndAccumulate(
                points: points, centres: centres, labels: &labels, sums: &sums, counts: &counts)
            if counts.contains(0) {
                relocateEmptyClusters(
                    points: points, centres: centres, labels: labels, sums: &sums, counts: &counts)
            }
            var shift = 0.0
            for j in 0..<k {
                // A cluster emptied by a relocation keeps its centre.
                guard counts[j] > 0 else { continue }
                let weight = 1 / Double(counts[j])
                for f in 0..<d {
                    let updated = sums[j * d + f] * weight
                    let difference = updated - centres[j * d + f]
                    shift += difference * difference
                    centres[j * d + f] = updated
                }
            }
            if changed == 0 {
                strictConvergence = true
                converged = true
                break
            }
            if shift <= tolerance {
                converged = true
                break
            }
        }
        if !strictConvergence {
            assign(points: points, centres: centres, labels: &labels)
        }
        return Run(
            centres: centres, inertia: inertia(points: points, centres: centres, labels: labels),
            iterations: iterations, converged: converged)
    }

    /// Assigns every row to its nearest centre and accumulates each cluster's coordinate
    /// sums and size in the same pass.
    /// - Returns: how many labels changed.
    /// - Complexity: O(n · k · d).
    static func assignAndAccumulate(
        points: FeatureMatrix, centres: [Double], labels: inout [Int32], sums: inout [Double],
        counts: inout [Int]
    ) -> Int {
        let d = points.featureCount
        let k = centres.count / d
        let halfNorms = halfSquaredNorms(centres, d: d)
        for index in sums.indices { sums[index] = 0 }
        for index in counts.indices { counts[index] = 0 }
        var changed = 0
        points.values.withUnsafeBufferPointer { xBuffer in
            centres.withUnsafeBufferPointer { cBuffer in
                halfNorms.withUnsafeBufferPointer { normBuffer in
                    labels.withUnsafeMutableBufferPointer { labelBuffer in
                        sums.withUnsafeMutableBufferPointer { sumBuffer in
                            counts.withUnsafeMutableBufferPointer { countBuffer in
                                let x = xBuffer.baseAddress!
                                let c = cBuffer.baseAddress!
                                let norms = normBuffer.baseAddress!
                                let s = sumBuffer.baseAddress!
                                for row in 0..<points.rowCount {
                                    let xi = x + row * d
                                    let best = nearestCentre(xi, c, norms, k, d)
                                    if labelBuffer[row] != Int32(best) {
                                        changed += 1
                                        labelBuffer[row] = Int32(best)
                                    }
                                    countBuffer[best] += 1
                                    let target = s + best * d
                                    for f in 0..<d { target[f] += xi[f] }
                                }
                            }
                        }
                    }
                }
            }
        }
        return changed
    }

    /// Assigns every row to its nearest centre.
    /// - Complexity: O(n · k · d).
    static func assign(points: FeatureMatrix, centres: [Double], labels: inout [Int32]) {
        let d = points.featureCount
        let k = centres.count / d
        let halfNorms = halfSquaredNorms(centres, d: d)
        points.values.withUnsafeBufferPointer { xBuffer in
            centres.withUnsafeBufferPointer { cBuffer in
                halfNorms.withUnsafeBufferPointer { normBuffer in
                    labels.withUnsafeMutableBufferPointer { labelBuffer in
                        let x = xBuffer.baseAddress!
                        let c = cBuffer.baseAddress!
                        let norms = normBuffer.baseAddress!
                        for row in 0..<points.rowCount {
                            labelBuffer[row] = Int32(nearestCentre(x + row * d, c, norms, k, d))
                        }
                    }
                }
            }
        }
    }

    /// ½‖c_j‖² for every centre.
    static func halfSquaredNorms(_ centres: [Double], d: Int) -> [Double] {
        (0..<(centres.count / d)).map { j in
            var sum = 0.0
            for f in 0..<d { sum += centres[j * d + f] * centres[j * d + f] }
            return sum / 2
        }
    }

    /// The index of the centre nearest to `x`: argmin_j ½‖c_j‖² − x·c_j, the first on ties.
    @inline(__always)
    static func nearestCentre(
        _ x: UnsafePointer<Double>, _ centres: UnsafePointer<Double>,
        _ halfNorms: UnsafePointer<Double>, _ k: Int, _ d: Int
    ) -> Int {
        var best = 0
        var bestScore = Double.infinity
        var centre = centres
        for j in 0..<k {
            var dot = 0.0
            for f in 0..<d { dot += x[f] * centre[f] }
            let score = halfNorms[j] - dot
            if score < bestScore {
                bestScore = score
                best = j
            }
            centre += d
        }
        return best
    }

    /// Gives every empty cluster a row: the rows farthest from their current centre (largest
    /// squared distance first, lower index on ties) move, one per empty cluster, and their
    /// coordinates leave their old cluster's sums (scikit-learn's
    /// `_relocate_empty_clusters_dense`). Labels are left alone; the next assignment moves them.
    static func relocateEmptyClusters(
        points: FeatureMatrix, centres: [Double], labels: [Int32], sums: inout [Double],
        counts: inout [Int]
    ) {
        let d = points.featureCount
        let empty = counts.indices.filter { counts[$0] == 0 }
        guard !empty.isEmpty else { return }
        // The `empty.count` farthest rows, kept sorted by (distance desc, row asc).
        var farthest: [(distance: Double, row: Int)] = []
        points.values.withUnsafeBufferPointer { xBuffer in
            centres.withUnsafeBufferPointer { cBuffer in
                let x = xBuffer.baseAddress!
                let c = cBuffer.baseAddress!
                for row in 0..<points.rowCount {
                    let distance = squaredDistance(x + row * d, c + Int(labels[row]) * d, d)
                    if farthest.count == empty.count, distance <= farthest[farthest.count - 1].distance {
                        continue
                    }
                    let position =
                        farthest.firstIndex { distance > $0.distance } ?? farthest.count
                    farthest.insert((distance, row), at: position)
                    if farthest.count > empty.count { farthest.removeLast() }
                }
            }
        }
        for (cluster, far) in zip(empty, farthest) {
            let old = Int(labels[far.row])
            for f in 0..<d {
                let value = points[far.row, f]
                sums[old * d + f] -= value
                sums[cluster * d + f] = value
            }
            counts[old] -= 1
            counts[cluster] = 1
        }
    }

    /// Σ_i ‖x_i − c(label_i)‖².
    /// - Complexity: O(n · d).
    static func inertia(points: FeatureMatrix, centres: [Double], labels: [Int32]) -> Double {
        let d = points.featureCount
        var total = 0.0
        points.values.withUnsafeBufferPointer { xBuffer in
            centres.withUnsafeBufferPointer { cBuffer in
                labels.withUnsafeBufferPointer { labelBuffer in
                    let x = xBuffer.baseAddress!
                    let c = cBuffer.baseAddress!
                    for row in 0..<points.rowCount {
                        total += squaredDistance(x + row * d, c + Int(labelBuffer[row]) * d, d)
                    }
                }
            }
        }
        return total
    }
}
