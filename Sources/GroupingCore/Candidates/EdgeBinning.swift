/// Cuts a numeric column at given edges, like pandas
/// `cut(x, edges, labels=labels, right=True, include_lowest=True)`: interval j is
/// (edges[j], edges[j+1]], the first also including edges[0]; values outside the edges
/// and missing values (NaN) get −1.
public enum EdgeBinning {
    /// - Parameters:
    ///   - x: the column; NaN marks a missing value.
    ///   - edges: at least two edges, strictly increasing (±∞ allowed, NaN not).
    ///   - labels: one distinct label per interval (edges.count − 1).
    /// - Returns: the codes, the labels and the edges.
    /// - Throws: `BinningError` naming the offending edge or the label count.
    /// - Complexity: O(n log e).
    public static func cut(_ x: [Double], edges: [Double], labels: [String]) throws -> Binning {
        try validate(edges: edges, labels: labels)
        return Binning(codes: Binning.intervalCodes(of: x, edges: edges), labels: labels, edges: edges)
    }

    /// Checks edges and labels as pandas does (monotonic, unique edges; one label per
    /// interval; unique labels), with messages that say which item is wrong.
    public static func validate(edges: [Double], labels: [String]) throws {
        guard edges.count >= 2 else {
            throw BinningError("edges needs at least two values, got \(edges.count)")
        }
        for (index, edge) in edges.enumerated() where edge.isNaN {
            throw BinningError("edge \(index + 1) is not a number")
        }
        for index in 1..<edges.count where !(edges[index] > edges[index - 1]) {
            throw BinningError(
                "edges must increase strictly: edge \(index + 1) (\(edges[index])) is not greater than edge \(index) (\(edges[index - 1]))"
            )
        }
        guard labels.count == edges.count - 1 else {
            throw BinningError(
                "labels must be one fewer than edges: \(edges.count) edges need \(edges.count - 1) labels, got \(labels.count)"
            )
        }
        var seen = Set<String>()
        for label in labels where !seen.insert(label).inserted {
            throw BinningError("labels must be distinct: \"\(label)\" appears more than once")
        }
    }
}
