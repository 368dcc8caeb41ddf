/// One legend entry: a swatch that looks like the mark it explains, and its label.
public struct LegendItem: Equatable, Sendable {
    public enum Swatch: Equatable, Sendable {
        /// A short line (reference lines, series).
        case line(Stroke)
        /// A filled box (boxes, bars).
        case box(fill: Color, stroke: Stroke?)
        /// A point marker.
        case marker(Color)
        /// An open point marker: a ring of this colour.
        case ring(Color)
        /// A colour ramp from `Palette.sequential(0)` to `(1)` (densities).
        case ramp
    }

    public var swatch: Swatch
    public var label: String

    public init(_ swatch: Swatch, _ label: String) {
        self.swatch = swatch
        self.label = label
    }
}

/// Lays out legend entries in rows across a width and draws them.
enum LegendLayout {
    static let swatchWidth = 22.0
    static let rampWidth = 60.0

    private static func width(of item: LegendItem, renderer: Renderer, style: ChartStyle) -> Double {
        let swatch = item.swatch == .ramp ? rampWidth : swatchWidth
        return swatch + style.gap + renderer.measureText(item.label, font: style.legendFont).width
    }

    /// Draws `items` from the top of `frame` and returns the height used.
    @discardableResult
    static func draw(_ items: [LegendItem], in frame: Rect, renderer: Renderer, style: ChartStyle) -> Double {
        guard !items.isEmpty else { return 0 }
        let rowHeight = renderer.measureText("Ag", font: style.legendFont).height + 4
        let spacing = 16.0
        var rows: [[LegendItem]] = [[]]
        var used = 0.0
        for item in items {
            let itemWidth = Swift.min(width(of: item, renderer: renderer, style: style), frame.width)
            if !rows[rows.count - 1].isEmpty && used + spacing + itemWidth > frame.width {
                rows.append([])
                used = 0
            }
            used += (rows[rows.count - 1].isEmpty ? 0 : spacing) + itemWidth
            rows[rows.count - 1].append(item)
        }
        for (rowIndex, row) in rows.enumerated() {
            let rowWidth =
                row.map { Swift.min(width(of: $0, renderer: renderer, style: style), frame.width) }
                .reduce(0, +) + spacing * Double(row.count - 1)
            var x = frame.minX + Swift.max(0, (frame.width - rowWidth) / 2)
            let midY = frame.minY + (Double(rowIndex) + 0.5) * rowHeight
            for item in row {
                x = drawItem(item, x: x, midY: midY, maxX: frame.maxX, renderer: renderer, style: style) + spacing
            }
        }
        return Double(rows.count) * rowHeight
    }

    private static func drawItem(
        _ item: LegendItem, x: Double, midY: Double, maxX: Double, renderer: Renderer, style: ChartStyle
    ) -> Double {
        var swatchEnd = x + swatchWidth
        switch item.swatch {
        case .line(let stroke):
            renderer.drawLine(from: Point(x: x, y: midY), to: Point(x: x + swatchWidth, y: midY), stroke: stroke)
        case .box(let fill, let stroke):
            let rect = Rect(x: x + 4, y: midY - 5, width: swatchWidth - 8, height: 10)
            renderer.fillRect(rect, color: fill)
            if let stroke { renderer.strokeRect(rect, stroke: stroke) }
        case .marker(let color):
            renderer.drawCircles([Point(x: x + swatchWidth / 2, y: midY)], radius: 3.5, fill: color, stroke: nil)
        case .ring(let color):
            renderer.drawCircles(
                [Point(x: x + swatchWidth / 2, y: midY)], radius: 3.5, fill: nil, stroke: Stroke(color: color, width: 1.6))
        case .ramp:
            let steps = 12
            let stepWidth = rampWidth / Double(steps)
            for step in 0..<steps {
                renderer.fillRect(
                    Rect(x: x + Double(step) * stepWidth, y: midY - 5, width: stepWidth + 0.3, height: 10),
                    color: Palette.sequential(Double(step) / Double(steps - 1)))
            }
            swatchEnd = x + rampWidth
        }
        let available = maxX - swatchEnd - style.gap
        let label = TextFitting.truncate(item.label, toWidth: available, font: style.legendFont, renderer: renderer)
        renderer.drawText(
            label, at: Point(x: swatchEnd + style.gap, y: midY), font: style.legendFont, color: .ink,
            anchor: .middleStart)
        return swatchEnd + style.gap + renderer.measureText(label, font: style.legendFont).width
    }
}
