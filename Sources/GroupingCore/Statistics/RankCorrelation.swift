/// Spearman's rank correlation: Pearson's correlation of the average ranks (ties get the
/// mean of the ranks they span), as `scipy.stats.spearmanr` without NaN handling.
public enum RankCorrelation {
    /// Average ranks (1-based) of `values`.
    /// - Complexity: O(n log n).
    public static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let average = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = average }
            start = end + 1
        }
        return ranks
    }

    /// Spearman's rho; nil when either side is constant or there are fewer than two pairs.
    public static func spearman(_ x: [Double], _ y: [Double]) -> Double? {
        guard x.count == y.count, x.count >= 2 else { return nil }
        return ShrinkageAnalysis.pearson(averageRanks(x), averageRanks(y))
    }
}
