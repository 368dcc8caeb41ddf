import CCairo
import Foundation

/// A `Renderer` drawing onto a Cairo context (`cairo_t *`), whatever its surface:
/// image (PNG), SVG or a PDF page.
///
/// Text uses Cairo's toy text API with the "DejaVu Sans" face; Cairo embeds the glyphs it
/// uses in PDF and SVG output. The renderer does not own the context.
public final class CairoRenderer: Renderer {
    /// The face every text is drawn in.
    public static let fontFamily = "DejaVu Sans"

    public let context: OpaquePointer
    private var selectedFont: Font?
    private var fontExtentsCache: [Font: cairo_font_extents_t] = [:]

    /// - Parameter context: a `cairo_t *` the caller keeps alive while drawing.
    public init(context: OpaquePointer) {
        self.context = context
    }

    private func setColor(_ color: Color) {
        cairo_set_source_rgba(context, color.red, color.green, color.blue, color.alpha)
    }

    private func apply(_ stroke: Stroke) {
        setColor(stroke.color)
        cairo_set_line_width(context, stroke.width)
        if stroke.dash.isEmpty {
            cairo_set_dash(context, nil, 0, 0)
        } else {
            stroke.dash.withUnsafeBufferPointer { cairo_set_dash(context, $0.baseAddress, Int32($0.count), 0) }
        }
    }

    public func fillRect(_ rect: Rect, color: Color) {
        setColor(color)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_fill(context)
    }

    public func strokeRect(_ rect: Rect, stroke: Stroke) {
        apply(stroke)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_stroke(context)
    }

    public func drawPolyline(_ points: [Point], stroke: Stroke) {
        guard let first = points.first, points.count > 1 else { return }
        apply(stroke)
        cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_stroke(context)
    }

    public func fillPolygon(_ points: [Point], color: Color) {
        guard let first = points.first, points.count > 2 else { return }
        setColor(color)
        cairo_move_to(context, first.x, first.y)
        for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
        cairo_close_path(context)
        cairo_fill(context)
    }

    public func drawCircles(_ centers: [Point], radius: Double, fill: Color?, stroke: Stroke?) {
        guard !centers.isEmpty else { return }
        // One path per circle: a single path of many sub-paths would let overlapping
        // translucent circles cancel under the fill rule.
        for center in centers {
            cairo_new_sub_path(context)
            cairo_arc(context, center.x, center.y, radius, 0, 2 * Double.pi)
            if let fill {
                setColor(fill)
                if let stroke {
                    cairo_fill_preserve(context)
                    apply(stroke)
                    cairo_stroke(context)
                } else {
                    cairo_fill(context)
                }
            } else if let stroke {
                apply(stroke)
                cairo_stroke(context)
            }
        }
    }

    private func select(_ font: Font) {
        guard selectedFont != font else { return }
        CairoFace(family: Self.fontFamily, bold: font.bold, size: font.size).select(in: context)
        selectedFont = font
    }

    private func fontExtents(_ font: Font) -> cairo_font_extents_t {
        if let cached = fontExtentsCache[font] { return cached }
        select(font)
        var extents = cairo_font_extents_t()
        cairo_font_extents(context, &extents)
        fontExtentsCache[font] = extents
        return extents
    }

    public func measureText(_ text: String, font: Font) -> TextMetrics {
        let fontMetrics = fontExtents(font)
        select(font)
        var extents = cairo_text_extents_t()
        cairo_text_extents(context, text, &extents)
        return TextMetrics(width: extents.x_advance, ascent: fontMetrics.ascent, descent: fontMetrics.descent)
    }

    public func drawText(
        _ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) {
        guard !text.isEmpty else { return }
        let metrics = measureText(text, font: font)
        // Offset from the anchor to the baseline.
        let (dx, dy) = anchor.baselineOffset(metrics)
        cairo_save(context)
        cairo_translate(context, point.x, point.y)
        if rotation != 0 { cairo_rotate(context, -rotation * Double.pi / 180) }
        setColor(color)
        cairo_move_to(context, dx, dy)
        cairo_show_text(context, text)
        cairo_new_path(context)
        cairo_restore(context)
    }

    public func pushClip(_ rect: Rect) {
        cairo_save(context)
        cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
        cairo_clip(context)
        selectedFont = nil
    }

    public func popClip() {
        cairo_restore(context)
        selectedFont = nil
    }
}
