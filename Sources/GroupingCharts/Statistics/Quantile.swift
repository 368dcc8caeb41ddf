/// Sample quantiles by linear interpolation between order statistics: Hyndman & Fan's
/// definition 7, the default of numpy's `quantile` (`method="linear"`) and R's
/// `quantile(type = 7)`.
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
        let h = Double(sorted.count - 1) * Swift.min(1, Swift.max(0, p))
        let lower = Int(h.rounded(.down))
        let upper = Swift.min(lower + 1, sorted.count - 1)
        let fraction = h - Double(lower)
        let a = sorted[lower]
        let b = sorted[upper]
        // a + f·(b − a) is exact at f = 0 and stays within [a, b].
        return fraction == 0 ? a : a + fraction * (b - a)
    }

    /// The type-7 quantile of sorted values held in an array.
    public static func linear(sorted: [Double], _ p: Double) -> Double {
        sorted.withUnsafeBufferPointer { linear(sorted: $0, p) }
    }
}
