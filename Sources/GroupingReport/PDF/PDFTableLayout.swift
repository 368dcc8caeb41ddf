extension PDFLayout {
    /// Places a table: title and caption, the header, then the rows. A row that does not fit
    /// moves to the next page, and a row taller than a whole page splits between its lines;
    /// each page the table continues on starts with "(continued)" and the header again.
    mutating func table(_ table: ReportTable) {
        let columns = table.columns.isEmpty ? [ReportColumn("")] : table.columns
        let geometry = PDFTableGeometry(columns: columns, rows: table.rows, width: contentWidth, measurer: measurer)
        let widths = geometry.widths
        let scale = geometry.scale
        let lineHeight = PDFStyle.tableCell.lineHeight * scale
        var xs: [Double] = []
        var x = left
        for width in widths {
            xs.append(x)
            x += width
        }

        let header = PDFTableRow(
            cells: zip(columns, widths).map { column, width in
                cellLines(
                    column.title, font: PDFStyle.tableHeader.scaled(scale), width: width, alignment: column.alignment,
                    badge: nil)
            },
            columnX: xs, columnWidth: widths, isHeader: true, shaded: true, lineHeight: lineHeight)
        let body: [PDFTableRow]
        if table.rows.isEmpty {
            body = [
                PDFTableRow(
                    cells: [
                        cellLines(
                            table.emptyText, font: PDFFont(size: PDFStyle.tableCell.size, italic: true),
                            width: contentWidth, alignment: .leading, badge: nil)
                    ],
                    columnX: [left], columnWidth: [contentWidth], isHeader: false, shaded: false, lineHeight: lineHeight
                )
            ]
        } else {
            body = table.rows.enumerated().map { index, cells in
                PDFTableRow(
                    cells: columns.indices.map { column in
                        let cell = column < cells.count ? cells[column] : ReportCell("")
                        let font =
                            columns[column].isCode
                            ? PDFStyle.tableCode
                            : cell.emphasis ? PDFStyle.tableCellBold : PDFStyle.tableCell
                        return cellLines(
                            cell.text, font: font.scaled(scale), width: widths[column],
                            alignment: columns[column].alignment,
                            badge: cell.badge?.tone, breakAnywhere: columns[column].isCode)
                    },
                    columnX: xs, columnWidth: widths, isHeader: false, shaded: index % 2 == 1, lineHeight: lineHeight)
            }
        }

        let titleLines = TextWrapping.lines(
            table.numberedTitle, font: PDFStyle.tableTitle, width: contentWidth, measurer: measurer)
        let captionLines = TextWrapping.lines(
            InlineMarkup.plain(table.caption), font: PDFStyle.caption, width: contentWidth, measurer: measurer)
        let titleHeight = Double(titleLines.count) * PDFStyle.tableTitle.lineHeight
        let captionHeight = Double(captionLines.count) * PDFStyle.caption.lineHeight
        let headerHeight = Self.height(of: header)
        // Keep the title with the first rows: three, or all of a short table.
        let firstRowHeight = min(body.prefix(3).map(Self.height(of:)).reduce(0, +), bodyHeight / 3)
        ensure(titleHeight + 2 + captionHeight + 4 + headerHeight + firstRowHeight)
        if titleHeight + captionHeight + headerHeight + firstRowHeight > remaining {
            // Even an empty page cannot hold title and caption with the first row: let the text split.
            text(table.numberedTitle, font: PDFStyle.tableTitle, role: .tableTitle(id: table.id), after: 2)
            text(
                table.caption, font: PDFStyle.caption, color: PDFStyle.muted, role: .tableCaption(id: table.id),
                after: 4)
        } else {
            place(
                .text(lines: titleLines, font: PDFStyle.tableTitle, color: PDFStyle.ink), x: left, y: y,
                width: contentWidth, height: titleHeight, role: .tableTitle(id: table.id))
            y += titleHeight + 2
            place(
                .text(lines: captionLines, font: PDFStyle.caption, color: PDFStyle.muted), x: left, y: y,
                width: contentWidth, height: captionHeight, role: .tableCaption(id: table.id))
            y += captionHeight + 4
        }
        placeHeader(header, id: table.id)

        for (index, row) in body.enumerated() {
            if carriesLastRowAlone(body, at: index, id: table.id, headerHeight: headerHeight) {
                continueTable(table, header: header)
            }
            var rest = row
            var part = 0
            while true {
                let needed = Self.height(of: rest)
                if needed <= remaining + 1e-6 {
                    place(
                        .tableRow(rest), x: left, y: y, width: contentWidth, height: needed,
                        role: .tableRow(id: table.id, index: index, part: part))
                    y += needed
                    break
                }
                if needed <= bodyHeight - headerHeight - continuedHeight {
                    continueTable(table, header: header)
                    continue
                }
                // Taller than a page: place as many lines as fit here and carry the rest.
                let fit = Int((remaining - 2 * PDFStyle.cellPaddingY) / rest.lineHeight)
                if fit < 1 {
                    continueTable(table, header: header)
                    continue
                }
                var piece = rest
                for column in rest.cells.indices {
                    piece.cells[column].lines = Array(rest.cells[column].lines.prefix(fit))
                    rest.cells[column].lines = Array(rest.cells[column].lines.dropFirst(fit))
                }
                let pieceHeight = Self.height(of: piece)
                place(
                    .tableRow(piece), x: left, y: y, width: contentWidth, height: pieceHeight,
                    role: .tableRow(id: table.id, index: index, part: part))
                y += pieceHeight
                part += 1
                continueTable(table, header: header)
            }
        }
        gap(PDFStyle.blockGap + 6)
    }

    /// Whether row `index`, the second to last, should move to the next page with the last:
    /// it fits here but the last does not, so the last would stand alone under a repeated
    /// header. Only when at least two rows stay behind and the pair fits on a fresh page.
    private func carriesLastRowAlone(_ body: [PDFTableRow], at index: Int, id: String, headerHeight: Double)
        -> Bool
    {
        guard index == body.count - 2 else { return false }
        // Rows (or pieces of rows) of this table already on the current page: the elements
        // are placed in order, so they are among the last ones.
        let rowsOnPage = elements.reversed().prefix { $0.page == currentPage }.filter {
            if case .tableRow(id: id, _, _) = $0.role { return true }
            return false
        }.count
        guard rowsOnPage >= 2 else { return false }
        let pair = Self.height(of: body[index]) + Self.height(of: body[index + 1])
        return Self.height(of: body[index]) <= remaining + 1e-6 && pair > remaining + 1e-6
            && pair <= bodyHeight - headerHeight - continuedHeight
    }

    /// Height of the "(continued)" line at the top of a continuation page.
    var continuedHeight: Double { PDFStyle.caption.lineHeight + 2 }

    /// Height of a row: its tallest cell plus padding.
    static func height(of row: PDFTableRow) -> Double {
        let lines = row.cells.map { max($0.lines.count, 1) }.max() ?? 1
        return Double(lines) * row.lineHeight + 2 * PDFStyle.cellPaddingY
    }

    private mutating func placeHeader(_ header: PDFTableRow, id: String) {
        let height = Self.height(of: header)
        place(.tableRow(header), x: left, y: y, width: contentWidth, height: height, role: .tableHeader(id: id))
        y += height
    }

    private mutating func continueTable(_ table: ReportTable, header: PDFTableRow) {
        newPage()
        let label = TextWrapping.lines(
            "\(table.numberedTitle) (continued)", font: PDFStyle.caption, width: contentWidth, measurer: measurer
        ).prefix(1)
        place(
            .text(lines: Array(label), font: PDFStyle.caption, color: PDFStyle.muted), x: left, y: y,
            width: contentWidth, height: PDFStyle.caption.lineHeight, role: .tableCaption(id: table.id))
        y += continuedHeight
        placeHeader(header, id: table.id)
    }

    private func cellLines(
        _ text: String, font: PDFFont, width: Double, alignment: ColumnAlignment, badge: BadgeTone?,
        breakAnywhere: Bool = false
    ) -> PDFCellLines {
        let inner = max(width - 2 * PDFStyle.cellPaddingX - (badge == nil ? 0 : 8) + 0.01, 4)
        return PDFCellLines(
            lines: TextWrapping.lines(text, font: font, width: inner, measurer: measurer, breakAnywhere: breakAnywhere),
            font: font, alignment: alignment, badge: badge)
    }
}
