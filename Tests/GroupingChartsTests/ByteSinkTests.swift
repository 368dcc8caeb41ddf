import CCairo
import XCTest

@testable import GroupingCharts

final class ByteSinkTests: XCTestCase {
    func testCollectsASVGDocumentInMemory() throws {
        let result = try XCTUnwrap(
            ByteSink.collect(
                create: { write, closure in cairo_svg_surface_create_for_stream(write, closure, 40, 30) },
                draw: { surface in
                    let context = cairo_create(surface)!
                    defer { cairo_destroy(context) }
                    cairo_rectangle(context, 5, 5, 10, 10)
                    cairo_fill(context)
                }))
        XCTAssertEqual(result.status, CAIRO_STATUS_SUCCESS)
        let text = String(decoding: result.bytes, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("<?xml"), String(text.prefix(40)))
        XCTAssertTrue(text.contains("<svg"))
        XCTAssertTrue(text.hasSuffix("</svg>\n"), "finished: the surface was flushed before collecting")
    }

    func testCollectsAPDFDocument() throws {
        let result = try XCTUnwrap(
            ByteSink.collect(
                create: { write, closure in cairo_pdf_surface_create_for_stream(write, closure, 100, 100) },
                draw: { surface in
                    let context = cairo_create(surface)!
                    cairo_show_page(context)
                    cairo_destroy(context)
                }))
        XCTAssertEqual(result.status, CAIRO_STATUS_SUCCESS)
        XCTAssertEqual(Array(result.bytes.prefix(5)), Array("%PDF-".utf8))
        XCTAssertTrue(String(decoding: result.bytes.suffix(8), as: UTF8.self).contains("%%EOF"))
    }

    func testNoSurfaceGivesNil() {
        var drew = false
        let result = ByteSink.collect(create: { _, _ in nil }, draw: { _ in drew = true })
        XCTAssertNil(result)
        XCTAssertFalse(drew, "nothing to draw on")
    }

    func testErrorsFromDrawingPropagate() {
        struct Stop: Error {}
        XCTAssertThrowsError(
            try ByteSink.collect(
                create: { write, closure in cairo_svg_surface_create_for_stream(write, closure, 10, 10) },
                draw: { _ in throw Stop() })
        ) { error in XCTAssertTrue(error is Stop) }
    }

    func testTheCallbackAppendsEveryChunkAndRefusesANullClosure() {
        let sink = ByteSink()
        let first: [UInt8] = [1, 2, 3]
        let second: [UInt8] = [4]
        XCTAssertEqual(
            first.withUnsafeBufferPointer { ByteSink.write(sink.opaque, $0.baseAddress, 3) }, CAIRO_STATUS_SUCCESS)
        XCTAssertEqual(
            second.withUnsafeBufferPointer { ByteSink.write(sink.opaque, $0.baseAddress, 1) }, CAIRO_STATUS_SUCCESS)
        XCTAssertEqual(sink.bytes, [1, 2, 3, 4])
        XCTAssertEqual(
            first.withUnsafeBufferPointer { ByteSink.write(nil, $0.baseAddress, 3) }, CAIRO_STATUS_WRITE_ERROR)
        XCTAssertEqual(ByteSink.write(sink.opaque, nil, 0), CAIRO_STATUS_WRITE_ERROR)
        XCTAssertEqual(sink.bytes, [1, 2, 3, 4])
    }
}
