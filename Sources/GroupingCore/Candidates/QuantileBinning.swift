/// Cuts a numeric column at its sample quantiles, like pandas
/// `qcut(x, q=bins, duplicates="drop")`:
///
/// 1. the quantile levels are `linspace(0, 1, bins+1)`, each nudged one ulp up when
///    `bins · level` is not the integer it should be (pandas' correction for levels that
///    are not representable in base 2);
/// 2. the edges are numpy's linear quantiles (type 7) of the non-missing values at those
///    levels;
/// 3. duplicate edges are dropped (unless there are only two edges);
/// 4. values are coded into right-closed intervals, the lowest edge included
///    (`Binning.intervalCodes`).
///
/// Labels are `Q1`…`Qm`, m = edges − 1. Intervals may be empty (a gap between two sample
/// values), as in pandas. A constant column with bins ≥ 2 leaves one edge and no
/// interval, so every row gets −1, as pandas gives all-NaN.
public enum QuantileBinning {
    /// - Parameters:
    ///   - x: the column; NaN marks a missing value (code −1).
    ///   - bins: the number of quantile bins requested, ≥ 1.
    /// - Returns: the codes, labels and edges.
    /// - Throws: `BinningError` when `bins` < 1.
    /// - Complexity: O(n log n) for the sort of the non-missing values.
    public static func cut(_ x: [Double], bins: Int) throws -> Binning {
        guard bins >= 1 else { throw BinningError("bins must be a positive integer, got \(bins)") }
        let edges = quantileEdges(x, bins: bins)
        let labels = edges.count >= 2 ? (1..<edges.count).map { "Q\($0)" } : []
        return Binning(codes: Binning.intervalCodes(of: x, edges: edges), labels: labels, edges: edges)
    }

    /// The edges pandas `qcut(x, bins, duplicates="drop")` uses, after dropping
    /// duplicates; empty when every value is missing.
    public static func quantileEdges(_ x: [Double], bins: Int) -> [Double] {
        var present = x.filter { !$0.isNaN }
        guard !present.isEmpty else { return [] }
        present.sort()
        let step = 1.0 / Double(bins)
        var edges: [Double] = []
        edges.reserveCapacity(bins + 1)
        for index in 0...bins {
            var level = index == bins ? 1.0 : Double(index) * step
            if Double(bins) * level != Double(index) { level = level.nextUp }
            edges.append(Descriptive.quantile(sorted: present, level)!)
        }
        guard edges.count > 2 else { return edges }
        var distinct: [Double] = [edges[0]]
        for edge in edges.dropFirst() where edge != distinct[distinct.count - 1] {
            distinct.append(edge)
        }
        return distinct
    }
}
