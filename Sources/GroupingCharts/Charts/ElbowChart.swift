/// The elbow plot of k-means: inertia (within-cluster sum of squares) against the
/// number of clusters k, with the chosen k marked.
public struct ElbowChart: Chart {
    public var title: String
    public var ks: [Int]
    public var inertias: [Double]
    public var chosenK: Int?
    public var xLabel: String
    public var yLabel: String
    public var style: ChartStyle

    public init(
        title: String = "Elbow method: inertia by number of clusters", ks: [Int], inertias: [Double], chosenK: Int?,
        xLabel: String = "Number of clusters k", yLabel: String = "Inertia (within-cluster sum of squares)",
        style: ChartStyle = .standard
    ) {
        self.title = title
        self.ks = ks
        self.inertias = inertias
        self.chosenK = chosenK
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.style = style
    }

    /// The (k, inertia) pairs drawn: finite inertias, ordered by k.
    public var points: [(k: Int, inertia: Double)] {
        zip(ks, inertias).filter { $0.1.isFinite }.sorted { $0.0 < $1.0 }.map { (k: $0.0, inertia: $0.1) }
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let points = self.points
        var notes: [String] = []
        let skipped = Swift.min(ks.count, inertias.count) - points.count
        if skipped > 0 { notes.append("\(skipped) non-finite inertia values skipped.") }
        if ks.count != inertias.count {
            notes.append("Lengths differ: \(ks.count) k values, \(inertias.count) inertias; extra ones ignored.")
        }
        let chosen = chosenK.flatMap { k in points.first { $0.k == k } }
        if let chosenK, chosen == nil { notes.append("The chosen k = \(chosenK) has no inertia to mark.") }
        var legend = [LegendItem(.line(Stroke(color: Palette.primary, width: 2)), "Inertia")]
        if let chosen { legend.append(LegendItem(.line(chosenStroke), "Chosen k = \(chosen.k)")) }
        guard !points.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission(
                "No data: no inertia values to draw.", in: body, renderer: renderer, style: style)
            return
        }
        let body = ChartScaffold.draw(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style)
        let kMin = Double(points.first!.k)
        let kMax = Double(points.last!.k)
        let inertiaValues = points.map(\.inertia)
        let xAxis = ValueAxis(
            minimum: kMin - 0.5, maximum: kMax + 0.5, title: xLabel, fixedTicks: points.map { Double($0.k) })
        let yAxis = ValueAxis(
            minimum: inertiaValues.min()!, maximum: inertiaValues.max()!, choice: .automatic, title: yLabel)
        let axes = AxesLayout(body: body, x: .value(xAxis), y: .value(yAxis), renderer: renderer, style: style)
        axes.draw(renderer: renderer)
        renderer.pushClip(axes.plot.inset(top: -6, left: -6, bottom: -6, right: -6))
        if let chosen {
            let x = axes.xPosition(Double(chosen.k))
            renderer.drawLine(
                from: Point(x: x, y: axes.plot.minY), to: Point(x: x, y: axes.plot.maxY), stroke: chosenStroke)
        }
        let screen = points.map { Point(x: axes.xPosition(Double($0.k)), y: axes.yPosition($0.inertia)) }
        renderer.drawPolyline(screen, stroke: Stroke(color: Palette.primary, width: 2))
        renderer.drawCircles(screen, radius: 3.5, fill: Palette.primary, stroke: Stroke(color: .white, width: 1))
        if let chosen {
            let point = Point(x: axes.xPosition(Double(chosen.k)), y: axes.yPosition(chosen.inertia))
            renderer.drawCircles([point], radius: 6, fill: Palette.highlight, stroke: Stroke(color: .white, width: 1.5))
        }
        renderer.popClip()
    }

    private var chosenStroke: Stroke { Stroke(color: Palette.highlight, width: 1.3, dash: [5, 3]) }
}
