import GroupingNumerics
import Foundation

/// A scatter plot (e.g. shrinkage against precision). Above `densityThreshold` points it
/// draws a density instead: hexagonal bins shaded by their count on a log scale.
public struct ScatterChart: Chart {
    public var title: String
    public var xs: [Double]
    public var ys: [Double]
    public var xLabel: String
    public var yLabel: String
    public var xScale: ScaleChoice
    public var yScale: ScaleChoice
    public var densityThreshold: Int
    /// What one point is, for the density legend ("creators").
    public var pointNoun: String
    public var style: ChartStyle

    /// Points beyond which the chart draws a density.
    public static let defaultDensityThreshold = 20_000

    public init(
        title: String, xs: [Double], ys: [Double], xLabel: String, yLabel: String, xScale: ScaleChoice = .automatic,
        yScale: ScaleChoice = .automatic, densityThreshold: Int = ScatterChart.defaultDensityThreshold,
        pointNoun: String = "creators", style: ChartStyle = .standard
    ) {
        self.title = title
        self.xs = xs
        self.ys = ys
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
        self.densityThreshold = densityThreshold
        self.pointNoun = pointNoun
        self.style = style
    }

    /// Whether `count` finite points are drawn as a density.
    public func usesDensity(pointCount count: Int) -> Bool { count > densityThreshold }

    public func draw(in renderer: Renderer, frame: Rect) {
        let pairCount = Swift.min(xs.count, ys.count)
        var finiteX: [Double] = []
        var finiteY: [Double] = []
        finiteX.reserveCapacity(pairCount)
        finiteY.reserveCapacity(pairCount)
        for index in 0..<pairCount where xs[index].isFinite && ys[index].isFinite {
            finiteX.append(xs[index])
            finiteY.append(ys[index])
        }
        var notes: [String] = []
        if finiteX.count < pairCount {
            notes.append(
                "\(TickFormatter.count(pairCount - finiteX.count)) points with a NaN or infinite coordinate skipped.")
        }
        if xs.count != ys.count { notes.append("Lengths differ (\(xs.count) x, \(ys.count) y); extra values ignored.") }
        guard !finiteX.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            ChartScaffold.drawOmission("No data: no points to draw.", in: body, renderer: renderer, style: style)
            return
        }
        let density = usesDensity(pointCount: finiteX.count)
        let legend: [LegendItem]
        if density {
            notes.append(
                "\(TickFormatter.count(finiteX.count)) points (more than \(TickFormatter.count(densityThreshold))) "
                    + "drawn as a density: hexagons shaded by the number of \(pointNoun) in each, on a log scale.")
            legend = [LegendItem(.ramp, "\(pointNoun.capitalizedFirst) per hexagon: 1 (light) to many (dark)")]
        } else {
            legend = []
        }
        let xAxis = Self.axis(finiteX, choice: xScale, title: xLabel)
        let yAxis = Self.axis(finiteY, choice: yScale, title: yLabel)
        let body = ChartScaffold.draw(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style)
        let axes = AxesLayout(body: body, x: .value(xAxis), y: .value(yAxis), renderer: renderer, style: style)
        axes.draw(renderer: renderer)
        // A little beyond the plot, so points on the axis lines show whole.
        renderer.pushClip(axes.plot.inset(top: -3, left: -3, bottom: -3, right: -3))
        if density {
            var points: [Point] = []
            points.reserveCapacity(finiteX.count)
            for index in finiteX.indices {
                points.append(Point(x: axes.xPosition(finiteX[index]), y: axes.yPosition(finiteY[index])))
            }
            let binning = HexBinning(points: points, in: axes.plot, radius: 5)
            let logMax = log(Double(Swift.max(2, binning.maxCount)))
            for bin in binning.bins {
                let t = log(Double(bin.count)) / logMax
                renderer.fillPolygon(binning.corners(of: bin.center), color: Palette.sequential(0.08 + 0.92 * t))
            }
        } else {
            let alpha = finiteX.count > 2000 ? 0.25 : 0.5
            let centers = zip(finiteX, finiteY).map { Point(x: axes.xPosition($0.0), y: axes.yPosition($0.1)) }
            renderer.drawCircles(centers, radius: 2.3, fill: Palette.primary.withAlpha(alpha), stroke: nil)
        }
        renderer.popClip()
    }

    /// A value axis over the finite values; non-linear scales get their note in the title.
    private static func axis(_ values: [Double], choice: ScaleChoice, title: String) -> ValueAxis {
        var low = Double.infinity
        var high = -Double.infinity
        for value in values {
            low = Swift.min(low, value)
            high = Swift.max(high, value)
        }
        // The central part: 10th to 90th percentile of an evenly strided sample (cheap for 10⁶).
        let stride = Swift.max(1, values.count / 4001)
        var sample = Swift.stride(from: 0, to: values.count, by: stride).map { values[$0] }
        sample.sort()
        let centralLow = Quantile.linear(sorted: sample, 0.1)
        let centralHigh = Quantile.linear(sorted: sample, 0.9)
        let scale = ValueScale.make(
            choice, minimum: low, maximum: high, centralLow: centralLow, centralHigh: centralHigh)
        let suffix: String
        switch scale.kind {
        case .linear: suffix = ""
        case .log: suffix = " (log scale)"
        case .symlog: suffix = " (symmetric log scale)"
        }
        let resolved: ScaleChoice = scale.kind == .linear ? .linear : (scale.kind == .log ? .log : .symlog)
        return ValueAxis(
            minimum: low, maximum: high, centralLow: centralLow, centralHigh: centralHigh, choice: resolved,
            title: title + suffix)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
