import GroupingNumerics
/// Sample quantiles and the highest-density interval of draws.
public enum SampleQuantile {
    /// The type-7 quantile (Hyndman & Fan 1996; R's default, numpy's `linear`, ArviZ's
    /// `mquantiles(alphap=1, betap=1)`) of sorted values: with h = (n − 1)·p,
    /// x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
    ///
    /// - Parameters:
    ///   - sorted: values in ascending order, not empty.
    ///   - p: the probability, in [0, 1].
    public static func type7(sorted: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        Quantile.linear(sorted: sorted, p)
    }

    /// Convenience form of `type7(sorted:_:)` for an unsorted array.
    public static func type7(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        return sorted.withUnsafeBufferPointer { type7(sorted: $0, p) }
    }

    /// The highest-density interval as ArviZ's `az.hdi` computes it for unimodal draws:
    /// sort, take every window of ⌊prob·n⌋ + 1 consecutive order statistics and return the
    /// narrowest (the first one on ties).
    ///
    /// - Parameters:
    ///   - values: the draws (all chains together), at least 2.
    ///   - prob: the interval's probability, 0.95 by default.
    /// - Returns: (low, high).
    /// - Complexity: O(n log n).
    public static func hdi(_ values: [Double], prob: Double = 0.95) -> (low: Double, high: Double) {
        let sorted = values.sorted()
        let n = sorted.count
        let included = Int((prob * Double(n)).rounded(.down))
        let intervals = n - included
        guard intervals > 0, included > 0 else { return (sorted[0], sorted[n - 1]) }
        var best = 0
        var bestWidth = Double.infinity
        for start in 0..<intervals {
            let width = sorted[start + included] - sorted[start]
            if width < bestWidth {
                bestWidth = width
                best = start
            }
        }
        return (sorted[best], sorted[best + included])
    }
}
