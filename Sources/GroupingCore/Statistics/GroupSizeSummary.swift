/// Phase 1's group-size check: the smallest, median and largest group and how many groups
/// are smaller than `min_group_size` — pandas `sizes = df.groupby(g).size()`,
/// `sizes.min()`, `sizes.median()`, `sizes.max()`, `(sizes < min_size).sum()`.
///
/// Groups of count 0 are left out, as pandas 3 leaves out unobserved categories.
public enum GroupSizeSummary {
    /// - Parameters:
    ///   - counts: rows per group (zeros are ignored).
    ///   - minGroupSize: groups with strictly fewer rows are counted in `belowMin`.
    /// - Returns: the summary; all zeros when no group has rows.
    /// - Complexity: O(g log g).
    public static func compute(counts: [Int], minGroupSize: Int) -> GroupSizes {
        let observed = counts.filter { $0 > 0 }
        guard let smallest = observed.min(), let largest = observed.max(),
            let median = Descriptive.median(observed.map(Double.init))
        else { return GroupSizes(min: 0, median: 0, max: 0, belowMin: 0) }
        return GroupSizes(
            min: smallest, median: median, max: largest,
            belowMin: observed.filter { $0 < minGroupSize }.count)
    }
}
