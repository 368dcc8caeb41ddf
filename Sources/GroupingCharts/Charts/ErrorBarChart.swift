/// Estimates with ± one standard error, one row each, best (largest) first: the LOO
/// comparison of candidates (elpd_loo with its se). The best row is highlighted and a
/// dashed line marks its value for comparison.
public struct ErrorBarChart: Chart {
    public var title: String
    public var labels: [String]
    public var values: [Double]
    public var errors: [Double]
    public var valueLabel: String
    public var sortsBestFirst: Bool
    public var style: ChartStyle

    public init(
        title: String = "Model comparison by PSIS-LOO", labels: [String], values: [Double], errors: [Double],
        valueLabel: String = "ELPD (LOO), higher is better; bars ± 1 SE", sortsBestFirst: Bool = true,
        style: ChartStyle = .standard
    ) {
        self.title = title
        self.labels = labels
        self.values = values
        self.errors = errors
        self.valueLabel = valueLabel
        self.sortsBestFirst = sortsBestFirst
        self.style = style
    }

    /// The rows drawn, in drawing order (best first when `sortsBestFirst`), finite values only.
    public var orderedRows: [(label: String, value: Double, error: Double)] {
        let count = Swift.min(labels.count, values.count)
        let rows = (0..<count).filter { values[$0].isFinite }.map { index in
            (
                label: labels[index], value: values[index],
                error: index < errors.count && errors[index].isFinite ? abs(errors[index]) : 0
            )
        }
        return sortsBestFirst ? rows.sorted { $0.value > $1.value } : rows
    }

    public func preferredHeight(forWidth width: Double) -> Double {
        Swift.max((width * 0.4).rounded(), 140 + 26 * Double(labels.count))
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let rows = orderedRows
        var notes: [String] = []
        let count = Swift.min(labels.count, values.count)
        if rows.count < count { notes.append("\(count - rows.count) candidates without a finite value skipped.") }
        let missingErrors = (0..<count).filter { values[$0].isFinite && !(($0 < errors.count) && errors[$0].isFinite) }
            .count
        if missingErrors > 0 { notes.append("\(missingErrors) candidates drawn without an error bar (no finite SE).") }
        guard !rows.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission("No data: no candidates to compare.", in: body, renderer: renderer, style: style)
            return
        }
        let legend = [
            LegendItem(.marker(Palette.highlight), "Best"),
            LegendItem(.marker(Palette.primary), "Others"),
            LegendItem(.line(bestStroke), "Best value"),
        ]
        let extremes = rows.flatMap { [$0.value - $0.error, $0.value + $0.error] }
        let valueAxis = ValueAxis(minimum: extremes.min()!, maximum: extremes.max()!, title: valueLabel)
        let categoryAxis = CategoryAxis(labels: rows.map(\.label))
        let axes = ChartScaffold.drawWithAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style
        ) { body in
            AxesLayout(body: body, x: .value(valueAxis), y: .category(categoryAxis), renderer: renderer, style: style)
        }
        axes.draw(renderer: renderer)
        renderer.pushClip(axes.plot)
        let best = rows.map(\.value).max()!
        let bestX = axes.xPosition(best)
        renderer.drawLine(
            from: Point(x: bestX, y: axes.plot.minY), to: Point(x: bestX, y: axes.plot.maxY), stroke: bestStroke)
        for (index, row) in rows.enumerated() {
            let y = axes.categoryCenter(index)
            let color = row.value == best ? Palette.highlight : Palette.primary
            let stroke = Stroke(color: color, width: 1.8)
            if row.error > 0 {
                let left = axes.xPosition(row.value - row.error)
                let right = axes.xPosition(row.value + row.error)
                renderer.drawLine(from: Point(x: left, y: y), to: Point(x: right, y: y), stroke: stroke)
                for x in [left, right] {
                    renderer.drawLine(from: Point(x: x, y: y - 4), to: Point(x: x, y: y + 4), stroke: stroke)
                }
            }
            renderer.drawCircles(
                [Point(x: axes.xPosition(row.value), y: y)], radius: 4.5, fill: color,
                stroke: Stroke(color: .white, width: 1))
        }
        renderer.popClip()
    }

    private var bestStroke: Stroke { Stroke(color: .mutedInk, width: 1, dash: [4, 3]) }
}
