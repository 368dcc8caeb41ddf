/// The Kruskal–Wallis H test (Phase 3), as `scipy.stats.kruskal`: the rows are ranked
/// together (ties get the average of the ranks they span), then
///
///     H = 12 / (N(N+1)) · Σ_g n_g (R̄_g − (N+1)/2)²  /  C,   C = 1 − Σ_t (t³ − t) / (N³ − N)
///
/// with R̄_g the mean rank of group g, t the sizes of the tie blocks, and
/// p = P(χ²(k−1) > H) (Kruskal & Wallis 1952). The centred form of the sum is
/// algebraically scipy's 12/(N(N+1)) Σ R_g²/n_g − 3(N+1) without its cancellation.
///
/// Undefined cases give nil values with a `reason`: fewer than two non-empty groups
/// ("needs at least two groups"), all values equal (C = 0: "all values are equal").
public enum KruskalWallis {
    /// The test for one candidate.
    ///
    /// - Complexity: O(N log N): one sort of the labelled rows, then a linear scan.
    public static func test(values: [Double], codes: [Int32], groupCount: Int) -> KruskalJSON {
        precondition(values.count == codes.count, "values and codes differ in length")
        let ranks = rankSums(values: values, codes: codes, groupCount: groupCount)
        let observedGroups = ranks.counts.filter { $0 > 0 }.count
        guard observedGroups >= 2 else {
            return KruskalJSON(h: nil, p: nil, df: nil, reason: "needs at least two groups")
        }
        let df = observedGroups - 1
        let n = Double(ranks.rows)
        let tieCorrection = 1 - ranks.tieSum / (n * n * n - n)
        guard tieCorrection > 0 else {
            return KruskalJSON(
                h: nil, p: nil, df: df, reason: "all values are equal (every rank tied)")
        }
        let centre = (n + 1) / 2
        var spread = 0.0
        for group in 0..<groupCount where ranks.counts[group] > 0 {
            let count = Double(ranks.counts[group])
            let deviation = ranks.sums[group] / count - centre
            spread += count * deviation * deviation
        }
        let h = 12 / (n * (n + 1)) * spread / tieCorrection
        let p = SpecialFunctions.chiSquareSurvival(x: h, df: Double(df))
        return KruskalJSON(h: h, p: p, df: df, reason: nil)
    }

    /// Per-group sums of average ranks, group sizes, and the tie term Σ (t³ − t).
    ///
    /// Sorts the labelled rows once by value (packed as value/code pairs, so the sort moves
    /// contiguous 16-byte records), then walks the tie blocks.
    ///
    /// - Complexity: O(N log N).
    static func rankSums(values: [Double], codes: [Int32], groupCount: Int)
        -> (sums: [Double], counts: [Int], rows: Int, tieSum: Double)
    {
        var records: [RankedRow] = []
        records.reserveCapacity(values.count)
        for row in values.indices where codes[row] >= 0 {
            precondition(Int(codes[row]) < groupCount, "code \(codes[row]) out of range")
            records.append(RankedRow(value: values[row], code: codes[row]))
        }
        records.sort { $0.value < $1.value }

        var sums = [Double](repeating: 0, count: groupCount)
        var counts = [Int](repeating: 0, count: groupCount)
        var tieSum = 0.0
        records.withUnsafeBufferPointer { sorted in
            var start = 0
            while start < sorted.count {
                var end = start + 1
                while end < sorted.count && sorted[end].value == sorted[start].value { end += 1 }
                // Ranks start + 1 … end share their average.
                let averageRank = Double(start + 1 + end) / 2
                for index in start..<end {
                    let code = Int(sorted[index].code)
                    sums[code] += averageRank
                    counts[code] += 1
                }
                let tie = Double(end - start)
                if end - start > 1 { tieSum += tie * tie * tie - tie }
                start = end
            }
        }
        return (sums, counts, records.count, tieSum)
    }

    /// One labelled row for ranking.
    struct RankedRow {
        var value: Double
        var code: Int32
    }
}
