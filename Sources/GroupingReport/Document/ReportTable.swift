/// How a column's cells are aligned.
public enum ColumnAlignment: String, Sendable {
    case leading, trailing
}

/// A column of a report table.
public struct ReportColumn: Sendable {
    public var title: String
    public var alignment: ColumnAlignment
    /// Relative width in the PDF (columns share the line width in proportion).
    public var weight: Double
    /// Cells hold code-like text (hashes, paths) shown in a monospaced font and broken anywhere.
    public var isCode: Bool

    public init(_ title: String, alignment: ColumnAlignment = .leading, weight: Double = 1, isCode: Bool = false) {
        self.title = title
        self.alignment = alignment
        self.weight = weight
        self.isCode = isCode
    }

    /// A right-aligned numeric column.
    public static func number(_ title: String, weight: Double = 1) -> ReportColumn {
        ReportColumn(title, alignment: .trailing, weight: weight)
    }
}

/// One cell: formatted text, optionally shown as a badge, optionally emphasised.
public struct ReportCell: Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var badge: ReportBadge?
    public var emphasis: Bool

    public init(_ text: String, badge: ReportBadge? = nil, emphasis: Bool = false) {
        self.text = text
        self.badge = badge
        self.emphasis = emphasis
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// A cell that shows only a badge.
    public static func badge(_ badge: ReportBadge) -> ReportCell {
        ReportCell(badge.text, badge: badge)
    }
}

/// A table with a caption that says what it shows and how to read it.
public struct ReportTable: Sendable {
    public var id: String
    public var title: String
    public var caption: String
    public var columns: [ReportColumn]
    public var rows: [[ReportCell]]
    /// Shown instead of an empty table body.
    public var emptyText: String
    /// "Table 2": set by `ReportDocument` in reading order.
    public var number: Int? = nil
    /// The title as printed: "Table 2. " and the title.
    public var numberedTitle: String { number.map { "Table \($0). " + title } ?? title }

    public init(
        id: String, title: String, caption: String, columns: [ReportColumn], rows: [[ReportCell]],
        emptyText: String = "Nothing to show."
    ) {
        self.id = id
        self.title = title
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.emptyText = emptyText
    }
}
