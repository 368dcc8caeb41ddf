/// One line of a `TrendChart`: a value per period, nil where the period has none.
public struct TrendSeries: Sendable, Equatable {
    public var name: String
    public var values: [Double?]

    public init(name: String, values: [Double?]) {
        self.name = name
        self.values = values
    }
}

/// A horizontal reference line of a `TrendChart` (a threshold).
public struct TrendReference: Sendable, Equatable {
    public var value: Double
    public var label: String

    public init(value: Double, label: String) {
        self.value = value
        self.label = label
    }
}

/// Values over time: one category per period along x (in the order given), a line per
/// series through its values, gaps where a period has no value (a missing value breaks the
/// line; a lone value between gaps is drawn as a point), dashed reference lines for
/// thresholds, and flagged periods shaded behind the marks.
public struct TrendChart: Chart {
    public var title: String
    public var periods: [String]
    public var series: [TrendSeries]
    public var references: [TrendReference]
    /// Indices of periods to shade (e.g. those with an alert).
    public var flagged: Set<Int>
    public var flaggedLabel: String
    public var valueLabel: String
    public var style: ChartStyle

    public init(
        title: String, periods: [String], series: [TrendSeries], references: [TrendReference] = [],
        flagged: Set<Int> = [], flaggedLabel: String = "Flagged", valueLabel: String, style: ChartStyle = .standard
    ) {
        self.title = title
        self.periods = periods
        self.series = series
        self.references = references
        self.flagged = flagged
        self.flaggedLabel = flaggedLabel
        self.valueLabel = valueLabel
        self.style = style
    }

    public func preferredHeight(forWidth width: Double) -> Double { (width * 0.45).rounded() }

    /// The finite values of a series with their period index.
    public func points(of series: TrendSeries) -> [(period: Int, value: Double)] {
        series.values.prefix(periods.count).enumerated().compactMap { index, value in
            guard let value, value.isFinite else { return nil }
            return (index, value)
        }
    }

    /// Runs of consecutive periods that have values: each is drawn as one line.
    public func segments(of series: TrendSeries) -> [[(period: Int, value: Double)]] {
        var runs: [[(period: Int, value: Double)]] = []
        for point in points(of: series) {
            if let last = runs.last?.last, last.period == point.period - 1 {
                runs[runs.count - 1].append(point)
            } else {
                runs.append([point])
            }
        }
        return runs
    }

    static let flagColor = Palette.highlight.withAlpha(0.10)

    public func draw(in renderer: Renderer, frame: Rect) {
        let allPoints = series.flatMap { points(of: $0) }
        var notes: [String] = []
        let empty = series.filter { points(of: $0).isEmpty }.map(\.name)
        if !empty.isEmpty, empty.count < series.count {
            notes.append("No value in any period: \(empty.joined(separator: ", ")).")
        }
        let missing = series.map { periods.count - points(of: $0).count }.reduce(0, +) - empty.count * periods.count
        if missing > 0 { notes.append("Gaps are periods without a value (not assessed or not fitted).") }
        var legend = series.enumerated().map { index, series in
            LegendItem(.line(Stroke(color: Palette.categorical(index), width: 2)), series.name)
        }
        legend += references.map { LegendItem(.line(referenceStroke), $0.label) }
        if !flagged.isEmpty { legend.append(LegendItem(.box(fill: Self.flagColor, stroke: nil), flaggedLabel)) }
        guard !periods.isEmpty, !allPoints.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission("No data: no value in any period.", in: body, renderer: renderer, style: style)
            return
        }
        let values = allPoints.map(\.value) + references.map(\.value)
        let valueAxis = ValueAxis(
            minimum: values.min()!, maximum: values.max()!, title: valueLabel, padding: 0.08)
        let axes = ChartScaffold.drawWithAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style
        ) { body in
            AxesLayout(
                body: body, x: .category(CategoryAxis(labels: periods)), y: .value(valueAxis), renderer: renderer,
                style: style)
        }
        for index in flagged.sorted() where index >= 0 && index < periods.count {
            let center = axes.categoryCenter(index)
            renderer.fillRect(
                Rect(x: center - axes.band / 2, y: axes.plot.minY, width: axes.band, height: axes.plot.height),
                color: Self.flagColor)
        }
        axes.draw(renderer: renderer)
        renderer.pushClip(axes.plot.inset(top: -6, left: -6, bottom: -6, right: -6))
        for reference in references {
            let y = axes.yPosition(reference.value)
            renderer.drawLine(
                from: Point(x: axes.plot.minX, y: y), to: Point(x: axes.plot.maxX, y: y), stroke: referenceStroke)
        }
        for (index, series) in series.enumerated() {
            let color = Palette.categorical(index)
            for run in segments(of: series) {
                let screen = run.map { Point(x: axes.categoryCenter($0.period), y: axes.yPosition($0.value)) }
                if screen.count > 1 { renderer.drawPolyline(screen, stroke: Stroke(color: color, width: 2)) }
                renderer.drawCircles(screen, radius: 3.5, fill: color, stroke: Stroke(color: .white, width: 1))
            }
        }
        renderer.popClip()
    }

    private var referenceStroke: Stroke { Stroke(color: .mutedInk, width: 1.2, dash: [5, 3]) }
}
