import Foundation

/// Greedy k-means++ seeding (Arthur & Vassilvitskii, "k-means++: The Advantages of Careful
/// Seeding", SODA 2007, with the greedy variant of their section 6), the initialisation
/// scikit-learn's `KMeans` uses, so that the inertias of the two are comparable.
///
/// The first centre is a row drawn uniformly at random. Every further centre is chosen
/// among `2 + ⌊ln k⌋` candidate rows, each drawn with probability proportional to D(x)²,
/// the squared distance from row x to its nearest centre so far ("D² sampling"); of the
/// candidates, the one that leaves the smallest potential Σ_x min(D(x)², ‖x − candidate‖²)
/// becomes the centre (the first such candidate on ties).
///
/// A candidate is drawn as the first row whose cumulative D² reaches u · Σ D², with
/// u uniform in (0, 1) — the inverse of the empirical distribution, like numpy's
/// `searchsorted(cumsum, u * potential)`.
enum KMeansPlusPlus {
    /// Number of candidates tried for each centre after the first: `2 + ⌊ln k⌋`.
    static func localTrials(k: Int) -> Int { 2 + Int(log(Double(k))) }

    /// Chooses `k` initial centres among the rows of `points`.
    ///
    /// - Parameters:
    ///   - points: the (standardised) rows.
    ///   - k: number of centres, 1 ≤ k ≤ rows.
    ///   - generator: the source of randomness.
    /// - Returns: the centres, row-major `k × featureCount`.
    /// - Complexity: O(k · (2 + ln k) · n · d) time, O(n) extra memory.
    static func seeds(
        points: FeatureMatrix, k: Int, using generator: inout some RandomNumberGenerator
    ) -> [Double] {
        let n = points.rowCount
        let d = points.featureCount
        precondition(k >= 1 && k <= n, "k-means++ needs 1 ≤ k ≤ rows")
        var centres = [Double](repeating: 0, count: k * d)
        var closest = [Double](repeating: 0, count: n)
        var cumulative = [Double](repeating: 0, count: n)
        let trials = localTrials(k: k)
        var candidates = [Int](repeating: 0, count: trials)

        points.values.withUnsafeBufferPointer { xBuffer in
            let x = xBuffer.baseAddress!
            closest.withUnsafeMutableBufferPointer { closestBuffer in
                let nearest = closestBuffer.baseAddress!
                let first = Int.random(in: 0..<n, using: &generator)
                for f in 0..<d { centres[f] = x[first * d + f] }
                var potential = 0.0
                for row in 0..<n {
                    let distance = squaredDistance(x + row * d, x + first * d, d)
                    nearest[row] = distance
                    potential += distance
                }
                for centre in 1..<k {
                    // Candidates by D² sampling.
                    cumulative.withUnsafeMutableBufferPointer { sums in
                        var running = 0.0
                        for row in 0..<n {
                            running += nearest[row]
                            sums[row] = running
                        }
                        for trial in 0..<trials {
                            let target = RandomVariates.uniformOpen(using: &generator) * potential
                            candidates[trial] = min(firstIndex(in: sums, reaching: target), n - 1)
                        }
                    }
                    // The candidate that lowers the potential most.
                    var bestCandidate = candidates[0]
                    var bestPotential = Double.infinity
                    for candidate in candidates {
                        let c = x + candidate * d
                        var candidatePotential = 0.0
                        for row in 0..<n {
                            candidatePotential += min(nearest[row], squaredDistance(x + row * d, c, d))
                        }
                        if candidatePotential < bestPotential {
                            bestPotential = candidatePotential
                            bestCandidate = candidate
                        }
                    }
                    let c = x + bestCandidate * d
                    for row in 0..<n {
                        nearest[row] = min(nearest[row], squaredDistance(x + row * d, c, d))
                    }
                    potential = bestPotential
                    for f in 0..<d { centres[centre * d + f] = c[f] }
                }
            }
        }
        return centres
    }

    /// The first index whose cumulative sum is ≥ `target` (`count` when none is): binary
    /// search, like numpy's `searchsorted(side="left")`.
    static func firstIndex(in sums: UnsafeMutableBufferPointer<Double>, reaching target: Double) -> Int {
        var low = 0
        var high = sums.count
        while low < high {
            let middle = (low + high) / 2
            if sums[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

/// ‖a − b‖² over `d` coordinates.
@inline(__always)
func squaredDistance(_ a: UnsafePointer<Double>, _ b: UnsafePointer<Double>, _ d: Int) -> Double {
    var sum = 0.0
    for f in 0..<d {
        let difference = a[f] - b[f]
        sum += difference * difference
    }
    return sum
}
