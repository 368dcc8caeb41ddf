/// How a candidate grouping was formed.
public enum GroupingKind: String, Codable, Sendable, CaseIterable {
    case categorical, quantiles, bins, cross, cluster, additive
}

/// A candidate grouping of the analysed rows: one label per row, or none.
///
/// Rows are addressed by index into the analysis table. `codes[i]` indexes `labels`, or is
/// `-1` when row `i` has no label (it is then left out of every statistic of this
/// candidate). `labels` are in report order: string order (by Unicode code points, as
/// pandas sorts object labels) for categorical and cross candidates, interval order for
/// quantiles and bins, C1…Ck for clusters.
public struct Grouping: Sendable, Equatable {
    public var name: String
    public var kind: GroupingKind
    public var labels: [String]
    public var codes: [Int32]
    /// Interval edges for `quantiles` and `bins` (the edges actually used, after dropping
    /// duplicates).
    public var edges: [Double]?
    /// How it was formed, in words, for the report.
    public var formation: String
    /// An additive candidate's two members (its own labels are their cells, which Phases 1
    /// and 3 describe); nil otherwise.
    public var members: [Grouping]? = nil

    public init(
        name: String, kind: GroupingKind, labels: [String], codes: [Int32], edges: [Double]? = nil,
        formation: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.labels = labels
        self.codes = codes
        self.edges = edges
        self.formation = formation
    }

    /// Number of groups.
    public var groupCount: Int { labels.count }

    /// Rows in each group, indexed like `labels`.
    public func counts() -> [Int] {
        var counts = [Int](repeating: 0, count: labels.count)
        for code in codes where code >= 0 { counts[Int(code)] += 1 }
        return counts
    }
}

/// Missing numeric values are stored as NaN inside the library; a number read from the
/// input is always finite, so NaN means "missing" and nothing else.
extension Double {
    /// The library's marker for a missing value.
    public static var missing: Double { .nan }
    /// True when this value marks a missing cell.
    public var isMissing: Bool { isNaN }
}
