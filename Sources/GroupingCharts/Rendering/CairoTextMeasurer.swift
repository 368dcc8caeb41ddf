import CCairo

/// Measures text with Cairo and FreeType exactly as `CairoRenderer` does on a vector surface
/// (SVG, PDF), without drawing anything: the layout of a chart written by `SVGRenderer` is
/// therefore the layout Cairo would give it.
///
/// Vector surfaces measure with unhinted metrics (`CAIRO_HINT_METRICS_OFF`); an image
/// surface would round every advance to a whole pixel. The measurer draws on a 1×1 image
/// surface with the vector surfaces' font options, and caches each (text, font) pair, since
/// a chart measures its labels once to lay out and again to draw.
public final class CairoTextMeasurer {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    /// A second context for `advance`, so that its face changes never meet the renderer's
    /// record of the font it selected last.
    private let faceContext: OpaquePointer
    private let renderer: CairoRenderer
    private var cache: [Key: TextMetrics] = [:]
    private var advances: [FaceKey: Double] = [:]

    private struct Key: Hashable {
        var text: String
        var font: Font
    }

    private struct FaceKey: Hashable {
        var text: String
        var face: CairoFace
    }

    public init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1)
        context = cairo_create(surface)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_set_font_options(context, options)
        faceContext = cairo_create(surface)
        cairo_set_font_options(faceContext, options)
        cairo_font_options_destroy(options)
        renderer = CairoRenderer(context: context)
    }

    deinit {
        cairo_destroy(faceContext)
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// The text's advance width and the font's ascent and descent, in points.
    public func measure(_ text: String, font: Font) -> TextMetrics {
        let key = Key(text: text, font: font)
        if let known = cache[key] { return known }
        let metrics = renderer.measureText(text, font: font)
        cache[key] = metrics
        return metrics
    }

    /// The text's advance width in any toy face (the PDF's body, bold, italic and monospace
    /// text), in points, with the same unhinted metrics.
    public func advance(_ text: String, face: CairoFace) -> Double {
        let key = FaceKey(text: text, face: face)
        if let known = advances[key] { return known }
        face.select(in: faceContext)
        var extents = cairo_text_extents_t()
        cairo_text_extents(faceContext, text, &extents)
        advances[key] = extents.x_advance
        return extents.x_advance
    }
}
