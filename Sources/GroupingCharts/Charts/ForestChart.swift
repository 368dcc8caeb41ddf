/// One row of a forest plot: a group's posterior mean and interval, and optionally the
/// group's raw mean without pooling beside it.
public struct ForestRow: Sendable {
    public var label: String
    public var mean: Double
    public var low: Double
    public var high: Double
    public var count: Int?
    /// The group's own mean (no pooling), drawn as an open marker; nil or NaN draws none.
    public var raw: Double?

    public init(label: String, mean: Double, low: Double, high: Double, count: Int? = nil, raw: Double? = nil) {
        self.label = label
        self.mean = mean
        self.low = low
        self.high = high
        self.count = count
        self.raw = raw
    }
}

/// The forest plot of the group effects mu_group of one candidate: each group's posterior
/// mean with its 95% highest-density interval, the zero line and the global mean.
public struct ForestChart: Chart {
    public var title: String
    public var rows: [ForestRow]
    public var globalMean: Double?
    public var xLabel: String
    public var intervalLabel: String
    public var referenceLine: Double?
    public var style: ChartStyle
    /// Rows 18 points apart instead of 24, and a lower minimum height: the executive
    /// summary's small forest, which shares its page with the decision.
    public var compact: Bool

    public init(
        title: String, rows: [ForestRow], globalMean: Double?, xLabel: String = "Treatment effect",
        intervalLabel: String = "Posterior mean and 95% HDI", referenceLine: Double? = 0, style: ChartStyle = .standard,
        compact: Bool = false
    ) {
        self.title = title
        self.rows = rows
        self.globalMean = globalMean
        self.xLabel = xLabel
        self.intervalLabel = intervalLabel
        self.referenceLine = referenceLine
        self.style = style
        self.compact = compact
    }

    public func preferredHeight(forWidth width: Double) -> Double {
        compact
            ? Swift.max((width * 0.3).rounded(), 110 + 18 * Double(rows.count))
            : Swift.max((width * 0.45).rounded(), 140 + 24 * Double(rows.count))
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let drawn = rows.filter { $0.mean.isFinite }
        var notes: [String] = []
        if drawn.count < rows.count {
            notes.append(
                "\(rows.count - drawn.count) groups without a finite mean skipped: "
                    + rows.filter { !$0.mean.isFinite }.map(\.label).joined(separator: ", ") + ".")
        }
        let partial = drawn.filter { !($0.low.isFinite && $0.high.isFinite) }.count
        if partial > 0 { notes.append("\(partial) groups drawn without an interval (bounds not finite).") }
        let global = globalMean.flatMap { $0.isFinite ? $0 : nil }
        let reference = referenceLine.flatMap { $0.isFinite ? $0 : nil }
        var legend = [LegendItem(.marker(Palette.primary), intervalLabel)]
        let hasRaw = drawn.contains { $0.raw?.isFinite == true }
        if hasRaw { legend.append(LegendItem(.ring(Self.rawColor), "Raw group mean (no pooling)")) }
        if let reference {
            legend.append(LegendItem(.line(referenceStroke), "Zero (\(TickFormatter.value(reference)))"))
        }
        if let global {
            legend.append(LegendItem(.line(globalStroke), "Global mean μ = \(TickFormatter.value(global))"))
        }
        guard !drawn.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission(
                "No data: no group estimates to draw.", in: body, renderer: renderer, style: style)
            return
        }
        if drawn.count == 1 { notes.append("A single group: nothing to compare it with.") }
        var values = drawn.flatMap { [$0.mean, $0.low, $0.high, $0.raw ?? .nan] }.filter(\.isFinite)
        if let reference { values.append(reference) }
        if let global { values.append(global) }
        let valueAxis = ValueAxis(minimum: values.min()!, maximum: values.max()!, title: xLabel)
        let counts = drawn.contains { $0.count != nil } ? drawn.map { $0.count ?? 0 } : nil
        let categoryAxis = CategoryAxis(labels: drawn.map(\.label), counts: counts)
        let axes = ChartScaffold.drawWithAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style
        ) { body in
            AxesLayout(body: body, x: .value(valueAxis), y: .category(categoryAxis), renderer: renderer, style: style)
        }
        axes.draw(renderer: renderer)
        // The zero line unclipped: it may sit on the plot's edge.
        if let reference {
            let x = axes.xPosition(reference)
            renderer.drawLine(
                from: Point(x: x, y: axes.plot.minY), to: Point(x: x, y: axes.plot.maxY), stroke: referenceStroke)
        }
        renderer.pushClip(axes.plot)
        if let global {
            let x = axes.xPosition(global)
            renderer.drawLine(
                from: Point(x: x, y: axes.plot.minY), to: Point(x: x, y: axes.plot.maxY), stroke: globalStroke)
        }
        let intervalStroke = Stroke(color: Palette.primary, width: 2.2)
        for (index, row) in drawn.enumerated() {
            let y = axes.categoryCenter(index)
            if row.low.isFinite && row.high.isFinite {
                renderer.drawLine(
                    from: Point(x: axes.xPosition(row.low), y: y), to: Point(x: axes.xPosition(row.high), y: y),
                    stroke: intervalStroke)
            }
            if let raw = row.raw, raw.isFinite {
                renderer.drawCircles(
                    [Point(x: axes.xPosition(raw), y: y)], radius: Self.rawRadius, fill: nil,
                    stroke: Stroke(color: Self.rawColor, width: 1.6))
            }
            renderer.drawCircles(
                [Point(x: axes.xPosition(row.mean), y: y)], radius: 4, fill: Palette.primary,
                stroke: Stroke(color: .white, width: 1))
        }
        renderer.popClip()
    }

    /// The open marker of a raw (unpooled) group mean.
    public static let rawRadius = 5.5
    public static let rawColor = Palette.orange
    private var referenceStroke: Stroke { Stroke(color: Palette.reference, width: 1.3, dash: [5, 3]) }
    private var globalStroke: Stroke { Stroke(color: Palette.secondaryReference, width: 1.5, dash: [1.5, 2.5]) }
}
