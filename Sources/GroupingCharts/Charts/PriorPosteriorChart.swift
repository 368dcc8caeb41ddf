/// One hyperparameter's prior and posterior densities over the same values.
public struct DensityPanel: Sendable, Equatable {
    /// The parameter's name ("tau", "sigma_group"), the panel's axis title.
    public var name: String
    /// The values the densities are evaluated at, increasing.
    public var values: [Double]
    public var posterior: [Double]
    public var prior: [Double]

    public init(name: String, values: [Double], posterior: [Double], prior: [Double]) {
        let length = Swift.min(values.count, posterior.count, prior.count)
        self.name = name
        self.values = Array(values.prefix(length))
        self.posterior = Array(posterior.prefix(length))
        self.prior = Array(prior.prefix(length))
    }

    /// The posterior mean by the trapezoid rule over the values (NaN without two points).
    public var posteriorMean: Double {
        guard values.count >= 2 else { return .nan }
        var mass = 0.0
        var moment = 0.0
        for j in 1..<values.count {
            let width = values[j] - values[j - 1]
            mass += width * (posterior[j] + posterior[j - 1]) / 2
            moment += width * (values[j] * posterior[j] + values[j - 1] * posterior[j - 1]) / 2
        }
        return mass > 0 ? moment / mass : .nan
    }
}

/// Priors against posteriors for a model's hyperparameters (tau and the sigmas), one panel
/// each, side by side: the posterior as a solid line, the prior as a dashed one, over the
/// posterior's range. A prior that is nearly flat where the posterior lies leaves the
/// answer to the data; a posterior that follows the prior's shape means the data say little.
public struct PriorPosteriorChart: Chart {
    public var title: String
    public var panels: [DensityPanel]
    public var style: ChartStyle

    public init(title: String, panels: [DensityPanel], style: ChartStyle = .standard) {
        self.title = title
        self.panels = panels
        self.style = style
    }

    public func preferredHeight(forWidth width: Double) -> Double { Swift.max((width * 0.36).rounded(), 200) }

    /// The gap between two panels, in points.
    static let panelGap = 18.0

    /// The panels' rectangles: `count` equal widths across `body`, `panelGap` apart.
    static func panelFrames(_ body: Rect, count: Int) -> [Rect] {
        guard count > 0 else { return [] }
        let width = (body.width - panelGap * Double(count - 1)) / Double(count)
        return (0..<count).map {
            Rect(x: body.minX + Double($0) * (width + panelGap), y: body.minY, width: width, height: body.height)
        }
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let drawable = panels.filter { panel in
            panel.values.count >= 2 && panel.values.allSatisfy(\.isFinite)
                && (panel.posterior + panel.prior).allSatisfy { $0.isFinite && $0 >= 0 }
        }
        let legend = [
            LegendItem(.line(Self.posteriorStroke), "Posterior"), LegendItem(.line(Self.priorStroke), "Prior"),
        ]
        let skipped = panels.count - drawable.count
        let notes = skipped == 0 ? [] : ["\(ChartDescription.counted(skipped, "parameter")) without a density left out."]
        let body = ChartScaffold.draw(
            in: frame, title: title, legend: drawable.isEmpty ? [] : legend, notes: notes, renderer: renderer,
            style: style)
        guard !drawable.isEmpty else {
            ChartScaffold.drawOmission("No data: no hyperparameter densities.", in: body, renderer: renderer, style: style)
            return
        }
        for (panel, rect) in zip(drawable, Self.panelFrames(body, count: drawable.count)) {
            let top = Swift.max(panel.posterior.max()!, panel.prior.max()!)
            let xAxis = ValueAxis(minimum: panel.values.first!, maximum: panel.values.last!, title: panel.name)
            let yAxis = ValueAxis(minimum: 0, maximum: top > 0 ? top : 1, title: "Density", padding: 0)
            let axes = AxesLayout(body: rect, x: .value(xAxis), y: .value(yAxis), renderer: renderer, style: style)
            axes.draw(renderer: renderer)
            renderer.pushClip(axes.plot)
            func line(_ densities: [Double]) -> [Point] {
                zip(panel.values, densities).map { Point(x: axes.xPosition($0), y: axes.yPosition($1)) }
            }
            renderer.drawPolyline(line(panel.prior), stroke: Self.priorStroke)
            renderer.drawPolyline(line(panel.posterior), stroke: Self.posteriorStroke)
            renderer.popClip()
        }
    }

    public static let posteriorStroke = Stroke(color: Palette.primary, width: 1.8)
    public static let priorStroke = Stroke(color: Palette.orange, width: 1.6, dash: [5, 3])
}

extension PriorPosteriorChart {
    public var dataDescription: String {
        guard !panels.isEmpty else { return "\(title): no hyperparameter densities." }
        let described = panels.map { panel -> String in
            guard let low = panel.values.first, let high = panel.values.last else { return "\(panel.name): no values" }
            return
                "\(panel.name) from \(ChartDescription.value(low)) to \(ChartDescription.value(high)), posterior mean \(ChartDescription.value(panel.posteriorMean))"
        }
        return "Prior and posterior densities of " + described.joined(separator: "; ") + "."
    }
}
