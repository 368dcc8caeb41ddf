import CCairo

/// Measures the advance width of text in a font, in points.
///
/// Layout depends only on this protocol, so tests can lay out with a fixed-width measurer
/// and the PDF with Cairo's real font metrics.
protocol TextMeasurer {
    func width(_ text: String, font: PDFFont) -> Double
}

/// Measures with Cairo's toy text API on a context of its own (the same fonts the painter uses).
final class CairoTextMeasurer: TextMeasurer {
    private let surface: OpaquePointer
    private let context: OpaquePointer
    private var cache: [String: Double] = [:]

    init() {
        surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        context = cairo_create(surface)
    }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    func width(_ text: String, font: PDFFont) -> Double {
        let key = "\(font.size)|\(font.bold)|\(font.italic)|\(font.monospace)|\(text)"
        if let cached = cache[key] { return cached }
        CairoText.select(font, in: context)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        cache[key] = extents.x_advance
        return extents.x_advance
    }
}

/// Font selection shared by the measurer and the painter.
enum CairoText {
    static func select(_ font: PDFFont, in context: OpaquePointer) {
        cairo_select_font_face(
            context, font.family,
            font.italic ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
            font.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, font.size)
    }
}
