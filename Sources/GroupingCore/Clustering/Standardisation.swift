/// The clustering input after median imputation and standardisation.
///
/// Each feature column is first median-imputed: a missing cell (NaN) takes the median of
/// the column's non-missing values, as `numpy.median` computes it (the middle value, or
/// the mean of the two middle values). The completed column is then standardised like
/// scikit-learn's `StandardScaler`: `z = (x − mean) / sd` with the population sd (ddof 0),
/// so every feature weighs the same in the Euclidean distances of k-means.
public struct StandardisedFeatures: Sendable, Equatable {
    /// Feature names, in column order.
    public let names: [String]
    /// Standardised values, one row per creator (row-major).
    public let matrix: FeatureMatrix
    /// Per feature: how many cells were missing and the median that replaced them.
    public let imputation: [FeatureImputation]
    /// Per feature: mean of the imputed column.
    public let means: [Double]
    /// Per feature: population sd (ddof 0) of the imputed column.
    public let scales: [Double]

    /// Imputes and standardises `features`.
    ///
    /// - Parameters:
    ///   - features: one array per feature, all of the same length; NaN marks a missing cell.
    ///   - names: the features' names, used in error messages and the results.
    /// - Returns: the standardised matrix with the imputation and scaling used.
    /// - Throws: `ClusteringError` when there are no features or rows, the lengths differ,
    ///   a value is infinite, or a feature is entirely missing or constant (naming it).
    /// - Complexity: O(n log n) per feature (the median sorts the column).
    public init(features: [[Double]], names: [String]) throws {
        guard !features.isEmpty else { throw ClusteringError.noFeatures }
        guard names.count == features.count else {
            throw ClusteringError.namesMismatch(names: names.count, columns: features.count)
        }
        let rowCount = features[0].count
        guard rowCount > 0 else { throw ClusteringError.noRows }
        let featureCount = features.count
        var imputation: [FeatureImputation] = []
        var means: [Double] = []
        var scales: [Double] = []
        var values = [Double](repeating: 0, count: rowCount * featureCount)
        for (feature, column) in features.enumerated() {
            let name = names[feature]
            guard column.count == rowCount else {
                throw ClusteringError.columnLengthMismatch(
                    feature: name, expected: rowCount, actual: column.count)
            }
            if let row = column.firstIndex(where: { $0.isInfinite }) {
                throw ClusteringError.notFinite(feature: name, row: row)
            }
            var observed = column.filter { !$0.isMissing }
            guard !observed.isEmpty else { throw ClusteringError.entirelyMissing(feature: name) }
            let missing = rowCount - observed.count
            observed.sort()
            guard observed[0] != observed[observed.count - 1] else {
                throw ClusteringError.constant(feature: name, value: observed[0])
            }
            let median = Self.medianOfSorted(observed)
            imputation.append(FeatureImputation(feature: name, missing: missing, median: median))

            var sum = 0.0
            for value in column { sum += value.isMissing ? median : value }
            let mean = sum / Double(rowCount)
            var squares = 0.0
            for value in column {
                let deviation = (value.isMissing ? median : value) - mean
                squares += deviation * deviation
            }
            let scale = (squares / Double(rowCount)).squareRoot()
            means.append(mean)
            scales.append(scale)
            values.withUnsafeMutableBufferPointer { target in
                column.withUnsafeBufferPointer { source in
                    for row in 0..<rowCount {
                        let value = source[row].isMissing ? median : source[row]
                        target[row * featureCount + feature] = (value - mean) / scale
                    }
                }
            }
        }
        self.names = names
        self.matrix = FeatureMatrix(rowCount: rowCount, featureCount: featureCount, values: values)
        self.imputation = imputation
        self.means = means
        self.scales = scales
    }

    /// The median of sorted, non-empty values, as numpy computes it: the middle value, or
    /// the mean of the two middle values when the count is even.
    static func medianOfSorted(_ sorted: [Double]) -> Double {
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }
}
