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

/// Draws charts as SVG (`SVGRenderer`), and with Cairo as PNG bytes, a one-page PDF or onto a
/// page of a caller's PDF.
public enum ChartOutput {
    /// The chart as a standalone SVG document, written by `SVGRenderer`: real `<text>`, a
    /// `<title>` and a `<desc>` stating its data (units: CSS pixels).
    ///
    /// - Parameters:
    ///   - width: width in points (= CSS pixels).
    ///   - height: height; nil = the chart's `preferredHeight(forWidth:)`.
    ///   - idPrefix: prepended to every id the document defines.
    /// - Returns: the UTF-8 bytes of the document.
    public static func svg(_ chart: Chart, width: Double, height: Double? = nil, idPrefix: String = "") -> [UInt8] {
        svgDocument(markup: svgMarkup(chart, width: width, height: height, idPrefix: idPrefix))
    }

    /// The chart's `<svg>` element, ready to be inlined in HTML as it is: no XML
    /// declaration, every id under `idPrefix` (unique prefixes keep several charts in one
    /// page apart), labelled by its `<title>` and `<desc>` (`role="img"`).
    ///
    /// This is the one place SVG is prepared for inlining: the writer emits what HTML needs,
    /// so nothing rewrites the markup afterwards.
    public static func svgMarkup(_ chart: Chart, width: Double, height: Double? = nil, idPrefix: String) -> String {
        let (width, height) = size(chart, width, height)
        let renderer = SVGRenderer(size: Size(width: width, height: height), idPrefix: idPrefix)
        chart.draw(in: renderer, frame: Rect(x: 0, y: 0, width: width, height: height))
        return renderer.markup(title: chart.title, description: chart.dataDescription)
    }

    /// A standalone SVG document holding `markup` (from `svgMarkup`): the XML declaration,
    /// then the element.
    public static func svgDocument(markup: String) -> [UInt8] {
        Array(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + markup).utf8)
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
        let stride = Int(cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, pixelWidth))
        guard stride > 0, pixelHeight > 0 else { throw ChartOutputError.cairo("image too large") }
        let byteCount = stride * Int(pixelHeight)
        return try ScratchBuffers.shared.withBuffer(byteCount: byteCount) { pixels in
            // Transparent black, as a new Cairo image surface starts.
            memset(pixels, 0, byteCount)
            guard
                let surface = cairo_image_surface_create_for_data(
                    pixels.assumingMemoryBound(to: UInt8.self), CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight,
                    Int32(stride))
            else { throw ChartOutputError.cairo("no image surface") }
            defer { cairo_surface_destroy(surface) }
            try check(cairo_surface_status(surface))
            try render(chart, on: surface, scale: scale, width: width, height: height)
            cairo_surface_flush(surface)
            return try PNGEncoder.encode(surface: surface)
        }
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
