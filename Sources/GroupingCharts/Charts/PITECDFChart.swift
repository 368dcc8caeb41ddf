/// The LOO-PIT ECDF difference plot (Säilynoja, Bürkner & Vehtari 2022, "Graphical test for
/// discrete uniformity and its applications in goodness-of-fit evaluation and multiple
/// sample comparison", Statistics and Computing 32): the empirical CDF of the LOO-PIT values
/// minus the uniform CDF, F̂(z) − z, with the simultaneous 95% band of a uniform sample of
/// the same size, also minus z.
///
/// A calibrated model keeps the curve inside the band everywhere. A curve that dips below
/// zero at low z and rises above it at high z (an S on its side, falling then rising) means
/// too few values in the tails, intervals too wide; the mirror image means intervals too
/// narrow. A curve that sits above or below zero throughout means a shifted prediction.
public struct PITECDFChart: Chart {
    public var title: String
    /// The evaluation points z_j in (0, 1), increasing.
    public var points: [Double]
    /// The ECDF of the PIT values at each point.
    public var ecdf: [Double]
    /// The band's lower and upper ECDF values at each point.
    public var lower: [Double]
    public var upper: [Double]
    /// How many PIT values the ECDF is built from (for the description).
    public var count: Int
    public var style: ChartStyle

    /// - Parameters:
    ///   - values: The LOO-PIT values; non-finite ones are left out.
    ///   - points: The band's evaluation points, increasing in (0, 1).
    ///   - lower: The band's lower ECDF value at each point.
    ///   - upper: The band's upper ECDF value at each point.
    public init(
        title: String = "LOO-PIT: ECDF difference with a simultaneous 95% band", values: [Double], points: [Double],
        lower: [Double], upper: [Double], style: ChartStyle = .standard
    ) {
        let finite = values.filter(\.isFinite)
        let length = Swift.min(points.count, lower.count, upper.count)
        self.title = title
        self.points = Array(points.prefix(length))
        self.lower = Array(lower.prefix(length))
        self.upper = Array(upper.prefix(length))
        self.ecdf = Self.ecdf(finite, at: self.points)
        self.count = finite.count
        self.style = style
    }

    /// The empirical CDF of `values` at each of `points`: the share of values ≤ z.
    /// - Complexity: O((n + m) log n) for n values and m points.
    public static func ecdf(_ values: [Double], at points: [Double]) -> [Double] {
        guard !values.isEmpty else { return points.map { _ in 0 } }
        let sorted = values.sorted()
        return points.map { z in
            // The first index whose value exceeds z, by binary search.
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] <= z { low = mid + 1 } else { high = mid }
            }
            return Double(low) / Double(sorted.count)
        }
    }

    /// The evaluation points where the ECDF leaves the band.
    public var pointsOutsideBand: [Int] {
        points.indices.filter { ecdf[$0] < lower[$0] || ecdf[$0] > upper[$0] }
    }

    public func preferredHeight(forWidth width: Double) -> Double { (width * 0.5).rounded() }

    public func draw(in renderer: Renderer, frame: Rect) {
        guard count > 0, !points.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: [], renderer: renderer, style: style)
            ChartScaffold.drawOmission("No data: no LOO-PIT values.", in: body, renderer: renderer, style: style)
            return
        }
        let outside = pointsOutsideBand.count
        let notes =
            outside == 0
            ? [] : ["The ECDF leaves the band at \(ChartDescription.counted(outside, "point")) of \(points.count)."]
        let legend = [
            LegendItem(.box(fill: Self.bandColor, stroke: nil), "95% simultaneous band"),
            LegendItem(.line(Self.curveStroke), "ECDF − z"),
        ]
        let body = ChartScaffold.draw(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style)
        let differences = zip(ecdf, points).map { $0 - $1 }
        let bandLow = zip(lower, points).map { $0 - $1 }
        let bandHigh = zip(upper, points).map { $0 - $1 }
        let all = differences + bandLow + bandHigh + [0]
        let xAxis = ValueAxis(
            minimum: 0, maximum: 1, title: "LOO-PIT value z", fixedTicks: [0, 0.2, 0.4, 0.6, 0.8, 1])
        let yAxis = ValueAxis(minimum: all.min()!, maximum: all.max()!, title: "ECDF − z")
        let axes = AxesLayout(body: body, x: .value(xAxis), y: .value(yAxis), renderer: renderer, style: style)
        axes.draw(renderer: renderer)
        renderer.pushClip(axes.plot)
        let upperEdge = zip(points, bandHigh).map { Point(x: axes.xPosition($0), y: axes.yPosition($1)) }
        let lowerEdge = zip(points, bandLow).map { Point(x: axes.xPosition($0), y: axes.yPosition($1)) }
        renderer.fillPolygon(upperEdge + lowerEdge.reversed(), color: Self.bandColor)
        let zeroY = axes.yPosition(0)
        renderer.drawLine(
            from: Point(x: axes.plot.minX, y: zeroY), to: Point(x: axes.plot.maxX, y: zeroY),
            stroke: Stroke(color: .mutedInk, width: 1, dash: [4, 3]))
        // The difference is 0 at z = 0 and z = 1 by definition; the curve starts and ends there.
        let curve =
            [Point(x: axes.xPosition(0), y: zeroY)]
            + zip(points, differences).map { Point(x: axes.xPosition($0), y: axes.yPosition($1)) }
            + [Point(x: axes.xPosition(1), y: zeroY)]
        renderer.drawPolyline(curve, stroke: Self.curveStroke)
        renderer.popClip()
    }

    public static let curveStroke = Stroke(color: Palette.primary, width: 1.8)
    static let bandColor = Palette.skyBlue.withAlpha(0.3)
}

extension PITECDFChart {
    public var dataDescription: String {
        guard count > 0, !points.isEmpty else { return "\(title): no LOO-PIT values." }
        let differences = zip(ecdf, points).map { $0 - $1 }
        let largest = differences.indices.max { abs(differences[$0]) < abs(differences[$1]) }!
        let outside = pointsOutsideBand.count
        return
            "ECDF of \(ChartDescription.counted(count, "LOO-PIT value")) minus the uniform CDF at \(ChartDescription.counted(points.count, "point")); "
            + "the largest difference is \(ChartDescription.value(differences[largest])) at z = \(ChartDescription.value(points[largest])); "
            + (outside == 0
                ? "the curve stays inside the simultaneous 95% band."
                : "the curve leaves the simultaneous 95% band at \(ChartDescription.counted(outside, "point")).")
    }
}
