/// A renderer that draws nothing and measures text through another renderer: used to lay
/// a chart out once before drawing it for real.
final class MeasuringRenderer: Renderer {
    private let measurer: Renderer

    init(measuringWith measurer: Renderer) {
        self.measurer = measurer
    }

    func fillRect(_ rect: Rect, color: Color) {}
    func strokeRect(_ rect: Rect, stroke: Stroke) {}
    func drawPolyline(_ points: [Point], stroke: Stroke) {}
    func fillPolygon(_ points: [Point], color: Color) {}
    func drawCircles(_ centers: [Point], radius: Double, fill: Color?, stroke: Stroke?) {}
    func drawText(_ text: String, at point: Point, font: Font, color: Color, anchor: TextAnchor, rotation: Double) {}
    func pushClip(_ rect: Rect) {}
    func popClip() {}

    func measureText(_ text: String, font: Font) -> TextMetrics {
        measurer.measureText(text, font: font)
    }
}
