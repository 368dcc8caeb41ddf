/// A renderer that draws nothing and records every call, for tests of chart geometry.
///
/// Its text measure is by default a fixed per-character model (every character is
/// `characterWidth · size` wide, `0.6` regular and `0.65` bold; ascent `0.8 · size`,
/// descent `0.2 · size`), so layout tests do not depend on the fonts installed. A
/// measuring function can be given instead (e.g. a `CairoRenderer`'s, to check layout
/// under the real font).
public final class RecordingRenderer: Renderer {
    /// One recorded drawing call.
    public enum Command: Equatable {
        case fillRect(Rect, Color)
        case strokeRect(Rect, Stroke)
        case polyline([Point], Stroke)
        case polygon([Point], Color)
        case circles([Point], radius: Double, fill: Color?, stroke: Stroke?)
        case text(RecordedText)
        case pushClip(Rect)
        case popClip
    }

    /// A recorded `drawText` call with the box it covers under the measure model.
    public struct RecordedText: Equatable {
        public var text: String
        public var point: Point
        public var font: Font
        public var color: Color
        public var anchor: TextAnchor
        public var rotation: Double
        public var box: TextBox
    }

    public private(set) var commands: [Command] = []
    public let characterWidth: Double
    public let boldCharacterWidth: Double
    private let measure: ((String, Font) -> TextMetrics)?

    public init(characterWidth: Double = 0.6, boldCharacterWidth: Double = 0.65) {
        self.characterWidth = characterWidth
        self.boldCharacterWidth = boldCharacterWidth
        self.measure = nil
    }

    /// A recording renderer whose text measure is `measure`.
    public init(measure: @escaping (String, Font) -> TextMetrics) {
        self.characterWidth = 0.6
        self.boldCharacterWidth = 0.65
        self.measure = measure
    }

    public func fillRect(_ rect: Rect, color: Color) { commands.append(.fillRect(rect, color)) }
    public func strokeRect(_ rect: Rect, stroke: Stroke) { commands.append(.strokeRect(rect, stroke)) }
    public func drawPolyline(_ points: [Point], stroke: Stroke) { commands.append(.polyline(points, stroke)) }
    public func fillPolygon(_ points: [Point], color: Color) { commands.append(.polygon(points, color)) }
    public func drawCircles(_ centers: [Point], radius: Double, fill: Color?, stroke: Stroke?) {
        commands.append(.circles(centers, radius: radius, fill: fill, stroke: stroke))
    }
    public func pushClip(_ rect: Rect) { commands.append(.pushClip(rect)) }
    public func popClip() { commands.append(.popClip) }

    public func drawText(
        _ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double
    ) {
        let box = TextBox(metrics: measureText(text, font: font), at: point, anchor: anchor, rotation: rotation)
        commands.append(
            .text(
                RecordedText(
                    text: text, point: point, font: font, color: color, anchor: anchor, rotation: rotation, box: box)))
    }

    public func measureText(_ text: String, font: Font) -> TextMetrics {
        if let measure { return measure(text, font) }
        let perCharacter = font.bold ? boldCharacterWidth : characterWidth
        return TextMetrics(
            width: Double(text.count) * perCharacter * font.size, ascent: 0.8 * font.size, descent: 0.2 * font.size)
    }

    // MARK: Queries for tests

    /// A recording of only the calls made inside clip regions (the plot's marks, without
    /// legend swatches, axes or labels).
    public func insideClips() -> RecordingRenderer {
        let inside =
            measure.map { RecordingRenderer(measure: $0) }
            ?? RecordingRenderer(characterWidth: characterWidth, boldCharacterWidth: boldCharacterWidth)
        var depth = 0
        for command in commands {
            switch command {
            case .pushClip: depth += 1
            case .popClip: depth -= 1
            default: if depth > 0 { inside.commands.append(command) }
            }
        }
        return inside
    }

    /// All recorded texts, in drawing order.
    public var texts: [RecordedText] {
        commands.compactMap { if case .text(let text) = $0 { return text } else { return nil } }
    }

    /// All recorded filled rectangles.
    public var filledRects: [(Rect, Color)] {
        commands.compactMap { if case .fillRect(let rect, let color) = $0 { return (rect, color) } else { return nil } }
    }

    /// All recorded outlined rectangles.
    public var strokedRects: [(Rect, Stroke)] {
        commands.compactMap {
            if case .strokeRect(let rect, let stroke) = $0 { return (rect, stroke) } else { return nil }
        }
    }

    /// All recorded polylines.
    public var polylines: [([Point], Stroke)] {
        commands.compactMap {
            if case .polyline(let points, let stroke) = $0 { return (points, stroke) } else { return nil }
        }
    }

    /// All recorded polygons.
    public var polygons: [([Point], Color)] {
        commands.compactMap {
            if case .polygon(let points, let color) = $0 { return (points, color) } else { return nil }
        }
    }

    /// Every circle centre drawn, over all batches.
    public var circleCenters: [Point] {
        commands.flatMap { if case .circles(let centers, _, _, _) = $0 { return centers } else { return [] } }
    }

    /// Whether any recorded text contains `fragment`.
    public func hasText(containing fragment: String) -> Bool {
        texts.contains { $0.text.contains(fragment) }
    }
}
