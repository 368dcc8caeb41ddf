import Foundation

/// One group of a boxplot: its label and its values (NaN and infinities are skipped and
/// the chart says how many).
public struct BoxGroup: Sendable {
    public var label: String
    public var values: [Double]

    public init(label: String, values: [Double]) {
        self.label = label
        self.values = values
    }
}

/// The outcome by group as Tukey boxplots: box from the first to the third quartile
/// (type-7 quantiles, numpy's default), a line at the median, whiskers to the most
/// extreme values within 1.5 · IQR, outliers as points (thinned beyond
/// `maxOutliersPerGroup`, stated), a reference line (zero by default) and the number of
/// values under each group.
///
/// Many groups (more than `horizontalThreshold`) run horizontally, one row per group,
/// and `preferredHeight(forWidth:)` grows with their number.
public struct BoxPlotChart: Chart {
    public var title: String
    public var valueLabel: String?
    public var groupAxisLabel: String?
    public var groups: [BoxGroup]
    public var referenceLine: Double?
    public var referenceLabel: String
    public var showCounts: Bool
    public var orientation: CategoryOrientation
    public var scale: ScaleChoice
    public var maxOutliersPerGroup: Int
    public var style: ChartStyle

    /// Groups beyond which `.automatic` orientation lays groups out as rows.
    public static let horizontalThreshold = CategoryOrientation.horizontalThreshold

    public init(
        title: String, valueLabel: String?, groupAxisLabel: String? = nil, groups: [BoxGroup],
        referenceLine: Double? = 0, referenceLabel: String = "Zero", showCounts: Bool = true,
        orientation: CategoryOrientation = .automatic, scale: ScaleChoice = .automatic,
        maxOutliersPerGroup: Int = 300, style: ChartStyle = .standard
    ) {
        self.title = title
        self.valueLabel = valueLabel
        self.groupAxisLabel = groupAxisLabel
        self.groups = groups
        self.referenceLine = referenceLine
        self.referenceLabel = referenceLabel
        self.showCounts = showCounts
        self.orientation = orientation
        self.scale = scale
        self.maxOutliersPerGroup = maxOutliersPerGroup
        self.style = style
    }

    /// The statistics drawn: one entry per group (nil when it has no finite value), the
    /// number of non-finite values skipped.
    public struct Summary: Sendable {
        public var boxes: [BoxStatistics?]
        public var skippedNonFinite: Int
    }

    /// Computes every group's box statistics: one copy and one sort per group.
    ///
    /// - Complexity: O(n log n) over all values.
    public func summary() -> Summary {
        var skipped = 0
        let boxes = groups.map { group -> BoxStatistics? in
            var finite = FiniteValues(group.values)
            skipped += finite.skipped
            guard !finite.values.isEmpty else { return nil }
            finite.values.sort()
            return BoxStatistics(sorted: finite.values, maxOutliers: maxOutliersPerGroup)
        }
        return Summary(boxes: boxes, skippedNonFinite: skipped)
    }

    /// Whether the groups are drawn as rows.
    public var isHorizontal: Bool { orientation.isHorizontal(categoryCount: groups.count) }

    public func preferredHeight(forWidth width: Double) -> Double {
        guard isHorizontal else { return (width * 0.62).rounded() }
        return Swift.max((width * 0.5).rounded(), 130 + 20 * Double(groups.count))
    }

    public func draw(in renderer: Renderer, frame: Rect) {
        let summary = summary()
        let present = summary.boxes.compactMap { $0 }
        var notes: [String] = []
        if summary.skippedNonFinite > 0 {
            notes.append(
                "\(TickFormatter.count(summary.skippedNonFinite)) non-finite values (NaN or infinite) skipped.")
        }
        let emptyGroups = zip(groups, summary.boxes).filter { $0.1 == nil }.map(\.0.label)
        if !emptyGroups.isEmpty && !present.isEmpty {
            notes.append("No finite values in: \(emptyGroups.joined(separator: ", ")).")
        }
        let thinned = present.filter(\.isThinned)
        if !thinned.isEmpty {
            let total = thinned.map(\.outlierCount).reduce(0, +)
            notes.append(
                "Outliers thinned for legibility: at most \(maxOutliersPerGroup) per group shown "
                    + "(\(TickFormatter.count(total)) in the thinned groups), evenly spread by rank, extremes kept.")
        }
        guard !present.isEmpty else {
            let body = ChartScaffold.draw(
                in: frame, title: title, legend: [], notes: notes, renderer: renderer, style: style)
            let reason = groups.isEmpty ? "no groups to draw." : "no finite values to draw."
            ChartScaffold.drawOmission("No data: \(reason)", in: body, renderer: renderer, style: style)
            return
        }

        // Value range over whiskers and outliers shown.
        let low = present.map { Swift.min($0.minimum, $0.lowerWhisker) }.min()!
        let high = present.map { Swift.max($0.maximum, $0.upperWhisker) }.max()!
        let centralLow = present.map(\.q1).min()!
        let centralHigh = present.map(\.q3).max()!
        var provisional = ValueScale.make(
            scale, minimum: low, maximum: high, centralLow: centralLow, centralHigh: centralHigh)
        var reference = referenceLine.flatMap { $0.isFinite ? $0 : nil }
        if let line = reference, provisional.kind == .log, line <= 0 {
            notes.append("\(referenceLabel) line not shown on a log scale.")
            reference = nil
        }
        var axisMin = low
        var axisMax = high
        if let line = reference, provisional.kind == .linear {
            axisMin = Swift.min(axisMin, line)
            axisMax = Swift.max(axisMax, line)
            provisional = .linear(minimum: axisMin, maximum: axisMax)
        }
        if let note = provisional.note { notes.append(note + ".") }
        let kindChoice: ScaleChoice
        switch provisional.kind {
        case .linear: kindChoice = .linear
        case .log: kindChoice = .log
        case .symlog: kindChoice = .symlog
        }

        var legend: [LegendItem] = [
            LegendItem(
                .box(fill: Palette.primary.withAlpha(0.3), stroke: Stroke(color: Palette.primary)),
                "Quartiles (box), median (line)"),
            LegendItem(.line(Stroke(color: Palette.primary, width: 1.2)), "Whiskers: 1.5 × IQR"),
            LegendItem(.marker(Palette.primary.withAlpha(0.6)), "Outliers"),
        ]
        if let line = reference {
            legend.append(LegendItem(.line(referenceStroke), "\(referenceLabel) (\(TickFormatter.value(line)))"))
        }
        let valueAxis = ValueAxis(
            minimum: axisMin, maximum: axisMax, centralLow: centralLow, centralHigh: centralHigh, choice: kindChoice,
            title: valueLabel)
        let categoryAxis = CategoryAxis(
            labels: groups.map(\.label), counts: showCounts ? summary.boxes.map { $0?.count ?? 0 } : nil,
            title: groupAxisLabel)
        let axes = ChartScaffold.drawCategoryAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style,
            categories: categoryAxis, values: valueAxis, horizontal: isHorizontal)

        renderer.pushClip(axes.plot)
        for (index, box) in summary.boxes.enumerated() {
            guard let box else { continue }
            drawBox(box, index: index, axes: axes, renderer: renderer)
        }
        renderer.popClip()
        // Unclipped, so a line on the plot's edge (all values of one sign) shows whole.
        if let line = reference {
            let position = axes.valuePosition(line)
            let (start, end) =
                axes.categoriesAlongX
                ? (Point(x: axes.plot.minX, y: position), Point(x: axes.plot.maxX, y: position))
                : (Point(x: position, y: axes.plot.minY), Point(x: position, y: axes.plot.maxY))
            renderer.drawLine(from: start, to: end, stroke: referenceStroke)
        }
    }

    private var referenceStroke: Stroke { Stroke(color: Palette.reference, width: 1.3, dash: [5, 3]) }

    /// Draws one box, its whiskers, median and outliers.
    private func drawBox(_ box: BoxStatistics, index: Int, axes: AxesLayout, renderer: Renderer) {
        let center = axes.categoryCenter(index)
        let halfWidth = Swift.min(axes.band * 0.3, 40)
        let capHalf = halfWidth * 0.5
        let color = Palette.primary
        let stroke = Stroke(color: color, width: 1.2)
        func point(_ value: Double, offset: Double = 0) -> Point {
            axes.categoriesAlongX
                ? Point(x: center + offset, y: axes.valuePosition(value))
                : Point(x: axes.valuePosition(value), y: center + offset)
        }
        // Whiskers and caps.
        renderer.drawLine(from: point(box.lowerWhisker), to: point(box.q1), stroke: stroke)
        renderer.drawLine(from: point(box.q3), to: point(box.upperWhisker), stroke: stroke)
        renderer.drawLine(
            from: point(box.lowerWhisker, offset: -capHalf), to: point(box.lowerWhisker, offset: capHalf),
            stroke: stroke)
        renderer.drawLine(
            from: point(box.upperWhisker, offset: -capHalf), to: point(box.upperWhisker, offset: capHalf),
            stroke: stroke)
        // Box.
        let a = point(box.q1, offset: -halfWidth)
        let b = point(box.q3, offset: halfWidth)
        let rect = Rect(x: Swift.min(a.x, b.x), y: Swift.min(a.y, b.y), width: abs(b.x - a.x), height: abs(b.y - a.y))
        renderer.fillRect(rect, color: color.withAlpha(0.3))
        renderer.strokeRect(rect, stroke: stroke)
        // Median, drawn over the box.
        renderer.drawLine(
            from: point(box.median, offset: -halfWidth), to: point(box.median, offset: halfWidth),
            stroke: Stroke(color: .ink, width: 2))
        if box.count == 1 {
            renderer.drawCircles([point(box.median)], radius: 3, fill: color, stroke: nil)
        }
        if !box.shownOutliers.isEmpty {
            renderer.drawCircles(
                box.shownOutliers.map { point($0) }, radius: 2.2, fill: color.withAlpha(0.35),
                stroke: Stroke(color: color.withAlpha(0.8), width: 0.6))
        }
    }
}
