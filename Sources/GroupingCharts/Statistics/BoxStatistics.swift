import GroupingNumerics
/// The five numbers and outliers of a Tukey boxplot.
///
/// Quartiles and median are type-7 quantiles (numpy's default linear interpolation, see
/// `Quantile.linear`). Whiskers follow Tukey (1977): each extends to the most extreme
/// data value within 1.5 · IQR of its quartile; values beyond are outliers. This is
/// what matplotlib's and seaborn's boxplots draw with `whis=1.5`.
public struct BoxStatistics: Equatable, Sendable {
    public var count: Int
    public var q1: Double
    public var median: Double
    public var q3: Double
    /// The smallest value ≥ q1 − 1.5 · IQR.
    public var lowerWhisker: Double
    /// The largest value ≤ q3 + 1.5 · IQR.
    public var upperWhisker: Double
    public var minimum: Double
    public var maximum: Double
    /// Number of values outside the whiskers.
    public var outlierCount: Int
    /// The outliers shown: all of them, or an evenly spread subset when thinned.
    public var shownOutliers: [Double]

    public var iqr: Double { q3 - q1 }
    public var isThinned: Bool { shownOutliers.count < outlierCount }

    /// The Tukey whisker reach in IQRs.
    public static let whiskerReach = 1.5

    /// Computes the statistics of finite values.
    ///
    /// - Parameters:
    ///   - values: finite values, not empty (callers filter NaN and infinities first).
    ///   - maxOutliers: the most outliers kept; beyond it they are thinned to an evenly
    ///     spaced (by rank) subset that always keeps the two extremes.
    /// - Returns: the statistics.
    /// - Complexity: O(n log n) for one sort of a copy of `values`; outliers are found
    ///   by binary search on the sorted copy, no per-element allocation.
    public init(values: [Double], maxOutliers: Int = 300) {
        precondition(!values.isEmpty, "box statistics of no values")
        var sorted = values
        sorted.sort()
        self.init(sorted: sorted, maxOutliers: maxOutliers)
    }

    /// Computes the statistics of values already sorted ascending (all finite).
    public init(sorted: [Double], maxOutliers: Int = 300) {
        precondition(!sorted.isEmpty, "box statistics of no values")
        let (q1, median, q3) = sorted.withUnsafeBufferPointer {
            (Quantile.linear(sorted: $0, 0.25), Quantile.linear(sorted: $0, 0.5), Quantile.linear(sorted: $0, 0.75))
        }
        let reach = Self.whiskerReach * (q3 - q1)
        let lowFence = q1 - reach
        let highFence = q3 + reach
        // First index with value ≥ lowFence, and first index with value > highFence.
        let firstInside = Self.partitionIndex(sorted) { $0 < lowFence }
        let firstAbove = Self.partitionIndex(sorted) { $0 <= highFence }
        self.count = sorted.count
        self.q1 = q1
        self.median = median
        self.q3 = q3
        self.lowerWhisker = sorted[Swift.min(firstInside, sorted.count - 1)]
        self.upperWhisker = sorted[Swift.max(firstAbove - 1, 0)]
        self.minimum = sorted[0]
        self.maximum = sorted[sorted.count - 1]
        let outlierIndices = Array(0..<firstInside) + Array(firstAbove..<sorted.count)
        self.outlierCount = outlierIndices.count
        if outlierIndices.count <= maxOutliers {
            shownOutliers = outlierIndices.map { sorted[$0] }
        } else {
            let keep = Swift.max(2, maxOutliers)
            let last = outlierIndices.count - 1
            shownOutliers = (0..<keep).map { step in
                sorted[outlierIndices[Int((Double(step) * Double(last) / Double(keep - 1)).rounded())]]
            }
        }
    }

    /// The first index at which `isBelow` turns false; `isBelow` must be true on a prefix.
    private static func partitionIndex(_ sorted: [Double], _ isBelow: (Double) -> Bool) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if isBelow(sorted[mid]) { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
