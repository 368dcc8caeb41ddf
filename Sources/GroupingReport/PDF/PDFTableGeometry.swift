/// Column widths and type size of a PDF table, chosen like a browser's automatic table
/// layout: every column gets at least its longest word (so words are not broken), and the
/// rest of the line goes to the columns whose text would otherwise wrap, in proportion to
/// how much they want. When even the longest words do not fit, the type shrinks a step
/// (down to 80%) before words are broken.
struct PDFTableGeometry {
    var widths: [Double]
    /// Multiplier on the table fonts (1, 0.9 or 0.8).
    var scale: Double

    init(columns: [ReportColumn], rows: [[ReportCell]], width: Double, measurer: TextMeasurer) {
        var chosen: (widths: [Double], scale: Double)? = nil
        for scale in [1.0, 0.9, 0.8] {
            let (minimum, natural) = Self.demands(columns: columns, rows: rows, scale: scale, measurer: measurer)
            if minimum.reduce(0, +) <= width || scale == 0.8 {
                chosen = (
                    Self.distribute(width: width, minimum: minimum, natural: natural, weights: columns.map(\.weight)),
                    scale
                )
                break
            }
        }
        widths = chosen!.widths
        self.scale = chosen!.scale
    }

    /// Per column: the widest unbreakable word and the widest unwrapped text, with padding.
    static func demands(columns: [ReportColumn], rows: [[ReportCell]], scale: Double, measurer: TextMeasurer) -> (
        minimum: [Double], natural: [Double]
    ) {
        let padding = 2 * PDFStyle.cellPaddingX
        var minimum = [Double](repeating: 0, count: columns.count)
        var natural = [Double](repeating: 0, count: columns.count)
        // Numbers (right-aligned columns) and badges are never broken: "< 1e-300" and
        // "not assessed" stay on one line.
        func consider(
            _ text: String, font: PDFFont, column: Int, extra: Double, breakAnywhere: Bool, keepWhole: Bool = false
        ) {
            let font = PDFFont(size: font.size * scale, bold: font.bold, italic: font.italic, monospace: font.monospace)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let widest = lines.map { measurer.width($0, font: font) }.max() ?? 0
            let word =
                breakAnywhere
                ? measurer.width("abcdefgh", font: font)
                : keepWhole
                    ? widest
                    : lines.flatMap { $0.split(separator: " ") }.map { measurer.width(String($0), font: font) }.max()
                        ?? 0
            minimum[column] = max(minimum[column], word + padding + extra)
            natural[column] = max(natural[column], widest + padding + extra)
        }
        for (index, column) in columns.enumerated() {
            consider(column.title, font: PDFStyle.tableHeader, column: index, extra: 0, breakAnywhere: false)
        }
        for row in rows {
            for (index, cell) in row.enumerated() where index < columns.count {
                let font =
                    columns[index].isCode
                    ? PDFStyle.tableCode : cell.emphasis ? PDFStyle.tableCellBold : PDFStyle.tableCell
                consider(
                    cell.text, font: font, column: index, extra: cell.badge == nil ? 0 : 8,
                    breakAnywhere: columns[index].isCode,
                    keepWhole: columns[index].alignment == .trailing || cell.badge != nil)
            }
        }
        return (minimum, natural)
    }

    /// Shares `width` out: minimums first, then the rest in proportion to the unmet demand
    /// (natural − minimum, times the column's weight); if everything fits on one line, some
    /// spare width goes to the columns in proportion to their natural width.
    static func distribute(width: Double, minimum: [Double], natural: [Double], weights: [Double]) -> [Double] {
        let count = minimum.count
        guard count > 0 else { return [] }
        let minimumSum = minimum.reduce(0, +)
        if minimumSum >= width {
            return minimum.map { $0 / minimumSum * width }
        }
        let naturalSum = natural.reduce(0, +)
        if naturalSum <= width {
            // A small table is not stretched over the whole line: it grows by at most 60%
            // (and to at least 55% of the line) so that its numbers stay near their labels.
            let target = min(width, max(naturalSum * 1.6, width * 0.55))
            let spare = target - naturalSum
            return natural.map { $0 + spare * $0 / naturalSum }
        }
        let wants = (0..<count).map { max(natural[$0] - minimum[$0], 0) * max(weights[$0], 0.01) }
        let wantSum = wants.reduce(0, +)
        let spare = width - minimumSum
        // Give no column more than it wants; hand any surplus on to the others.
        var widths = minimum
        var remaining = spare
        var open = Set((0..<count).filter { wants[$0] > 0 })
        while remaining > 1e-9, !open.isEmpty {
            let openWant = open.reduce(0) { $0 + wants[$1] }
            var handedOut = 0.0
            for column in open {
                let share = remaining * wants[column] / openWant
                let room = natural[column] - widths[column]
                let given = min(share, room)
                widths[column] += given
                handedOut += given
                if room <= share + 1e-9 { open.remove(column) }
            }
            remaining -= handedOut
            if handedOut < 1e-9 { break }
        }
        if remaining > 1e-9, wantSum > 0 {
            // Everything reached its natural width (cannot happen when naturalSum > width), but be safe.
            widths = widths.map { $0 + remaining / Double(count) }
        }
        return widths
    }
}
