/// The lines of one table cell as laid out, with how to draw them.
struct PDFCellLines {
    var lines: [String]
    var font: PDFFont
    var alignment: ColumnAlignment
    var badge: BadgeTone?
}

/// One row (or a page's part of a row) of a table.
struct PDFTableRow {
    var cells: [PDFCellLines]
    /// Left edge and width of each column.
    var columnX: [Double]
    var columnWidth: [Double]
    var isHeader: Bool
    var shaded: Bool
    /// Distance between the baselines of a cell's lines.
    var lineHeight: Double
}

/// What a placed element draws.
enum PDFPlacedKind {
    case text(lines: [String], font: PDFFont, color: PDFColor)
    /// A filled rectangle, optionally with a coloured bar on its left edge.
    case box(fill: PDFColor, bar: PDFColor?)
    case rule(color: PDFColor, width: Double)
    case badge(text: String, tone: BadgeTone, font: PDFFont)
    case tableRow(PDFTableRow)
    case chart(ReportChart)
    /// An internal link over the element's rectangle to a place in the document (0-based page).
    case link(page: Int, y: Double)
}

/// What a placed element is, for tests and the outline: layout decisions are asserted on
/// roles and rectangles, never by reading the PDF back.
enum PDFElementRole: Equatable {
    case title
    case sectionHeading(id: String)
    case heading
    case paragraph
    case notice
    case bullet
    case recommendation
    case keyValue
    case tableTitle(id: String)
    case tableCaption(id: String)
    case tableHeader(id: String)
    /// A table row; `part` counts the pieces of a row split across pages (0 for the first).
    case tableRow(id: String, index: Int, part: Int)
    case chart(id: String)
    case chartCaption(id: String)
    /// A line of the contents page, linking to the section `id`.
    case contentsEntry(id: String)
    case decoration
}

/// An element at its place: page (0-based) and rectangle in points, origin top left.
struct PDFPlacedElement {
    var page: Int
    var x: Double
    var y: Double
    var width: Double
    var height: Double
    var kind: PDFPlacedKind
    var role: PDFElementRole
}

/// Where a section starts, for the running header and the PDF outline.
struct PDFSectionMark {
    var id: String
    var title: String
    var page: Int
    var y: Double
}
