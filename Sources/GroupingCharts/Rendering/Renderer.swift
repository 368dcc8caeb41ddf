/// How a line is stroked: colour, width in points and an optional dash pattern
/// (alternating on/off lengths in points; empty = solid).
public struct Stroke: Equatable, Sendable {
    public var color: Color
    public var width: Double
    public var dash: [Double]

    public init(color: Color, width: Double = 1, dash: [Double] = []) {
        self.color = color
        self.width = width
        self.dash = dash
    }
}

/// A font request: size in points and weight. The face is the renderer's
/// (DejaVu Sans for Cairo).
public struct Font: Equatable, Hashable, Sendable {
    public var size: Double
    public var bold: Bool

    public init(size: Double, bold: Bool = false) {
        self.size = size
        self.bold = bold
    }
}

/// Where the anchor point of a text sits on the text's box (before rotation).
public struct TextAnchor: Equatable, Sendable {
    public enum Horizontal: Sendable { case start, middle, end }
    public enum Vertical: Sendable { case top, middle, baseline, bottom }

    public var horizontal: Horizontal
    public var vertical: Vertical

    public init(_ horizontal: Horizontal, _ vertical: Vertical) {
        self.horizontal = horizontal
        self.vertical = vertical
    }

    /// Where the start of the baseline sits relative to the anchor point, before rotation,
    /// for text of these metrics (y down). Every renderer places text with it.
    public func baselineOffset(_ metrics: TextMetrics) -> (dx: Double, dy: Double) {
        let dx: Double
        switch horizontal {
        case .start: dx = 0
        case .middle: dx = -metrics.width / 2
        case .end: dx = -metrics.width
        }
        let dy: Double
        switch vertical {
        case .top: dy = metrics.ascent
        case .middle: dy = metrics.ascent - metrics.height / 2
        case .baseline: dy = 0
        case .bottom: dy = -metrics.descent
        }
        return (dx, dy)
    }

    public static let topStart = TextAnchor(.start, .top)
    public static let topMiddle = TextAnchor(.middle, .top)
    public static let middleStart = TextAnchor(.start, .middle)
    public static let middleEnd = TextAnchor(.end, .middle)
    public static let center = TextAnchor(.middle, .middle)
    public static let bottomMiddle = TextAnchor(.middle, .bottom)
}

/// The measured box of a single line of text: its advance width, and its height
/// from the top of the ascent to the bottom of the descent.
public struct TextMetrics: Equatable, Sendable {
    public var width: Double
    public var ascent: Double
    public var descent: Double
    public var height: Double { ascent + descent }

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }
}

/// The drawing surface chart layout draws through. Layout code knows only this
/// protocol; `CairoRenderer` draws with Cairo and `RecordingRenderer` records the calls
/// for tests.
///
/// Coordinates are points, y downwards. Angles are degrees, positive counter-clockwise
/// as the reader sees it (90 = text reading upwards).
public protocol Renderer: AnyObject {
    /// Fills an axis-aligned rectangle.
    func fillRect(_ rect: Rect, color: Color)
    /// Outlines an axis-aligned rectangle.
    func strokeRect(_ rect: Rect, stroke: Stroke)
    /// Draws an open polyline through `points` (two points make a line segment).
    func drawPolyline(_ points: [Point], stroke: Stroke)
    /// Fills a closed polygon.
    func fillPolygon(_ points: [Point], color: Color)
    /// Draws a circle of `radius` at every centre, filled and/or outlined, in one batch.
    func drawCircles(_ centers: [Point], radius: Double, fill: Color?, stroke: Stroke?)
    /// Draws one line of text, positioned by `anchor` at `point` and rotated about it.
    func drawText(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double)
    /// Measures one line of text as `drawText` would draw it.
    func measureText(_ text: String, font: Font) -> TextMetrics
    /// Restricts drawing to `rect` until the matching `popClip`.
    func pushClip(_ rect: Rect)
    /// Ends the innermost `pushClip`.
    func popClip()
}

extension Renderer {
    /// Draws a straight segment.
    public func drawLine(from start: Point, to end: Point, stroke: Stroke) {
        drawPolyline([start, end], stroke: stroke)
    }

    /// Draws text without rotation.
    public func drawText(_ text: String, at point: Point, font: Font, color: Color = .ink, anchor: TextAnchor) {
        drawText(text, at: point, font: font, color: color, anchor: anchor, rotation: 0)
    }
}
