import CCairo
import GroupingCharts
import XCTest

final class CairoRendererTests: XCTestCase {
    private func withRenderer(_ body: (CairoRenderer, OpaquePointer) throws -> Void) rethrows {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100)!
        let context = cairo_create(surface)!
        defer {
            cairo_destroy(context)
            cairo_surface_destroy(surface)
        }
        try body(CairoRenderer(context: context), context)
    }

    func testMeasuresDejaVuText() {
        withRenderer { renderer, _ in
            let regular = renderer.measureText("Música & <Arte>", font: Font(size: 10))
            let bold = renderer.measureText("Música & <Arte>", font: Font(size: 10, bold: true))
            XCTAssertGreaterThan(regular.width, 40)
            XCTAssertLessThan(regular.width, 120)
            XCTAssertGreaterThan(bold.width, regular.width)
            XCTAssertGreaterThan(regular.ascent, 5)
            XCTAssertGreaterThan(regular.descent, 0)
            XCTAssertEqual(renderer.measureText("", font: Font(size: 10)).width, 0)
            let twice = renderer.measureText("Ästhetik", font: Font(size: 20)).width
            XCTAssertEqual(twice, 2 * renderer.measureText("Ästhetik", font: Font(size: 10)).width, accuracy: 1.5)
        }
    }

    func testDrawsEveryPrimitiveWithoutError() {
        withRenderer { renderer, context in
            renderer.fillRect(Rect(x: 1, y: 1, width: 10, height: 10), color: Palette.blue.withAlpha(0.5))
            renderer.strokeRect(Rect(x: 1, y: 1, width: 10, height: 10), stroke: Stroke(color: .ink, dash: [2, 2]))
            renderer.drawPolyline(
                [Point(x: 0, y: 0), Point(x: 50, y: 50), Point(x: 90, y: 10)], stroke: Stroke(color: .ink))
            renderer.fillPolygon([Point(x: 0, y: 0), Point(x: 5, y: 9), Point(x: 9, y: 0)], color: .black)
            renderer.drawCircles(
                [Point(x: 20, y: 20), Point(x: 30, y: 30)], radius: 3, fill: .black, stroke: Stroke(color: .white))
            renderer.pushClip(Rect(x: 0, y: 0, width: 100, height: 50))
            renderer.drawText(
                "Ästhetik & <Arte>", at: Point(x: 50, y: 50), font: Font(size: 10), color: .ink, anchor: .center,
                rotation: 45)
            renderer.popClip()
            XCTAssertEqual(cairo_status(context), CAIRO_STATUS_SUCCESS)
        }
    }

    /// Text is placed by its anchor: the ink of a text anchored at its end lies left of the point.
    func testAnchorPlacesInk() throws {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 40)!
        let context = cairo_create(surface)!
        let renderer = CairoRenderer(context: context)
        renderer.fillRect(Rect(x: 0, y: 0, width: 200, height: 40), color: .white)
        renderer.drawText(
            "WWWW", at: Point(x: 100, y: 20), font: Font(size: 14), color: .black, anchor: .middleEnd, rotation: 0)
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = cairo_image_surface_get_data(surface)!
        func dark(_ x: Int, _ y: Int) -> Bool { data[y * stride + x * 4] < 128 }
        let leftInk = (60..<100).contains { x in (10..<30).contains { y in dark(x, y) } }
        let rightInk = (102..<200).contains { x in (0..<40).contains { y in dark(x, y) } }
        XCTAssertTrue(leftInk)
        XCTAssertFalse(rightInk)
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }
}
