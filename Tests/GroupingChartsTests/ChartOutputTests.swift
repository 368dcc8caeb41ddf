import CCairo
import Foundation
import GroupingCharts
import XCTest

/// Each output format yields a valid, non-empty file. Images are never byte-compared.
final class ChartOutputTests: XCTestCase {
    /// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian), after checking
    /// the 8-byte signature and that the first chunk is IHDR.
    private func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            String(decoding: bytes[12..<16], as: UTF8.self) == "IHDR"
        else { return nil }
        func int(_ offset: Int) -> Int { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    func testPNGHasTwiceTheSizeInPixels() throws {
        let png = try ChartOutput.png(Gallery.genreBoxes(), width: 600, height: 380, scale: 2)
        let size = try XCTUnwrap(pngSize(png))
        XCTAssertEqual(size.0, 1200)
        XCTAssertEqual(size.1, 760)
        XCTAssertGreaterThan(png.count, 10_000)
    }

    func testPNGUsesPreferredHeight() throws {
        let chart = Gallery.manyGroupBoxes()
        let size = try XCTUnwrap(pngSize(try ChartOutput.png(chart, width: 500, scale: 1)))
        XCTAssertEqual(size.0, 500)
        XCTAssertEqual(Double(size.1), chart.preferredHeight(forWidth: 500))
    }

    func testSVGParsesAsXMLIncludingEscapedLabels() throws {
        // Labels with & < and non-ASCII letters are written as escaped text; the document stays valid.
        let svg = ChartOutput.svg(Gallery.genreBoxes(), width: 600)
        XCTAssertTrue(String(decoding: svg.prefix(5), as: UTF8.self) == "<?xml")
        let document = try XCTUnwrap(ParsedSVG(svg), "SVG must parse as XML")
        XCTAssertEqual(document.elements.first?.name, "svg")
        XCTAssertEqual(document.elements.first?.attributes["width"], "600")
        XCTAssertEqual(document.elements.first?.attributes["viewBox"], "0 0 600 372")
        // The long label wraps onto two lines, each its own text.
        XCTAssertTrue(document.texts.joined(separator: " ").contains("Música & <Arte>"), "\(document.texts)")
    }

    func testInlineMarkupHasNoDeclarationAndEveryIdUnderThePrefix() throws {
        let svg = ChartOutput.svgMarkup(Gallery.forest(), width: 500, idPrefix: "c7-")
        XCTAssertTrue(svg.hasPrefix("<svg "))
        let parsed = try XCTUnwrap(ParsedSVG(svg))
        XCTAssertFalse(parsed.ids.isEmpty, "the title, the description and the plot's clip have ids")
        XCTAssertTrue(parsed.ids.allSatisfy { $0.hasPrefix("c7-") }, "\(parsed.ids)")
        XCTAssertTrue(Set(parsed.references).isSubset(of: Set(parsed.ids)), "dangling reference")
        XCTAssertEqual(
            ChartOutput.svgDocument(markup: svg), ChartOutput.svg(Gallery.forest(), width: 500, idPrefix: "c7-"),
            "the file is the inline markup after an XML declaration")
    }

    func testPDFStartsWithSignature() throws {
        let pdf = try ChartOutput.pdf(Gallery.elbow(), width: 500)
        XCTAssertEqual(Array(pdf.prefix(4)), Array("%PDF".utf8))
        XCTAssertGreaterThan(pdf.count, 1000)
    }

    /// Draws two charts onto one page of a caller's PDF surface, as the report does.
    func testDrawOntoACallersPDFPage() throws {
        let url = GalleryTests.folder.appendingPathComponent("page.pdf")
        let surface = try XCTUnwrap(cairo_pdf_surface_create(url.path, 595, 842))
        let context = try XCTUnwrap(cairo_create(surface))
        ChartOutput.draw(Gallery.genreBoxes(), context: context, x: 40, y: 40, width: 515, height: 330)
        ChartOutput.draw(Gallery.forest(), context: context, x: 40, y: 400, width: 515, height: 300)
        cairo_show_page(context)
        XCTAssertEqual(cairo_status(context), CAIRO_STATUS_SUCCESS)
        cairo_destroy(context)
        cairo_surface_finish(surface)
        cairo_surface_destroy(surface)
        let bytes = try Data(contentsOf: url)
        XCTAssertEqual(Array(bytes.prefix(4)), Array("%PDF".utf8))
    }

    func testEveryChartRendersToEveryFormat() throws {
        let charts: [Chart] = [
            Gallery.genreBoxes(), Gallery.elbow(), Gallery.forest(), Gallery.scatter(500), Gallery.sizes(),
            Gallery.loo(),
        ]
        for chart in charts {
            XCTAssertNotNil(pngSize(try ChartOutput.png(chart, width: 400)), chart.title)
            XCTAssertNotNil(ParsedSVG(ChartOutput.svg(chart, width: 400)), chart.title)
            XCTAssertEqual(Array(try ChartOutput.pdf(chart, width: 400).prefix(4)), Array("%PDF".utf8), chart.title)
        }
    }
}
