/// Sample quantiles by linear interpolation between order statistics: Hyndman & Fan's
/// definition 7, the default of numpy's `quantile` (`method="linear"`) and R's
/// `quantile(type = 7)`. The one home of the quantile: the core's `Descriptive.quantile` and
/// `SampleQuantile.type7` and the charts' box plots all call it.
///
/// For sorted values x₀ ≤ … ≤ xₙ₋₁ and probability p, let h = (n − 1)·p; the quantile is
/// x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). Source: Hyndman, R. J. & Fan, Y. (1996), "Sample
/// quantiles in statistical packages", The American Statistician 50(4), 361–365.
public enum Quantile {
    /// The type-7 quantile of already sorted, finite values.
    ///
    /// - Parameters:
    ///   - sorted: values in ascending order, not empty.
    ///   - p: probability in 0...1.
    /// - Returns: the interpolated quantile.
    /// - Complexity: O(1).
    public static func linear(sorted: UnsafeBufferPointer<Double>, _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of no values")
        let last = sorted.count - 1
        let h = Double(last) * p
        if h >= Double(last) { return sorted[last] }
        if h <= 0 { return sorted[0] }
        let lower = Int(h.rounded(.down))
        return lerp(sorted[lower], sorted[lower + 1], h - Double(lower))
    }

    /// a + g·(b − a) when g < ½, b − (1−g)·(b − a) otherwise: numpy's `_lerp`, so quantiles
    /// match numpy bit for bit (exact at both ends, within [a, b]).
    @inline(__always)
    public static func lerp(_ a: Double, _ b: Double, _ gamma: Double) -> Double {
        let difference = b - a
        return gamma >= 0.5 ? b - difference * (1 - gamma) : a + difference * gamma
    }

    /// The type-7 quantile of sorted values held in an array.
    public static func linear(sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { linear(sorted: $0, p) }
    }
}
