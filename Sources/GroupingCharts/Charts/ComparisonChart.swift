/// One model of the LOO comparison: how far its elpd falls behind the best, with the
/// standard error of that difference.
public struct ComparisonChartRow: Equatable, Sendable {
    public var label: String
    /// elpd_best − elpd_this (0 for the best, positive for the others).
    public var difference: Double
    /// The standard error of the difference (0 for the best).
    public var dse: Double
    /// The ungrouped baseline, drawn in its own colour.
    public var isBaseline: Bool

    public init(label: String, difference: Double, dse: Double, isBaseline: Bool = false) {
        self.label = label
        self.difference = difference
        self.dse = dse
        self.isBaseline = isBaseline
    }
}

/// ArviZ's `plot_compare` as a difference plot: each model's elpd minus the best's
/// (0 for the best, negative for the others) with ± one dse, best at the top, a dashed line
/// at 0 and the ungrouped baseline marked. A bar that reaches the line means the model
/// cannot be told apart from the best.
public struct ComparisonChart: Chart {
    public var title: String
    public var rows: [ComparisonChartRow]
    public var valueLabel: String
    public var style: ChartStyle

    public init(
        title: String = "Model comparison: elpd difference to the best", rows: [ComparisonChartRow],
        valueLabel: String = "elpd difference to the best (higher is better); bars ± 1 dse",
        style: ChartStyle = .standard
    ) {
        self.title = title
        self.rows = rows
        self.valueLabel = valueLabel
        self.style = style
    }

    /// The rows drawn, best (smallest difference) first; rows without a finite difference are
    /// left out and a missing or negative dse draws no bar.
    public var orderedRows: [ComparisonChartRow] {
        rows.filter { $0.difference.isFinite }.map { row in
            var row = row
            row.dse = row.dse.isFinite ? Swift.max(0, row.dse) : 0
            return row
        }.enumerated().sorted { a, b in
            a.element.difference != b.element.difference
                ? a.element.difference < b.element.difference : a.offset < b.offset
        }.map(\.element)
    }

    /// The label drawn for a row: the baseline says it is one.
    public static func displayLabel(_ row: ComparisonChartRow) -> String {
        row.isBaseline ? "\(row.label) (baseline)" : row.label
    }

    public func preferredHeight(forWidth width: Double) -> Double {
        Swift.max((width * 0.36).rounded(), 130 + 26 * Double(rows.count))
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let shown = orderedRows
        var notes: [String] = []
        if shown.count < rows.count {
            notes.append(
                "\(ChartDescription.counted(rows.count - shown.count, "model")) without a finite elpd difference skipped."
            )
        }
        guard !shown.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission("No data: no models to compare.", in: body, renderer: renderer, style: style)
            return
        }
        var legend = [
            LegendItem(.marker(Palette.highlight), "Best"),
            LegendItem(.marker(Palette.primary), "Others"),
        ]
        if shown.contains(where: \.isBaseline) {
            legend.append(LegendItem(.marker(Self.baselineColor), "Ungrouped baseline"))
        }
        legend.append(LegendItem(.line(Self.zeroStroke), "Best (0)"))
        let extremes: [Double] =
            shown.flatMap { row -> [Double] in [-row.difference - row.dse, -row.difference + row.dse] } + [0]
        let valueAxis = ValueAxis(minimum: extremes.min()!, maximum: extremes.max()!, title: valueLabel)
        let categoryAxis = CategoryAxis(labels: shown.map(Self.displayLabel))
        let axes = ChartScaffold.drawWithAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style
        ) { body in
            AxesLayout(body: body, x: .value(valueAxis), y: .category(categoryAxis), renderer: renderer, style: style)
        }
        axes.draw(renderer: renderer)
        // Markers at the axis ends (the best sits at 0) are drawn whole.
        renderer.pushClip(axes.plot.inset(top: -6, left: -6, bottom: -6, right: -6))
        let zeroX = axes.xPosition(0)
        renderer.drawLine(
            from: Point(x: zeroX, y: axes.plot.minY), to: Point(x: zeroX, y: axes.plot.maxY), stroke: Self.zeroStroke)
        for (index, row) in shown.enumerated() {
            let y = axes.categoryCenter(index)
            let color = index == 0 ? Palette.highlight : row.isBaseline ? Self.baselineColor : Palette.primary
            let stroke = Stroke(color: color, width: Self.barWidth)
            let center = -row.difference
            if row.dse > 0 {
                let left = axes.xPosition(center - row.dse)
                let right = axes.xPosition(center + row.dse)
                renderer.drawLine(from: Point(x: left, y: y), to: Point(x: right, y: y), stroke: stroke)
                for x in [left, right] {
                    renderer.drawLine(from: Point(x: x, y: y - 4), to: Point(x: x, y: y + 4), stroke: stroke)
                }
            }
            renderer.drawCircles(
                [Point(x: axes.xPosition(center), y: y)], radius: 4.5, fill: color,
                stroke: Stroke(color: .white, width: 1))
        }
        renderer.popClip()
    }

    /// The width of the ± dse bars (tests find the bars by it).
    public static let barWidth = 1.8
    static let baselineColor = Palette.reddishPurple
    static let zeroStroke = Stroke(color: .mutedInk, width: 1, dash: [4, 3])
}

extension ComparisonChart {
    public var dataDescription: String {
        let shown = orderedRows
        guard let best = shown.first else { return "\(title): no models to compare." }
        let others = shown.dropFirst().map {
            "\(Self.displayLabel($0)) \(ChartDescription.value(-$0.difference)) ± \(ChartDescription.value($0.dse))"
        }
        let tail = others.isEmpty ? "" : "; the others' elpd differences ± dse: " + ChartDescription.list(others)
        return
            "elpd difference to the best model for \(ChartDescription.counted(shown.count, "model")). Best: \(Self.displayLabel(best))\(tail)."
    }
}
