/// Names the clusters of a fit `C1`…`Ck` and describes each in the features' own units.
///
/// Order: by size, largest first; clusters of equal size in the order of their first row
/// (the cluster containing the lowest row index first). The order therefore depends on
/// the partition only, not on the arbitrary numbering of the centres.
///
/// A profile's means are the means of the raw features over the cluster's rows, with a
/// missing cell counted at its imputed median: exactly the values the clustering used,
/// before standardisation. (Means over the observed cells only could be undefined when a
/// cluster has no observed value of a feature.)
enum ClusterProfiles {
    /// The relabelling of a fit.
    struct Ordering: Equatable {
        /// Per row, the index into `labels` (0-based, so code c is label "C\(c + 1)").
        var codes: [Int32]
        /// "C1"…"Ck".
        var labels: [String]
        /// Rows in each cluster, indexed like `labels`.
        var sizes: [Int]
    }

    /// Orders the clusters of `fitLabels` (values 0..<k) by size descending, ties by first row.
    /// - Complexity: O(n + k log k).
    static func order(fitLabels: [Int32], k: Int) -> Ordering {
        var sizes = [Int](repeating: 0, count: k)
        var firstRow = [Int](repeating: Int.max, count: k)
        for (row, label) in fitLabels.enumerated() {
            let cluster = Int(label)
            sizes[cluster] += 1
            if firstRow[cluster] == Int.max { firstRow[cluster] = row }
        }
        let ranked = (0..<k).sorted { a, b in
            sizes[a] != sizes[b] ? sizes[a] > sizes[b] : firstRow[a] < firstRow[b]
        }
        var newCode = [Int32](repeating: 0, count: k)
        for (rank, cluster) in ranked.enumerated() { newCode[cluster] = Int32(rank) }
        let codes = fitLabels.map { newCode[Int($0)] }
        return Ordering(
            codes: codes, labels: (0..<k).map { "C\($0 + 1)" },
            sizes: ranked.map { sizes[$0] })
    }

    /// One profile per cluster: its label, size and the mean of every raw feature.
    ///
    /// - Parameters:
    ///   - ordering: the clusters' codes, labels and sizes.
    ///   - features: the raw feature columns (NaN = missing).
    ///   - medians: per feature, the value a missing cell was imputed with.
    /// - Complexity: O(n · d).
    static func profiles(
        ordering: Ordering, features: [[Double]], medians: [Double]
    ) -> [ClusterProfile] {
        let k = ordering.labels.count
        var means = [[Double]](repeating: [Double](repeating: 0, count: features.count), count: k)
        for (feature, column) in features.enumerated() {
            var sums = [Double](repeating: 0, count: k)
            column.withUnsafeBufferPointer { values in
                ordering.codes.withUnsafeBufferPointer { codes in
                    for row in 0..<values.count {
                        let value = values[row]
                        sums[Int(codes[row])] += value.isMissing ? medians[feature] : value
                    }
                }
            }
            for cluster in 0..<k {
                means[cluster][feature] = sums[cluster] / Double(ordering.sizes[cluster])
            }
        }
        return (0..<k).map { cluster in
            ClusterProfile(
                label: ordering.labels[cluster], size: ordering.sizes[cluster], means: means[cluster])
        }
    }
}
