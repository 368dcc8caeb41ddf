/// The result of cutting a numeric column into intervals: one code per row (−1 for a
/// missing value or a value outside the edges), the interval labels, and the edges used.
///
/// Interval j is (edges[j], edges[j+1]], except that the first also includes edges[0]
/// (pandas `include_lowest=True`).
public struct Binning: Sendable, Equatable {
    /// Interval index per row, or −1.
    public var codes: [Int32]
    /// One label per interval, in interval order.
    public var labels: [String]
    /// The edges actually used (after dropping duplicates), ascending.
    public var edges: [Double]

    public init(codes: [Int32], labels: [String], edges: [Double]) {
        self.codes = codes
        self.labels = labels
        self.edges = edges
    }

    /// The pandas interval code of each value for ascending, distinct `edges`:
    /// `ids = searchsorted(edges, x, side="left")`, `ids[x == edges[0]] = 1`, then
    /// ids of 0 or `edges.count` (outside) and NaN become −1, the rest ids − 1 —
    /// the steps of pandas' `_bins_to_cuts` with `right=True, include_lowest=True`, so a
    /// value lying exactly on an edge falls in the interval that edge closes.
    ///
    /// - Complexity: O(n log e).
    static func intervalCodes(of values: [Double], edges: [Double]) -> [Int32] {
        var codes = [Int32](repeating: -1, count: values.count)
        guard let lowest = edges.first else { return codes }
        let edgeCount = edges.count
        edges.withUnsafeBufferPointer { edge in
            values.withUnsafeBufferPointer { x in
                codes.withUnsafeMutableBufferPointer { code in
                    for row in 0..<x.count {
                        let value = x[row]
                        if value.isNaN { continue }
                        // searchsorted side="left": number of edges strictly below value.
                        var low = 0
                        var high = edgeCount
                        while low < high {
                            let middle = (low + high) / 2
                            if edge[middle] < value { low = middle + 1 } else { high = middle }
                        }
                        let id = value == lowest ? 1 : low
                        if id == 0 || id == edgeCount { continue }
                        code[row] = Int32(id - 1)
                    }
                }
            }
        }
        return codes
    }
}

/// Why a numeric column could not be cut; the caller adds the config path.
public struct BinningError: Error, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
