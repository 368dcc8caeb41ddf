/// The parts around a chart's plot: background, title, legend and notes.
enum ChartScaffold {
    /// Fills the background, draws the title (wrapped to two lines, then shortened),
    /// the legend under it and the notes at the bottom.
    ///
    /// - Returns: the rectangle left for axes and marks.
    static func draw(
        in frame: Rect, title: String, legend: [LegendItem], notes: [String], renderer: Renderer,
        style: ChartStyle
    ) -> Rect {
        layout(in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style, drawing: true)
    }

    /// The scaffold and the axes of a categorical chart. When the axes must leave out
    /// some group labels for lack of room, the chart says so in a note (laid out first
    /// without drawing, to know whether the note is needed).
    static func drawWithAxes(
        in frame: Rect, title: String, legend: [LegendItem], notes: [String], renderer: Renderer, style: ChartStyle,
        axes makeAxes: (Rect) -> AxesLayout
    ) -> AxesLayout {
        let trialBody = layout(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style, drawing: false)
        var notes = notes
        if let note = makeAxes(trialBody).thinnedLabelNote { notes.append(note) }
        let body = draw(in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style)
        return makeAxes(body)
    }

    /// `drawWithAxes` for a category chart (bars, boxes): a category axis and a value axis,
    /// horizontal or vertical, drawn at once.
    static func drawCategoryAxes(
        in frame: Rect, title: String, legend: [LegendItem], notes: [String], renderer: Renderer, style: ChartStyle,
        categories: CategoryAxis, values: ValueAxis, horizontal: Bool
    ) -> AxesLayout {
        let axes = drawWithAxes(
            in: frame, title: title, legend: legend, notes: notes, renderer: renderer, style: style
        ) { body in
            AxesLayout(
                body: body, categories: categories, values: values, horizontal: horizontal, renderer: renderer,
                style: style)
        }
        axes.draw(renderer: renderer)
        return axes
    }

    private static func layout(
        in frame: Rect, title: String, legend: [LegendItem], notes: [String], renderer: Renderer,
        style: ChartStyle, drawing: Bool
    ) -> Rect {
        let renderer: Renderer = drawing ? renderer : MeasuringRenderer(measuringWith: renderer)
        renderer.fillRect(frame, color: style.background)
        var body = frame.inset(top: style.padding, left: style.padding, bottom: style.padding, right: style.padding)
        if !title.isEmpty {
            let lines = TextFitting.wrap(
                title, toWidth: body.width, maxLines: 2, font: style.titleFont, renderer: renderer)
            let lineHeight = renderer.measureText("Ag", font: style.titleFont).height
            for (index, line) in lines.enumerated() {
                renderer.drawText(
                    line, at: Point(x: body.midX, y: body.minY + Double(index) * lineHeight),
                    font: style.titleFont, color: .ink, anchor: .topMiddle)
            }
            body = body.inset(top: Double(lines.count) * lineHeight + style.gap)
        }
        if !legend.isEmpty {
            let used = LegendLayout.draw(legend, in: body, renderer: renderer, style: style)
            body = body.inset(top: used + style.gap)
        }
        if !notes.isEmpty {
            let lineHeight = renderer.measureText("Ag", font: style.noteFont).height
            let lines = notes.flatMap {
                TextFitting.wrap($0, toWidth: body.width, maxLines: 3, font: style.noteFont, renderer: renderer)
            }
            let top = body.maxY - Double(lines.count) * lineHeight
            for (index, line) in lines.enumerated() {
                renderer.drawText(
                    line, at: Point(x: body.minX, y: top + Double(index) * lineHeight), font: style.noteFont,
                    color: .mutedInk, anchor: .topStart)
            }
            body = body.inset(bottom: Double(lines.count) * lineHeight + style.gap)
        }
        return body
    }

    /// States in the middle of `body` why nothing is drawn ("No data: …").
    static func drawOmission(_ message: String, in body: Rect, renderer: Renderer, style: ChartStyle) {
        renderer.strokeRect(body, stroke: Stroke(color: .grid, width: 1, dash: [4, 3]))
        let lines = TextFitting.wrap(
            message, toWidth: body.width - 20, maxLines: 3, font: style.axisTitleFont, renderer: renderer)
        let lineHeight = renderer.measureText("Ag", font: style.axisTitleFont).height
        let top = body.midY - Double(lines.count) * lineHeight / 2
        for (index, line) in lines.enumerated() {
            renderer.drawText(
                line, at: Point(x: body.midX, y: top + Double(index) * lineHeight), font: style.axisTitleFont,
                color: .mutedInk, anchor: .topMiddle)
        }
    }
}
