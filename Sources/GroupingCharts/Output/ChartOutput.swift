import CCairo
import Foundation

/// Errors from producing chart files.
public enum ChartOutputError: Error, CustomStringConvertible {
    /// Cairo reported a failure (its status text).
    case cairo(String)

    public var description: String {
        switch self {
        case .cairo(let message): return "Cairo could not draw the chart: \(message)"
        }
    }
}

/// Draws charts with Cairo into SVG and PNG bytes, or onto a page of a caller's PDF.
public enum ChartOutput {
    /// The chart as an SVG document (units: CSS pixels; text as embedded glyphs).
    ///
    /// - Parameters:
    ///   - width: width in points (= CSS pixels).
    ///   - height: height; nil = the chart's `preferredHeight(forWidth:)`.
    ///   - idPrefix: when given, every id in the document is prefixed (see
    ///     `SVGIdPrefixer`) so several SVGs can be inlined in one HTML page.
    /// - Returns: the UTF-8 bytes of the document.
    public static func svg(_ chart: Chart, width: Double, height: Double? = nil, idPrefix: String? = nil) throws
        -> [UInt8]
    {
        let (width, height) = size(chart, width, height)
        guard
            let document = try ByteSink.collect(
                create: { cairo_svg_surface_create_for_stream($0, $1, width, height) },
                draw: { surface in
                    cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
                    try render(chart, on: surface, scale: 1, width: width, height: height)
                })
        else { throw ChartOutputError.cairo("no SVG surface") }
        try check(document.status)
        let bytes = document.bytes
        guard let idPrefix else { return bytes }
        return Array(SVGIdPrefixer.prefixIds(in: String(decoding: bytes, as: UTF8.self), with: idPrefix).utf8)
    }

    /// The chart as SVG text ready to be inlined in HTML: no XML declaration, ids prefixed,
    /// labelled with the chart's title (`role="img"`, `aria-label`, `<title>`).
    public static func inlineSVG(_ chart: Chart, width: Double, height: Double? = nil, idPrefix: String) throws
        -> String
    {
        let document = String(decoding: try svg(chart, width: width, height: height, idPrefix: idPrefix), as: UTF8.self)
        return SVGIdPrefixer.addingAccessibleTitle(chart.title, to: SVGIdPrefixer.strippingXMLDeclaration(document))
    }

    /// The chart as a PNG image of `width · scale` × `height · scale` pixels.
    ///
    /// - Parameters:
    ///   - width: width in points; the image has `scale` pixels per point.
    ///   - height: height; nil = the chart's preferred height.
    ///   - scale: pixels per point (2 for crisp slides and high-density screens).
    public static func png(_ chart: Chart, width: Double, height: Double? = nil, scale: Double = 2) throws -> [UInt8] {
        let (width, height) = size(chart, width, height)
        let pixelWidth = Int32((width * scale).rounded())
        let pixelHeight = Int32((height * scale).rounded())
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight) else {
            throw ChartOutputError.cairo("no image surface")
        }
        defer { cairo_surface_destroy(surface) }
        try render(chart, on: surface, scale: scale, width: width, height: height)
        cairo_surface_flush(surface)
        return try PNGEncoder.encode(surface: surface)
    }

    /// The chart as a one-page PDF document (vector; fonts embedded), mostly for checks;
    /// reports draw charts onto their own pages with `draw(_:context:x:y:width:height:)`.
    public static func pdf(_ chart: Chart, width: Double, height: Double? = nil) throws -> [UInt8] {
        let (width, height) = size(chart, width, height)
        guard
            let document = try ByteSink.collect(
                create: { cairo_pdf_surface_create_for_stream($0, $1, width, height) },
                draw: { try render(chart, on: $0, scale: 1, width: width, height: height) })
        else { throw ChartOutputError.cairo("no PDF surface") }
        try check(document.status)
        return document.bytes
    }

    /// Draws the chart onto an existing Cairo context (e.g. a PDF page) in the rectangle
    /// at (`x`, `y`) of `width` × `height`, in the context's user units. The context's state
    /// is saved and restored; drawing is clipped to the rectangle.
    public static func draw(
        _ chart: Chart, context: OpaquePointer, x: Double, y: Double, width: Double, height: Double
    ) {
        cairo_save(context)
        cairo_rectangle(context, x, y, width, height)
        cairo_clip(context)
        cairo_translate(context, x, y)
        chart.draw(in: CairoRenderer(context: context), frame: Rect(x: 0, y: 0, width: width, height: height))
        cairo_restore(context)
    }

    private static func size(_ chart: Chart, _ width: Double, _ height: Double?) -> (Double, Double) {
        let width = width.isFinite ? Swift.max(50, width) : 600
        let height = height ?? chart.preferredHeight(forWidth: width)
        return (width, height.isFinite ? Swift.max(50, height) : width * 0.62)
    }

    private static func render(
        _ chart: Chart, on surface: OpaquePointer, scale: Double, width: Double, height: Double
    ) throws {
        guard let context = cairo_create(surface) else { throw ChartOutputError.cairo("no context") }
        defer { cairo_destroy(context) }
        if scale != 1 { cairo_scale(context, scale, scale) }
        chart.draw(in: CairoRenderer(context: context), frame: Rect(x: 0, y: 0, width: width, height: height))
        try check(cairo_status(context))
        cairo_surface_flush(surface)
    }

    private static func check(_ status: cairo_status_t) throws {
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ChartOutputError.cairo(String(cString: cairo_status_to_string(status)))
        }
    }
}
