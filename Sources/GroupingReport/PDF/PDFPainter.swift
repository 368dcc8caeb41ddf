import CCairo
import GroupingCharts

/// Draws a finished `PDFLayout` with Cairo: per page the running header and the
/// "Page n of N" footer, then the placed elements.
struct PDFPainter {
    let context: OpaquePointer
    let layout: PDFLayout
    let title: String
    let footerNote: String

    /// Draws every page, calling `showPage` after each.
    func paint() {
        for page in 0..<layout.pageCount {
            if page > 0 { runningHeader(page: page) }
            footer(page: page)
            for element in layout.elements where element.page == page {
                draw(element)
            }
            cairo_show_page(context)
        }
    }

    // MARK: - Page furniture

    private func runningHeader(page: Int) {
        let y = PDFStyle.margin
        let width = layout.contentWidth
        let section =
            layout.sectionMarks.last { $0.page < page || ($0.page == page && $0.y <= layout.top + 1) }?.title ?? ""
        let font = PDFStyle.running
        let sectionWidth = min(textWidth(section, font: font), width * 0.45)
        let titleText = fitted(title, font: font, width: width - sectionWidth - 16)
        drawText(titleText, font: font, color: PDFStyle.muted, x: layout.left, baselineY: y + font.baseline)
        drawText(
            fitted(section, font: font, width: width * 0.45), font: font, color: PDFStyle.muted,
            x: layout.left + width - sectionWidth, baselineY: y + font.baseline)
        line(
            x1: layout.left, y1: y + font.lineHeight + 3, x2: layout.left + width, y2: y + font.lineHeight + 3,
            color: PDFStyle.line, width: 0.6)
    }

    private func footer(page: Int) {
        let font = PDFStyle.running
        let y = layout.pageHeight - PDFStyle.margin - font.lineHeight
        let pageText = "Page \(page + 1) of \(layout.pageCount)"
        line(
            x1: layout.left, y1: y - 4, x2: layout.left + layout.contentWidth, y2: y - 4, color: PDFStyle.line,
            width: 0.6)
        drawText(
            fitted(footerNote, font: font, width: layout.contentWidth * 0.7), font: font, color: PDFStyle.muted,
            x: layout.left, baselineY: y + font.baseline)
        drawText(
            pageText, font: font, color: PDFStyle.muted,
            x: layout.left + layout.contentWidth - textWidth(pageText, font: font), baselineY: y + font.baseline)
    }

    // MARK: - Elements

    private func draw(_ element: PDFPlacedElement) {
        switch element.kind {
        case .text(let lines, let font, let color):
            for (index, text) in lines.enumerated() {
                drawText(
                    text, font: font, color: color, x: element.x,
                    baselineY: element.y + Double(index) * font.lineHeight + font.baseline)
            }
        case .box(let fill, let bar):
            rectangle(element.x, element.y, element.width, element.height, fill: fill)
            if let bar { rectangle(element.x, element.y, 3.5, element.height, fill: bar) }
        case .rule(let color, let width):
            line(x1: element.x, y1: element.y, x2: element.x + element.width, y2: element.y, color: color, width: width)
        case .badge(let text, let tone, let font):
            let colors = PDFStyle.colors(tone)
            roundedRectangle(
                element.x, element.y, element.width, element.height, radius: element.height / 2, fill: colors.fill)
            drawText(
                text, font: font, color: colors.text, x: element.x + 6,
                baselineY: element.y + (element.height - font.size) / 2 + font.size * 0.82)
        case .tableRow(let row):
            drawRow(row, y: element.y, height: element.height)
        case .link(let page, let y):
            // Cairo's link tag: a clickable rectangle on this page, to a position on another.
            let attributes =
                "rect=[\(element.x) \(element.y) \(element.width) \(element.height)] "
                + "page=\(page + 1) pos=[\(Int(layout.left)) \(Int(y))]"
            cairo_tag_begin(context, CAIRO_TAG_LINK, attributes)
            cairo_tag_end(context, CAIRO_TAG_LINK)
        case .chart(let chart):
            drawChart(chart, into: element)
        }
    }

    /// The chart laid out at its `layoutWidth` and scaled to the element's rectangle, so
    /// its text keeps its design proportions whatever room the page gives.
    private func drawChart(_ chart: ReportChart, into element: PDFPlacedElement) {
        let scale = element.width / chart.layoutWidth
        // A placed chart has a positive size and a positive layout width (`PDFLayout`).
        assert(scale > 0 && scale.isFinite && element.height > 0, "PDFPainter: chart \(chart.id) scaled by \(scale)")
        cairo_save(context)
        cairo_rectangle(context, element.x, element.y, element.width, element.height)
        cairo_clip(context)
        cairo_translate(context, element.x, element.y)
        cairo_scale(context, scale, scale)
        ChartOutput.draw(
            chart.chart, context: context, x: 0, y: 0, width: chart.layoutWidth, height: element.height / scale)
        cairo_restore(context)
    }

    private func drawRow(_ row: PDFTableRow, y: Double, height: Double) {
        let left = row.columnX.first ?? layout.left
        let width = zip(row.columnX, row.columnWidth).map { $0 + $1 }.max().map { $0 - left } ?? layout.contentWidth
        if row.isHeader {
            rectangle(left, y, width, height, fill: PDFStyle.soft)
            line(x1: left, y1: y + height, x2: left + width, y2: y + height, color: PDFStyle.muted, width: 0.8)
        } else {
            if row.shaded { rectangle(left, y, width, height, fill: PDFColor(hex: 0xfafbfc)) }
            line(x1: left, y1: y + height, x2: left + width, y2: y + height, color: PDFStyle.line, width: 0.5)
        }
        let lineHeight = row.lineHeight
        for (column, cell) in row.cells.enumerated() where column < row.columnX.count {
            let cellX = row.columnX[column]
            let cellWidth = row.columnWidth[column]
            let widest = cell.lines.map { textWidth($0, font: cell.font) }.max() ?? 0
            let badgeInset = cell.badge == nil ? 0.0 : 4.0
            var textColor = PDFStyle.ink
            if let tone = cell.badge, !cell.lines.joined().isEmpty {
                let colors = PDFStyle.colors(tone)
                textColor = colors.text
                let boxWidth = widest + 2 * badgeInset
                let boxX =
                    cell.alignment == .trailing
                    ? cellX + cellWidth - PDFStyle.cellPaddingX - boxWidth : cellX + PDFStyle.cellPaddingX
                let boxHeight = Double(cell.lines.count) * lineHeight
                roundedRectangle(
                    boxX, y + PDFStyle.cellPaddingY - 0.5, boxWidth, boxHeight + 1, radius: min(5, boxHeight / 2),
                    fill: colors.fill)
            }
            for (index, text) in cell.lines.enumerated() {
                let lineWidth = textWidth(text, font: cell.font)
                let x =
                    cell.alignment == .trailing
                    ? cellX + cellWidth - PDFStyle.cellPaddingX - badgeInset - lineWidth
                    : cellX + PDFStyle.cellPaddingX + badgeInset
                let baseline =
                    y + PDFStyle.cellPaddingY + Double(index) * lineHeight + (lineHeight - cell.font.size) / 2 + cell
                    .font.size * 0.8
                drawText(text, font: cell.font, color: textColor, x: x, baselineY: baseline)
            }
        }
    }

    // MARK: - Cairo primitives

    private func drawText(_ text: String, font: PDFFont, color: PDFColor, x: Double, baselineY: Double) {
        guard !text.isEmpty else { return }
        font.face.select(in: context)
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
        cairo_move_to(context, x, baselineY)
        cairo_show_text(context, text)
    }

    private func textWidth(_ text: String, font: PDFFont) -> Double {
        layout.measurer.width(text, font: font)
    }

    /// `text`, shortened with "…" so that it fits `width`.
    private func fitted(_ text: String, font: PDFFont, width: Double) -> String {
        if textWidth(text, font: font) <= width { return text }
        var shortened = text
        while !shortened.isEmpty, textWidth(shortened + "…", font: font) > width { shortened.removeLast() }
        return shortened + "…"
    }

    private func rectangle(_ x: Double, _ y: Double, _ width: Double, _ height: Double, fill: PDFColor) {
        cairo_set_source_rgb(context, fill.red, fill.green, fill.blue)
        cairo_rectangle(context, x, y, width, height)
        cairo_fill(context)
    }

    private func roundedRectangle(
        _ x: Double, _ y: Double, _ width: Double, _ height: Double, radius: Double, fill: PDFColor
    ) {
        let r = max(0, min(radius, width / 2, height / 2))
        cairo_new_sub_path(context)
        cairo_arc(context, x + width - r, y + r, r, -Double.pi / 2, 0)
        cairo_arc(context, x + width - r, y + height - r, r, 0, Double.pi / 2)
        cairo_arc(context, x + r, y + height - r, r, Double.pi / 2, Double.pi)
        cairo_arc(context, x + r, y + r, r, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(context)
        cairo_set_source_rgb(context, fill.red, fill.green, fill.blue)
        cairo_fill(context)
    }

    private func line(x1: Double, y1: Double, x2: Double, y2: Double, color: PDFColor, width: Double) {
        cairo_set_source_rgb(context, color.red, color.green, color.blue)
        cairo_set_line_width(context, width)
        cairo_move_to(context, x1, y1)
        cairo_line_to(context, x2, y2)
        cairo_stroke(context)
    }
}
