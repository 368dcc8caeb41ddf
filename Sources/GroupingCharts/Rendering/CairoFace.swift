import CCairo

/// A face of Cairo's toy text API: family, weight, slant and size. The one place a font is
/// selected on a Cairo context, for the charts (`CairoRenderer`), the PDF's painter and the
/// text measurer alike, so what is measured is what is drawn.
public struct CairoFace: Hashable, Sendable {
    public var family: String
    public var bold: Bool
    public var italic: Bool
    public var size: Double

    public init(family: String, bold: Bool = false, italic: Bool = false, size: Double) {
        self.family = family
        self.bold = bold
        self.italic = italic
        self.size = size
    }

    /// Makes this the context's current font.
    public func select(in context: OpaquePointer) {
        cairo_select_font_face(
            context, family, italic ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
            bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(context, size)
    }
}
