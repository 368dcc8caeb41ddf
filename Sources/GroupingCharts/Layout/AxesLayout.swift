import Foundation

/// The axes of a chart laid out in a body rectangle: margins measured from the actual
/// tick and category labels, the plot rectangle, and the mapping from data to points.
///
/// The x axis runs along the bottom, the y axis along the left. Either may be numeric
/// (`ValueAxis`) or categorical (`CategoryAxis`); categorical y axes list the first
/// category at the top.
struct AxesLayout {
    enum Content {
        case value(ValueAxis)
        case category(CategoryAxis)
    }

    let style: ChartStyle
    let plot: Rect
    let x: Content
    let y: Content
    /// Scales of numeric axes (nil for categorical ones).
    let xScale: ValueScale?
    let yScale: ValueScale?
    /// Label layout of a categorical x axis.
    let xCategoryLabels: CategoryLabelLayout?
    /// Labels of a categorical y axis as drawn (shortened to the label column).
    let yCategoryLabels: [String]
    /// Every how many rows a categorical y label is shown (1 unless rows are very thin).
    let yLabelStride: Int
    /// Count texts per category ("n=250").
    let countTexts: [String]
    private let xMapping: AxisMapping
    private let yMapping: AxisMapping

    /// Categories against values: categories down the y axis when `horizontal` (one row per
    /// group), else along x.
    init(
        body: Rect, categories: CategoryAxis, values: ValueAxis, horizontal: Bool, renderer: Renderer,
        style: ChartStyle
    ) {
        if horizontal {
            self.init(body: body, x: .value(values), y: .category(categories), renderer: renderer, style: style)
        } else {
            self.init(body: body, x: .category(categories), y: .value(values), renderer: renderer, style: style)
        }
    }

    init(body: Rect, x: Content, y: Content, renderer: Renderer, style: ChartStyle) {
        self.style = style
        self.x = x
        self.y = y
        let tickHeight = renderer.measureText("0", font: style.tickFont).height
        let titleHeight = renderer.measureText("Ag", font: style.axisTitleFont).height
        let categoryLineHeight = renderer.measureText("Ag", font: style.categoryFont).height
        let countHeight = renderer.measureText("0", font: style.countFont).height

        var counts: [Int]? = nil
        if case .category(let axis) = x { counts = axis.counts }
        if case .category(let axis) = y { counts = axis.counts }
        countTexts = counts.map { $0.map { "n=" + TickFormatter.count($0) } } ?? []
        let countWidth = countTexts.map { renderer.measureText($0, font: style.countFont).width }.max() ?? 0

        // Bottom margin and x scale depend on the plot width, which depends on the left
        // margin; the left margin of a value y axis depends on its tick labels, which
        // depend on the plot height. Estimate the y scale on the body height first.
        var bottom = style.tickLength + style.gap
        var left = style.tickLength + style.gap
        var yScale: ValueScale? = nil
        var yLabels: [String] = []
        var yStride = 1
        switch y {
        case .value(let axis):
            let scale = axis.scale(length: body.height * 0.8, spacing: 38)
            yScale = scale
            left += scale.tickLabels.map { renderer.measureText($0, font: style.tickFont).width }.max() ?? 0
            if axis.title != nil { left += titleHeight + style.gap }
        case .category(let axis):
            let column = Swift.min(
                axis.labels.map { renderer.measureText($0, font: style.categoryFont).width }.max() ?? 0,
                body.width * 0.35)
            yLabels = TextFitting.truncateDistinctly(
                axis.labels, toWidth: column, font: style.categoryFont, renderer: renderer)
            left += column + (countTexts.isEmpty ? 0 : countWidth + style.gap * 2)
            if axis.title != nil { left += titleHeight + style.gap }
        }
        // Right margin: room for half of the last x tick label.
        var right = 6.0
        var xScale: ValueScale? = nil
        var xLabels: CategoryLabelLayout? = nil
        let plotWidth = Swift.max(10, body.width - left - right)
        switch x {
        case .value(let axis):
            let scale = axis.scale(length: plotWidth, spacing: 70)
            xScale = scale
            let lastWidth = renderer.measureText(scale.tickLabels.last ?? "", font: style.tickFont).width
            right = Swift.max(right, lastWidth / 2 + 2)
            bottom += tickHeight
            if axis.title != nil { bottom += style.gap + titleHeight }
        case .category(let axis):
            var layout = CategoryLabelLayout(
                labels: axis.labels, band: plotWidth / Double(Swift.max(1, axis.labels.count)),
                maxHeight: body.height * 0.3, font: style.categoryFont, renderer: renderer)
            // Labels rotated by 45° hang down-left from their tick: widen the left margin
            // until the first ones stay inside the frame, then lay out again.
            let overhang = layout.leftOverhang(
                left: left, band: plotWidth / Double(Swift.max(1, axis.labels.count)),
                font: style.categoryFont, renderer: renderer)
            if overhang > 0 {
                left += overhang
                let band = Swift.max(1, body.width - left - right) / Double(Swift.max(1, axis.labels.count))
                layout = CategoryLabelLayout(
                    labels: axis.labels, band: band, maxHeight: body.height * 0.3, font: style.categoryFont,
                    renderer: renderer)
                left += Swift.max(
                    0, layout.leftOverhang(left: left, band: band, font: style.categoryFont, renderer: renderer))
            }
            xLabels = layout
            bottom += layout.height
            if !countTexts.isEmpty { bottom += countHeight + style.gap }
            if axis.title != nil { bottom += style.gap + titleHeight }
        }
        let plot = Rect(
            x: body.minX + left, y: body.minY + tickHeight / 2, width: Swift.max(10, body.width - left - right),
            height: Swift.max(10, body.height - bottom - tickHeight / 2))
        if case .category(let axis) = y {
            let band = plot.height / Double(Swift.max(1, axis.labels.count))
            yStride = Swift.max(1, Int(((categoryLineHeight + 1) / Swift.max(band, 1e-9)).rounded(.up)))
        }
        self.plot = plot
        self.xMapping = AxisMapping(scale: xScale, start: plot.minX, length: plot.width)
        self.yMapping = AxisMapping(scale: yScale, start: plot.maxY, length: -plot.height)
        self.xScale = xScale
        self.yScale = yScale
        self.xCategoryLabels = xLabels
        self.yCategoryLabels = yLabels
        self.yLabelStride = yStride
    }

    /// A note for the reader when not every category label could be shown.
    var thinnedLabelNote: String? {
        let stride = Swift.max(yLabelStride, xCategoryLabels?.labelStride ?? 1)
        guard stride > 1 else { return nil }
        return
            "Only every \(Self.ordinal(stride)) group label is shown for lack of room "
            + "(\(categoryCount) groups); a taller chart lists them all."
    }

    /// An English ordinal: 2nd, 3rd, 4th, 11th–13th, 21st, 22nd, 23rd, 101st.
    static func ordinal(_ n: Int) -> String {
        let suffix: String
        switch (n % 10, n % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    // MARK: Mapping

    /// The x coordinate of a value on a numeric x axis.
    func xPosition(_ value: Double) -> Double {
        xMapping.position(value)
    }

    /// The y coordinate of a value on a numeric y axis.
    func yPosition(_ value: Double) -> Double {
        yMapping.position(value)
    }

    /// The number of categories on the categorical axis.
    var categoryCount: Int {
        if case .category(let axis) = x { return axis.labels.count }
        if case .category(let axis) = y { return axis.labels.count }
        return 0
    }

    /// Whether the categories run along x.
    var categoriesAlongX: Bool {
        if case .category = x { return true }
        return false
    }

    /// The width (along the category axis) of one category's band.
    var band: Double {
        let length = categoriesAlongX ? plot.width : plot.height
        return length / Double(Swift.max(1, categoryCount))
    }

    /// The centre of category `index` along the category axis.
    func categoryCenter(_ index: Int) -> Double {
        categoriesAlongX
            ? plot.minX + (Double(index) + 0.5) * band
            : plot.minY + (Double(index) + 0.5) * band
    }

    /// A point from a category index and a value, whichever way the chart runs.
    func point(category index: Int, value: Double) -> Point {
        categoriesAlongX
            ? Point(x: categoryCenter(index), y: yPosition(value))
            : Point(x: xPosition(value), y: categoryCenter(index))
    }

    /// The position of `value` along the value axis of a categorical chart.
    func valuePosition(_ value: Double) -> Double {
        categoriesAlongX ? yPosition(value) : xPosition(value)
    }

    // MARK: Drawing

    /// Draws grid lines, axis lines, ticks, tick labels, category labels, counts and axis titles.
    func draw(renderer: Renderer) {
        let tickHeight = renderer.measureText("0", font: style.tickFont).height
        let titleHeight = renderer.measureText("Ag", font: style.axisTitleFont).height
        if let xScale {
            for (tick, label) in zip(xScale.ticks, xScale.tickLabels) {
                let px = xPosition(tick)
                guard px >= plot.minX - 0.5 && px <= plot.maxX + 0.5 else { continue }
                renderer.drawLine(
                    from: Point(x: px, y: plot.minY), to: Point(x: px, y: plot.maxY), stroke: style.gridStroke)
                renderer.drawLine(
                    from: Point(x: px, y: plot.maxY), to: Point(x: px, y: plot.maxY + style.tickLength),
                    stroke: style.axisStroke)
                renderer.drawText(
                    label, at: Point(x: px, y: plot.maxY + style.tickLength + style.gap), font: style.tickFont,
                    color: .mutedInk, anchor: .topMiddle)
            }
        }
        if let yScale {
            for (tick, label) in zip(yScale.ticks, yScale.tickLabels) {
                let py = yPosition(tick)
                guard py >= plot.minY - 0.5 && py <= plot.maxY + 0.5 else { continue }
                renderer.drawLine(
                    from: Point(x: plot.minX, y: py), to: Point(x: plot.maxX, y: py), stroke: style.gridStroke)
                renderer.drawLine(
                    from: Point(x: plot.minX - style.tickLength, y: py), to: Point(x: plot.minX, y: py),
                    stroke: style.axisStroke)
                renderer.drawText(
                    label, at: Point(x: plot.minX - style.tickLength - style.gap, y: py), font: style.tickFont,
                    color: .mutedInk, anchor: .middleEnd)
            }
        }
        // Axis lines: left and bottom.
        renderer.drawPolyline(
            [Point(x: plot.minX, y: plot.minY), Point(x: plot.minX, y: plot.maxY), Point(x: plot.maxX, y: plot.maxY)],
            stroke: style.axisStroke)

        var bottomCursor = plot.maxY + style.tickLength + style.gap
        switch x {
        case .value(let axis):
            bottomCursor += tickHeight
            if let title = axis.title { drawXTitle(title, top: bottomCursor + style.gap, renderer: renderer) }
        case .category(let axis):
            let centers = (0..<axis.labels.count).map(categoryCenter)
            for center in centers {
                renderer.drawLine(
                    from: Point(x: center, y: plot.maxY), to: Point(x: center, y: plot.maxY + style.tickLength),
                    stroke: style.axisStroke)
            }
            if !countTexts.isEmpty {
                // Counts right under the axis (rotated labels hang below them).
                let countHeight = renderer.measureText("0", font: style.countFont).height
                let fits = countTexts.allSatisfy { renderer.measureText($0, font: style.countFont).width <= band - 2 }
                let bareWidth =
                    countTexts.map {
                        renderer.measureText($0.replacingOccurrences(of: "n=", with: ""), font: style.countFont).width
                    }.max() ?? 0
                let stride = fits ? 1 : Swift.max(1, Int(((bareWidth + 3) / band).rounded(.up)))
                for (index, center) in centers.enumerated() where index % stride == 0 {
                    let text = fits ? countTexts[index] : countTexts[index].replacingOccurrences(of: "n=", with: "")
                    renderer.drawText(
                        text, at: Point(x: center, y: bottomCursor), font: style.countFont, color: .mutedInk,
                        anchor: .topMiddle)
                }
                bottomCursor += countHeight + style.gap
            }
            if let labels = xCategoryLabels {
                labels.draw(centers: centers, top: bottomCursor, font: style.categoryFont, renderer: renderer)
                bottomCursor += labels.height
            }
            if let title = axis.title { drawXTitle(title, top: bottomCursor + style.gap, renderer: renderer) }
        }

        switch y {
        case .value(let axis):
            if let title = axis.title { drawYTitle(title, titleHeight: titleHeight, renderer: renderer) }
        case .category(let axis):
            let labelRight = plot.minX - style.tickLength - style.gap
            let countRight = labelRight
            let countWidth = countTexts.map { renderer.measureText($0, font: style.countFont).width }.max() ?? 0
            let textRight = countTexts.isEmpty ? labelRight : labelRight - countWidth - style.gap * 2
            for index in 0..<axis.labels.count {
                let center = categoryCenter(index)
                renderer.drawLine(
                    from: Point(x: plot.minX - style.tickLength, y: center), to: Point(x: plot.minX, y: center),
                    stroke: style.axisStroke)
                guard index % yLabelStride == 0 else { continue }
                renderer.drawText(
                    yCategoryLabels[index], at: Point(x: textRight, y: center), font: style.categoryFont, color: .ink,
                    anchor: .middleEnd)
                if !countTexts.isEmpty {
                    renderer.drawText(
                        countTexts[index], at: Point(x: countRight, y: center), font: style.countFont, color: .mutedInk,
                        anchor: .middleEnd)
                }
            }
            if let title = axis.title { drawYTitle(title, titleHeight: titleHeight, renderer: renderer) }
        }
    }

    private func drawXTitle(_ title: String, top: Double, renderer: Renderer) {
        let text = TextFitting.truncate(title, toWidth: plot.width, font: style.axisTitleFont, renderer: renderer)
        renderer.drawText(
            text, at: Point(x: plot.midX, y: top), font: style.axisTitleFont, color: .ink, anchor: .topMiddle)
    }

    private func drawYTitle(_ title: String, titleHeight: Double, renderer: Renderer) {
        // Left edge of the body: plot.minX minus everything the left margin holds.
        var leftEdge = plot.minX - style.tickLength - style.gap
        switch y {
        case .value:
            leftEdge -= yScale?.tickLabels.map { renderer.measureText($0, font: style.tickFont).width }.max() ?? 0
        case .category:
            let column = yCategoryLabels.map { renderer.measureText($0, font: style.categoryFont).width }.max() ?? 0
            let countWidth = countTexts.map { renderer.measureText($0, font: style.countFont).width }.max() ?? 0
            leftEdge -= column + (countTexts.isEmpty ? 0 : countWidth + style.gap * 2)
        }
        let text = TextFitting.truncate(title, toWidth: plot.height, font: style.axisTitleFont, renderer: renderer)
        renderer.drawText(
            text, at: Point(x: leftEdge - style.gap, y: plot.midY), font: style.axisTitleFont, color: .ink,
            anchor: TextAnchor(.middle, .bottom), rotation: 90)
    }
}
