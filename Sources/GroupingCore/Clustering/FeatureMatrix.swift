/// A dense matrix of feature values, one row per creator, stored row-major in one
/// contiguous array so that a row's features sit next to each other in memory.
///
/// Element (row `i`, feature `j`) is `values[i * featureCount + j]`. Clustering reads
/// whole rows at a time, so this layout keeps its inner loops on consecutive addresses.
public struct FeatureMatrix: Sendable, Equatable {
    /// Number of rows (creators).
    public let rowCount: Int
    /// Number of columns (features).
    public let featureCount: Int
    /// The values, row-major: `rowCount * featureCount` of them.
    public var values: [Double]

    /// Wraps row-major values.
    /// - Precondition: `values.count == rowCount * featureCount`.
    public init(rowCount: Int, featureCount: Int, values: [Double]) {
        precondition(values.count == rowCount * featureCount, "values do not fill the matrix")
        self.rowCount = rowCount
        self.featureCount = featureCount
        self.values = values
    }

    /// The value in `row`, `feature`.
    @inlinable
    public subscript(row: Int, feature: Int) -> Double {
        values[row * featureCount + feature]
    }

    /// The matrix restricted to `rows` (in the order given).
    /// - Complexity: O(rows.count × featureCount).
    public func selecting(rows: [Int]) -> FeatureMatrix {
        var selected = [Double](repeating: 0, count: rows.count * featureCount)
        values.withUnsafeBufferPointer { source in
            selected.withUnsafeMutableBufferPointer { target in
                for (position, row) in rows.enumerated() {
                    let from = row * featureCount
                    let to = position * featureCount
                    for feature in 0..<featureCount { target[to + feature] = source[from + feature] }
                }
            }
        }
        return FeatureMatrix(rowCount: rows.count, featureCount: featureCount, values: selected)
    }

    /// Mean over the features of each feature's population variance (ddof 0):
    /// `(1/d) Σ_j (1/n) Σ_i (x_ij − x̄_j)²`. scikit-learn scales its k-means tolerance by it.
    /// - Complexity: O(rowCount × featureCount).
    public func meanFeatureVariance() -> Double {
        guard rowCount > 0, featureCount > 0 else { return 0 }
        var means = [Double](repeating: 0, count: featureCount)
        var squares = [Double](repeating: 0, count: featureCount)
        values.withUnsafeBufferPointer { x in
            for row in 0..<rowCount {
                for feature in 0..<featureCount { means[feature] += x[row * featureCount + feature] }
            }
            for feature in 0..<featureCount { means[feature] /= Double(rowCount) }
            for row in 0..<rowCount {
                for feature in 0..<featureCount {
                    let deviation = x[row * featureCount + feature] - means[feature]
                    squares[feature] += deviation * deviation
                }
            }
        }
        return squares.reduce(0, +) / Double(rowCount) / Double(featureCount)
    }

    /// The number of distinct rows, counted until `limit` is reached (rows are compared
    /// value by value; 0 and −0 are equal). Stops early, so checking "at least k distinct
    /// rows" is cheap on large, varied data.
    /// - Complexity: O(n · d) time and O(min(n, limit) · d) memory at worst.
    public func distinctRowCount(upTo limit: Int) -> Int {
        var seen = Set<[Double]>()
        var row = 0
        while row < rowCount && seen.count < limit {
            seen.insert(Array(values[(row * featureCount)..<((row + 1) * featureCount)]))
            row += 1
        }
        return seen.count
    }
}
