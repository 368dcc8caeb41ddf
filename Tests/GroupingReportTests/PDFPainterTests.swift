import CCairo
import Foundation
import GroupingCharts
import XCTest

@testable import GroupingReport

/// The painter draws with Cairo directly (no `Renderer`), so its geometry is read back from
/// pixels of an image surface at 1 px per point: solid fills at chosen rectangles, rules at
/// their y, nothing where nothing belongs. Colours are compared exactly only inside solid
/// fills; antialiased edges are only required to differ from the white page. Text is read
/// back from a PDF with pdftotext when poppler is installed.
final class PDFPainterTests: XCTestCase {
    static let width = 300.0
    static let height = 400.0

    private func makeLayout() -> PDFLayout {
        PDFLayout(pageWidth: Self.width, pageHeight: Self.height, measurer: FixedWidthMeasurer())
    }

    /// Paints `layout` (every page onto the same image) over a white page; returns a pixel reader.
    private func paintImage(_ layout: PDFLayout, title: String = "T", footer: String = "F") -> Pixels {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(Self.width), Int32(Self.height))!
        let context = cairo_create(surface)!
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_paint(context)
        PDFPainter(context: context, layout: layout, title: title, footerNote: footer).paint()
        cairo_destroy(context)
        cairo_surface_flush(surface)
        return Pixels(surface: surface)
    }

    final class Pixels {
        let surface: OpaquePointer
        init(surface: OpaquePointer) { self.surface = surface }
        deinit { cairo_surface_destroy(surface) }

        /// The colour of the pixel covering (x, y), as 0xRRGGBB.
        func at(_ x: Double, _ y: Double) -> UInt32 {
            let data = cairo_image_surface_get_data(surface)!
            let stride = Int(cairo_image_surface_get_stride(surface))
            let pixel = data.advanced(by: Int(y) * stride + Int(x) * 4).withMemoryRebound(to: UInt32.self, capacity: 1)
            {
                $0.pointee
            }
            return pixel & 0xFF_FFFF
        }
    }

    private static let white: UInt32 = 0xFF_FFFF
    private static func hex(_ color: PDFColor) -> UInt32 {
        (UInt32((color.red * 255).rounded()) << 16) | (UInt32((color.green * 255).rounded()) << 8)
            | UInt32((color.blue * 255).rounded())
    }

    // MARK: Elements

    func testABoxFillsItsRectangleWithItsBarOnTheLeft() {
        var layout = makeLayout()
        let fill = PDFColor(hex: 0xCC0000)
        let bar = PDFColor(hex: 0x0000CC)
        layout.place(.box(fill: fill, bar: bar), x: 60, y: 100, width: 100, height: 40, role: .decoration)
        let pixels = paintImage(layout)
        XCTAssertEqual(pixels.at(110, 120), 0xCC0000)
        XCTAssertEqual(pixels.at(60, 100), 0x0000CC, "the bar: 3.5 pt from the left edge")
        XCTAssertEqual(pixels.at(62, 139), 0x0000CC)
        XCTAssertEqual(pixels.at(64, 120), 0xCC0000)
        XCTAssertEqual(pixels.at(159, 139), 0xCC0000, "the last pixel inside")
        XCTAssertEqual(pixels.at(59, 120), Self.white)
        XCTAssertEqual(pixels.at(160, 120), Self.white)
        XCTAssertEqual(pixels.at(110, 99), Self.white)
        XCTAssertEqual(pixels.at(110, 140), Self.white)
    }

    func testARuleIsAHorizontalLineOfItsWidth() {
        var layout = makeLayout()
        layout.place(
            .rule(color: PDFColor(hex: 0x00AA00), width: 2), x: 60, y: 200, width: 100, height: 1, role: .decoration)
        let pixels = paintImage(layout)
        XCTAssertEqual(pixels.at(100, 199), 0x00AA00, "2 pt wide about y = 200: rows 199 and 200")
        XCTAssertEqual(pixels.at(100, 200), 0x00AA00)
        XCTAssertEqual(pixels.at(100, 198), Self.white)
        XCTAssertEqual(pixels.at(100, 201), Self.white)
        XCTAssertEqual(pixels.at(59, 199), Self.white, "from x to x + width")
        XCTAssertEqual(pixels.at(160, 199), Self.white)
    }

    func testABadgeIsARoundedPill() {
        var layout = makeLayout()
        layout.place(
            .badge(text: "", tone: .negative, font: PDFStyle.tableCell), x: 100, y: 100, width: 60, height: 20,
            role: .decoration)
        let pixels = paintImage(layout)
        let fill = Self.hex(PDFStyle.colors(.negative).fill)
        XCTAssertEqual(pixels.at(130, 110), fill)
        XCTAssertEqual(pixels.at(100, 100), Self.white, "the corner is cut by the radius (height / 2)")
        XCTAssertEqual(pixels.at(159, 119), Self.white)
        XCTAssertEqual(pixels.at(101, 110), fill, "the middle of the rounded end reaches the edge")
    }

    func testTableRowsFillHeaderAndShadedRowsAndRuleTheirBottom() {
        var layout = makeLayout()
        let cell = PDFCellLines(lines: [], font: PDFStyle.tableCell, alignment: .leading, badge: nil)
        func row(header: Bool, shaded: Bool) -> PDFTableRow {
            PDFTableRow(
                cells: [cell, cell], columnX: [50, 150], columnWidth: [100, 100], isHeader: header, shaded: shaded,
                lineHeight: 10)
        }
        layout.place(
            .tableRow(row(header: true, shaded: false)), x: 50, y: 100, width: 200, height: 20, role: .decoration)
        layout.place(
            .tableRow(row(header: false, shaded: true)), x: 50, y: 140, width: 200, height: 20, role: .decoration)
        layout.place(
            .tableRow(row(header: false, shaded: false)), x: 50, y: 180, width: 200, height: 20, role: .decoration)
        let pixels = paintImage(layout)
        XCTAssertEqual(pixels.at(150, 110), Self.hex(PDFStyle.soft), "header fill")
        XCTAssertEqual(pixels.at(249, 110), Self.hex(PDFStyle.soft), "across both columns")
        XCTAssertEqual(pixels.at(250, 110), Self.white)
        XCTAssertEqual(pixels.at(150, 150), 0xFAFBFC, "shaded row")
        XCTAssertEqual(pixels.at(150, 190), Self.white, "plain row: no fill")
        // The bottom rules (at y + height) darken the pixel rows they cross.
        XCTAssertNotEqual(pixels.at(150, 120), Self.hex(PDFStyle.soft))
        XCTAssertNotEqual(pixels.at(150, 199) & pixels.at(150, 200), Self.white)
    }

    // MARK: Page furniture

    func testFooterRuleOnEveryPageHeaderRuleFromThePageAfterTheFirst() {
        // Footer rule at pageHeight − margin − lineHeight(7.5 pt) − 4 = 400 − 48 − 9.9 − 4 = 338.1;
        // header rule at margin + lineHeight + 3 = 60.9; both 0.6 wide, from 48 to 252.
        let single = paintImage(makeLayout())
        XCTAssertNotEqual(single.at(150, 338), Self.white, "footer rule")
        XCTAssertEqual(single.at(150, 336), Self.white)
        XCTAssertEqual(single.at(47, 338), Self.white, "inside the margins")
        XCTAssertEqual(single.at(253, 338), Self.white)
        XCTAssertEqual(single.at(150, 60), Self.white, "no running header on the first page")

        var twoPages = makeLayout()
        twoPages.newPage()
        XCTAssertEqual(twoPages.pageCount, 2)
        let both = paintImage(twoPages)
        XCTAssertNotEqual(both.at(150, 60), Self.white, "the second page's running header")
        XCTAssertEqual(both.at(47, 60), Self.white)
    }

    func testPageNumbersRunningHeaderAndFooterText() throws {
        let tool = "/usr/bin/pdftotext"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw XCTSkip("poppler-utils are not installed")
        }
        var layout = PDFLayout(pageWidth: Self.width, pageHeight: Self.height, measurer: CairoTextMeasurer())
        layout.section(ReportSection(id: "a", title: "Alpha", lead: "", blocks: []), number: "1", startsPage: false)
        layout.section(ReportSection(id: "b", title: "Beta", lead: "", blocks: []), number: "2", startsPage: true)
        layout.newPage()
        XCTAssertEqual(layout.pageCount, 3)
        let longTitle = "A report title far too long to fit beside the section in the running header of the page"
        let result = try XCTUnwrap(
            ByteSink.collect(
                create: { cairo_pdf_surface_create_for_stream($0, $1, Self.width, Self.height) },
                draw: { surface in
                    let context = cairo_create(surface)!
                    defer { cairo_destroy(context) }
                    PDFPainter(context: context, layout: layout, title: longTitle, footerNote: "Footer note").paint()
                }))
        XCTAssertEqual(result.status, CAIRO_STATUS_SUCCESS)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("painter-\(UUID().uuidString).pdf")
        try Data(result.bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let pages = try run(tool, [url.path, "-"]).components(separatedBy: "\u{0C}")
        XCTAssertGreaterThanOrEqual(pages.count, 3)
        for (index, page) in pages.prefix(3).enumerated() {
            XCTAssertTrue(page.contains("Page \(index + 1) of 3"), page)
            XCTAssertTrue(page.contains("Footer note"), page)
        }
        XCTAssertFalse(pages[0].contains("A report title"), "no running header on page 1")
        // Page 2 starts with section 2, so its header names it; page 3 inherits it.
        for page in pages[1...2] {
            XCTAssertTrue(page.contains("2 Beta"), page)
            XCTAssertTrue(page.contains("A report title"), page)
            XCTAssertTrue(page.contains("…"), "the title is shortened to leave room for the section: \(page)")
            XCTAssertFalse(page.contains(longTitle), page)
        }
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
