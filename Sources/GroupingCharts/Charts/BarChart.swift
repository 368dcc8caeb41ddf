/// Bars from zero, one per label (group sizes), with an optional reference line such as
/// `min_group_size`; bars below the line are coloured differently and the legend says so.
public struct BarChart: Chart {
    public var title: String
    public var labels: [String]
    public var values: [Double]
    public var valueLabel: String?
    public var groupAxisLabel: String?
    public var referenceLine: Double?
    public var referenceLabel: String
    public var showValues: Bool
    public var orientation: CategoryOrientation
    public var style: ChartStyle

    public init(
        title: String, labels: [String], values: [Double], valueLabel: String? = "Creators",
        groupAxisLabel: String? = nil,
        referenceLine: Double? = nil, referenceLabel: String = "Minimum group size", showValues: Bool = true,
        orientation: CategoryOrientation = .automatic, style: ChartStyle = .standard
    ) {
        self.title = title
        self.labels = labels
        self.values = values
        self.valueLabel = valueLabel
        self.groupAxisLabel = groupAxisLabel
        self.referenceLine = referenceLine
        self.referenceLabel = referenceLabel
        self.showValues = showValues
        self.orientation = orientation
        self.style = style
    }

    public var isHorizontal: Bool { orientation.isHorizontal(categoryCount: labels.count) }

    public func preferredHeight(forWidth width: Double) -> Double {
        guard isHorizontal else { return (width * 0.55).rounded() }
        return Swift.max((width * 0.5).rounded(), 120 + 18 * Double(labels.count))
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let count = Swift.min(labels.count, values.count)
        let shownLabels = Array(labels.prefix(count))
        let shownValues = Array(values.prefix(count))
        let skipped = shownValues.filter { !$0.isFinite }.count
        var notes: [String] = []
        if skipped > 0 { notes.append("\(skipped) non-finite values skipped (no bar drawn).") }
        if labels.count != values.count {
            notes.append("Lengths differ (\(labels.count) labels, \(values.count) values); extra ones ignored.")
        }
        let finite = shownValues.filter(\.isFinite)
        let reference = referenceLine.flatMap { $0.isFinite ? $0 : nil }
        guard !finite.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission("No data: no values to draw.", in: body, renderer: renderer, style: style)
            return
        }
        var legend: [LegendItem] = []
        let anyBelow = reference.map { line in finite.contains { $0 < line } } ?? false
        if let reference {
            legend.append(
                LegendItem(.box(fill: Palette.primary, stroke: nil), "At or above \(TickFormatter.value(reference))"))
            if anyBelow {
                legend.append(
                    LegendItem(.box(fill: Palette.highlight, stroke: nil), "Below \(TickFormatter.value(reference))"))
            }
            legend.append(LegendItem(.line(referenceStroke), "\(referenceLabel) (\(TickFormatter.value(reference)))"))
        }
        var low = Swift.min(0, finite.min()!)
        var high = Swift.max(0, finite.max()!)
        if let reference {
            low = Swift.min(low, reference)
            high = Swift.max(high, reference)
        }
        if low == high { high = 1 }
        // Room for the value labels at the bar ends.
        if showValues { high += (high - low) * 0.06 }
        let valueAxis = ValueAxis(minimum: low, maximum: high, title: valueLabel, padding: 0)
        let categoryAxis = CategoryAxis(labels: shownLabels, title: groupAxisLabel)
        let axes = ChartScaffold.drawCategoryAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style,
            categories: categoryAxis, values: valueAxis, horizontal: isHorizontal)
        renderer.pushClip(axes.plot)
        let half = Swift.min(axes.band * 0.35, 40)
        var valueTexts: [(String, Point, TextAnchor)] = []
        for (index, value) in shownValues.enumerated() where value.isFinite {
            let center = axes.categoryCenter(index)
            let zero = axes.valuePosition(0)
            let end = axes.valuePosition(value)
            let rect =
                axes.categoriesAlongX
                ? Rect(x: center - half, y: Swift.min(zero, end), width: 2 * half, height: abs(end - zero))
                : Rect(x: Swift.min(zero, end), y: center - half, width: abs(end - zero), height: 2 * half)
            let below = reference.map { value < $0 } ?? false
            renderer.fillRect(rect, color: below ? Palette.highlight : Palette.primary)
            guard showValues else { continue }
            let text = TickFormatter.value(value, significant: 4)
            if axes.categoriesAlongX {
                guard renderer.measureText(text, font: style.countFont).width <= axes.band else { continue }
                valueTexts.append(
                    (
                        text, Point(x: center, y: value >= 0 ? end - 2 : end + 2),
                        value >= 0 ? TextAnchor(.middle, .bottom) : .topMiddle
                    ))
            } else {
                valueTexts.append(
                    (text, Point(x: value >= 0 ? end + 3 : end - 3, y: center), value >= 0 ? .middleStart : .middleEnd))
            }
        }
        if let reference {
            let position = axes.valuePosition(reference)
            let (start, end) =
                axes.categoriesAlongX
                ? (Point(x: axes.plot.minX, y: position), Point(x: axes.plot.maxX, y: position))
                : (Point(x: position, y: axes.plot.minY), Point(x: position, y: axes.plot.maxY))
            renderer.drawLine(from: start, to: end, stroke: referenceStroke)
        }
        // Value labels last, on a light backing so the reference line never strikes through them.
        for (text, point, anchor) in valueTexts {
            let metrics = renderer.measureText(text, font: style.countFont)
            let box = TextBox(metrics: metrics, at: point, anchor: anchor, rotation: 0).bounds
            renderer.fillRect(
                box.inset(top: -1, left: -2, bottom: -1, right: -2), color: style.background.withAlpha(0.85))
            renderer.drawText(text, at: point, font: style.countFont, color: .mutedInk, anchor: anchor, rotation: 0)
        }
        renderer.popClip()
    }

    private var referenceStroke: Stroke { Stroke(color: .ink, width: 1.3, dash: [5, 3]) }
}
