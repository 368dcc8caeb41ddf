/// A `Renderer` that writes SVG markup itself: shapes as compact elements and text as real
/// `<text>`, so a chart's labels can be selected, searched (Ctrl+F) and read by a screen
/// reader, and the file stays small (Cairo's SVG surface writes every glyph as an outline).
///
/// Text is measured by Cairo (`CairoTextMeasurer`), so the layout is the one `CairoRenderer`
/// gives on a vector surface. Each `<text>` is placed at its start (the anchor resolved here,
/// as `CairoRenderer` does) and carries `textLength` = Cairo's advance width with
/// `lengthAdjust="spacingAndGlyphs"`: a browser drawing it in DejaVu Sans matches Cairo to
/// the kerning, and one falling back to another face still fills exactly the room the
/// layout gave the label, so nothing overlaps or spills out of its box.
///
/// Coordinates are rounded to hundredths (`SVGNumber`). Circles of one `drawCircles` call
/// share a group carrying their paint; consecutive opaque polygons of one colour (a density's
/// hexagons) share one path. Clip regions become `<clipPath>` elements with ids under
/// `idPrefix`, so several charts can be inlined in one HTML page.
public final class SVGRenderer: Renderer {
    /// The font-family every text asks for: the face Cairo measured with, then faces of
    /// similar proportions.
    public static let fontFamily = "'DejaVu Sans', Verdana, sans-serif"

    /// The drawing's size in points (= CSS pixels).
    public let size: Size
    /// Prepended to every id the document defines.
    public let idPrefix: String
    private let measurer: CairoTextMeasurer
    private var body = ""
    private var clipCount = 0
    private var openClips = 0
    /// An opaque fill colour (as written) and the path data of consecutive polygons painted
    /// with it.
    private var pendingPolygons: (hex: String, path: String)?

    /// - Parameters:
    ///   - size: the drawing's width and height in points.
    ///   - idPrefix: prepended to ids (letters, digits, "-" and "_"; start with a letter).
    ///   - measurer: measures text; one measurer serves one thread at a time.
    public init(size: Size, idPrefix: String = "", measurer: CairoTextMeasurer = CairoTextMeasurer()) {
        self.size = size
        self.idPrefix = idPrefix
        self.measurer = measurer
        body.reserveCapacity(16_384)
    }

    /// The `<svg>` element: the drawing with a `<title>` and a `<desc>`, and `role="img"`
    /// labelled by them. No XML declaration, so it can be inlined in HTML as it is.
    ///
    /// - Parameters:
    ///   - title: the chart's title.
    ///   - description: a sentence or two stating what the chart shows.
    public func markup(title: String, description: String) -> String {
        flushPolygons()
        var text = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\""
        SVGNumber.append(size.width, to: &text)
        text += "\" height=\""
        SVGNumber.append(size.height, to: &text)
        text += "\" viewBox=\"0 0 "
        SVGNumber.append(size.width, to: &text)
        text += " "
        SVGNumber.append(size.height, to: &text)
        text += "\" font-family=\"\(Self.fontFamily)\" xml:space=\"preserve\" role=\"img\""
        text += " aria-labelledby=\"\(idPrefix)title\" aria-describedby=\"\(idPrefix)desc\">\n"
        text += "<title id=\"\(idPrefix)title\">\(XMLText.escaped(title))</title>\n"
        text += "<desc id=\"\(idPrefix)desc\">\(XMLText.escaped(description))</desc>\n"
        text += body
        for _ in 0..<openClips { text += "</g>\n" }
        text += "</svg>\n"
        return text
    }

    /// The standalone document: an XML declaration, then `markup(title:description:)`.
    public func document(title: String, description: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup(title: title, description: description)
    }

    // MARK: Renderer

    public func fillRect(_ rect: Rect, color: Color) {
        guard rect.isFinite, color.alpha > 0 else { return }
        flushPolygons()
        body += "<rect"
        appendGeometry(of: rect)
        appendPaint("fill", color)
        body += "/>\n"
    }

    public func strokeRect(_ rect: Rect, stroke: Stroke) {
        guard rect.isFinite else { return }
        flushPolygons()
        body += "<rect"
        appendGeometry(of: rect)
        body += " fill=\"none\""
        appendStroke(stroke)
        body += "/>\n"
    }

    public func drawPolyline(_ points: [Point], stroke: Stroke) {
        guard points.count > 1, points.allSatisfy(\.isFinite) else { return }
        flushPolygons()
        body += "<path d=\""
        appendPathData(points, to: &body)
        body += "\" fill=\"none\""
        appendStroke(stroke)
        if points.count > 2 { body += " stroke-linejoin=\"round\"" }
        body += "/>\n"
    }

    public func fillPolygon(_ points: [Point], color: Color) {
        guard points.count > 2, points.allSatisfy(\.isFinite), color.alpha > 0 else { return }
        // Opaque polygons of one colour look the same painted together or one by one, and
        // painted together they leave no hairline seams between neighbours.
        if color.alpha >= 1 {
            let hex = color.svgHex
            if pendingPolygons?.hex != hex { flushPolygons() }
            // Taken out before appending, so the path's buffer grows in place.
            var path = pendingPolygons.take()?.path ?? ""
            appendPathData(points, to: &path)
            path += "Z"
            pendingPolygons = (hex, path)
            return
        }
        flushPolygons()
        body += "<path d=\""
        appendPathData(points, to: &body)
        body += "Z\""
        appendPaint("fill", color)
        body += "/>\n"
    }

    public func drawCircles(_ centers: [Point], radius: Double, fill: Color?, stroke: Stroke?) {
        let drawn = centers.filter(\.isFinite)
        guard !drawn.isEmpty, radius.isFinite, radius > 0, fill != nil || stroke != nil else { return }
        flushPolygons()
        // One element per circle, as Cairo paints them: overlapping translucent points darken.
        body += "<g"
        if let fill { appendPaint("fill", fill) } else { body += " fill=\"none\"" }
        if let stroke { appendStroke(stroke) }
        body += ">\n"
        var r = ""
        SVGNumber.append(radius, to: &r)
        for center in drawn {
            body += "<circle cx=\""
            SVGNumber.append(center.x, to: &body)
            body += "\" cy=\""
            SVGNumber.append(center.y, to: &body)
            body += "\" r=\"\(r)\"/>"
        }
        body += "\n</g>\n"
    }

    public func drawText(
        _ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) {
        guard !text.isEmpty, point.isFinite, rotation.isFinite else { return }
        flushPolygons()
        let metrics = measureText(text, font: font)
        // The start of the baseline relative to the anchor, before rotation (as CairoRenderer).
        let (dx, dy) = anchor.baselineOffset(metrics)
        body += "<text x=\""
        SVGNumber.append(point.x + dx, to: &body)
        body += "\" y=\""
        SVGNumber.append(point.y + dy, to: &body)
        body += "\" font-size=\""
        SVGNumber.append(font.size, to: &body)
        body += "\""
        if font.bold { body += " font-weight=\"bold\"" }
        appendPaint("fill", color)
        if metrics.width > 0 {
            body += " textLength=\""
            SVGNumber.append(metrics.width, to: &body)
            body += "\" lengthAdjust=\"spacingAndGlyphs\""
        }
        if rotation != 0 {
            // SVG's rotate turns clockwise on screen; `rotation` is counter-clockwise.
            body += " transform=\"rotate("
            SVGNumber.append(-rotation, to: &body)
            body += " "
            SVGNumber.append(point.x, to: &body)
            body += " "
            SVGNumber.append(point.y, to: &body)
            body += ")\""
        }
        body += ">\(XMLText.escaped(text))</text>\n"
    }

    public func measureText(_ text: String, font: Font) -> TextMetrics {
        measurer.measure(text, font: font)
    }

    public func pushClip(_ rect: Rect) {
        flushPolygons()
        let id = "\(idPrefix)clip\(clipCount)"
        clipCount += 1
        body += "<clipPath id=\"\(id)\"><rect"
        appendGeometry(of: rect.isFinite ? rect : Rect(x: 0, y: 0, width: 0, height: 0))
        body += "/></clipPath>\n<g clip-path=\"url(#\(id))\">\n"
        openClips += 1
    }

    public func popClip() {
        flushPolygons()
        guard openClips > 0 else { return }
        body += "</g>\n"
        openClips -= 1
    }

    // MARK: Writing

    private func flushPolygons() {
        guard let pending = pendingPolygons else { return }
        pendingPolygons = nil
        body += "<path d=\"\(pending.path)\" fill=\"\(pending.hex)\"/>\n"
    }

    private func appendGeometry(of rect: Rect) {
        body += " x=\""
        SVGNumber.append(rect.x, to: &body)
        body += "\" y=\""
        SVGNumber.append(rect.y, to: &body)
        body += "\" width=\""
        SVGNumber.append(Swift.max(0, rect.width), to: &body)
        body += "\" height=\""
        SVGNumber.append(Swift.max(0, rect.height), to: &body)
        body += "\""
    }

    /// `M x y x y …`: after a moveto, further pairs are linetos.
    private func appendPathData(_ points: [Point], to path: inout String) {
        path += "M"
        for (index, point) in points.enumerated() {
            if index > 0 { path += " " }
            SVGNumber.append(point.x, to: &path)
            path += " "
            SVGNumber.append(point.y, to: &path)
        }
    }

    /// ` fill="#rrggbb"` (or stroke), and its opacity when not opaque.
    private func appendPaint(_ attribute: String, _ color: Color) {
        body += " \(attribute)=\"\(color.svgHex)\""
        if color.alpha < 1 {
            body += " \(attribute)-opacity=\""
            SVGNumber.append(Swift.max(0, color.alpha), to: &body)
            body += "\""
        }
    }

    private func appendStroke(_ stroke: Stroke) {
        appendPaint("stroke", stroke.color)
        if stroke.width != 1 {
            body += " stroke-width=\""
            SVGNumber.append(stroke.width, to: &body)
            body += "\""
        }
        if !stroke.dash.isEmpty {
            body += " stroke-dasharray=\""
            for (index, length) in stroke.dash.enumerated() {
                if index > 0 { body += " " }
                SVGNumber.append(length, to: &body)
            }
            body += "\""
        }
    }
}

extension Point {
    fileprivate var isFinite: Bool { x.isFinite && y.isFinite }
}

extension Rect {
    fileprivate var isFinite: Bool { x.isFinite && y.isFinite && width.isFinite && height.isFinite }
}

extension Color {
    /// `#rrggbb`, each component rounded to the nearest of 256 levels.
    var svgHex: String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for component in [red, green, blue] {
            let level = Int((Swift.min(1, Swift.max(0, component)) * 255).rounded())
            text.append(digits[level >> 4])
            text.append(digits[level & 0xF])
        }
        return text
    }
}
