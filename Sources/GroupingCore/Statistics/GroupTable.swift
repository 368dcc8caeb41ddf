/// Phase 1's group table: count, mean, standard deviation (ddof 1), minimum and maximum of
/// the outcome per group, in label order — pandas
/// `df.groupby(g)[y].agg(["count", "mean", "std", "min", "max"])`.
///
/// Groups without rows are left out (pandas 3 groups categoricals with `observed=True`);
/// the std of a one-row group does not exist and is nil (pandas gives NaN).
public enum GroupTable {
    /// The group table of one candidate.
    ///
    /// - Parameters:
    ///   - values: the outcome per row (finite).
    ///   - codes: group index per row, −1 for an unlabelled row.
    ///   - labels: the group labels, indexed by code.
    /// - Returns: one row per non-empty group, in label order.
    /// - Complexity: O(n + groups).
    public static func compute(values: [Double], codes: [Int32], labels: [String])
        -> [GroupStatistics]
    {
        compute(
            moments: GroupMoments.compute(values: values, codes: codes, groupCount: labels.count),
            labels: labels)
    }

    /// The group table from moments already gathered.
    public static func compute(moments: GroupMoments, labels: [String]) -> [GroupStatistics] {
        precondition(labels.count == moments.groupCount, "one label per group")
        return moments.nonEmptyGroups.map { group in
            let count = moments.counts[group]
            let std: Double? =
                count > 1 ? (moments.sumsOfSquares[group] / Double(count - 1)).squareRoot() : nil
            return GroupStatistics(
                label: labels[group], count: count, mean: moments.means[group], std: std,
                min: moments.minima[group], max: moments.maxima[group])
        }
    }
}
