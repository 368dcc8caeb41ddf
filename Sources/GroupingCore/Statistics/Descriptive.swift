import GroupingNumerics
/// Descriptive statistics of a sample, with numpy's conventions.
///
/// Means and variances use the corrected two-pass algorithm (Chan, Golub & LeVeque 1983):
/// m = Σx/n, then m += Σ(x−m)/n and Σ(x−m)² − (Σ(x−m))²/n, which is exact to rounding
/// even when the mean is large compared with the spread. Functions return nil where numpy
/// would return NaN (an empty sample, n ≤ ddof).
public enum Descriptive {
    /// The arithmetic mean, or nil for an empty sample.
    ///
    /// - Complexity: O(n), two passes.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return centredSums(values).mean
    }

    /// The variance Σ(x − mean)² / (n − ddof) (numpy `var(ddof:)`, pandas `.var()` with
    /// ddof 1), or nil when n ≤ ddof. A sample whose values are all equal has variance 0
    /// exactly.
    ///
    /// - Complexity: O(n), two passes.
    public static func variance(_ values: [Double], ddof: Int = 1) -> Double? {
        guard values.count > ddof else { return nil }
        let sums = centredSums(values)
        return max(0, sums.sumOfSquares) / Double(values.count - ddof)
    }

    /// The standard deviation √variance(ddof:), or nil when n ≤ ddof.
    public static func standardDeviation(_ values: [Double], ddof: Int = 1) -> Double? {
        variance(values, ddof: ddof).map { $0.squareRoot() }
    }

    /// The mean and the sum of squared deviations Σ(x − mean)² (zero when all values are
    /// equal), by the corrected two-pass algorithm.
    static func centredSums(_ values: [Double]) -> (mean: Double, sumOfSquares: Double) {
        values.withUnsafeBufferPointer { buffer in
            let n = Double(buffer.count)
            var sum = 0.0
            var smallest = Double.infinity
            var largest = -Double.infinity
            for value in buffer {
                sum += value
                smallest = min(smallest, value)
                largest = max(largest, value)
            }
            if smallest == largest { return (smallest, 0) }
            let provisional = sum / n
            var deviationSum = 0.0
            var squareSum = 0.0
            for value in buffer {
                let deviation = value - provisional
                deviationSum += deviation
                squareSum += deviation * deviation
            }
            return (provisional + deviationSum / n, squareSum - deviationSum * deviationSum / n)
        }
    }

    /// The q-quantile of an ascending sample by numpy's default method ("linear", Hyndman &
    /// Fan type 7): with h = (n−1)·q, i = ⌊h⌋ and g = h − i, the value
    /// x[i] + g·(x[i+1] − x[i]) when g < ½ and x[i+1] − (1−g)·(x[i+1] − x[i]) otherwise,
    /// the same floating-point steps as numpy's `_lerp`, so quantile edges match numpy
    /// bit for bit.
    ///
    /// - Parameters:
    ///   - sorted: the sample in ascending order, without NaN.
    ///   - q: in [0, 1].
    /// - Returns: the quantile, or nil for an empty sample.
    /// - Complexity: O(1).
    public static func quantile(sorted: [Double], _ q: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        return Quantile.linear(sorted: sorted, q)
    }

    /// The q-quantile (numpy linear method) of an unsorted sample; NaN values are not
    /// allowed.
    ///
    /// - Complexity: O(n log n).
    public static func quantile(_ values: [Double], _ q: Double) -> Double? {
        quantile(sorted: values.sorted(), q)
    }

    /// The median as numpy computes it: the middle value, or the mean (a+b)/2 of the two
    /// middle values of an even-sized sample; nil for an empty sample.
    ///
    /// - Complexity: O(n log n).
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }
}
