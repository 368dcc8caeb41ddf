/// The building blocks of rank-normalised diagnostics (Vehtari, Gelman, Simpson, Carpenter
/// & Bürkner 2021, "Rank-normalization, folding, and localization: an improved R-hat",
/// Bayesian Analysis 16(2)), following ArviZ's `_split_chains`, `_z_scale` and `_z_fold`.
enum RankNormalization {
    /// Splits every chain in two halves (the first ⌊n/2⌋ and the last ⌊n/2⌋ draws, so the
    /// middle draw of an odd chain is dropped) and returns the 2·chains half-chains.
    static func splitChains(_ chains: [[Double]]) -> [[Double]] {
        let half = (chains.first?.count ?? 0) / 2
        var split: [[Double]] = []
        split.reserveCapacity(chains.count * 2)
        for chain in chains { split.append(Array(chain[0..<half])) }
        for chain in chains { split.append(Array(chain[(chain.count - half)...])) }
        return split
    }

    /// Rank-normalises all draws together: average ranks r (ties share their mean rank),
    /// Blom's back-transform (r − 3/8)/(n + 1/4), then the normal quantile.
    /// - Complexity: O(n log n) for n draws in all chains.
    static func zScale(_ chains: [[Double]]) -> [[Double]] {
        let flat = chains.flatMap { $0 }
        let n = flat.count
        // (value, index) pairs sort faster than indices compared through the array.
        let order = flat.enumerated().map { ($0.element, $0.offset) }.sorted { $0.0 < $1.0 }
        var z = [Double](repeating: 0, count: n)
        var start = 0
        while start < n {
            var end = start + 1
            while end < n && order[end].0 == order[start].0 { end += 1 }
            let averageRank = Double(start + 1 + end) / 2  // mean of ranks start+1 ... end
            let value = NormalQuantile.of((averageRank - 0.375) / (Double(n) + 0.25))
            for position in start..<end { z[order[position].1] = value }
            start = end
        }
        var result: [[Double]] = []
        var offset = 0
        for chain in chains {
            result.append(Array(z[offset..<(offset + chain.count)]))
            offset += chain.count
        }
        return result
    }

    /// |x − median(x)| of all draws together (the folding of the tail R-hat).
    static func fold(_ chains: [[Double]]) -> [[Double]] {
        let sorted = chains.flatMap { $0 }.sorted()
        let n = sorted.count
        guard n > 0 else { return chains }
        let median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
        return chains.map { $0.map { abs($0 - median) } }
    }
}
