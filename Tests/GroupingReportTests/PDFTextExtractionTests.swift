import Foundation
import XCTest

@testable import GroupingReport

/// Reads the rendered PDF back with poppler's tools, when they are installed: the text is
/// selectable and in reading order, and every font is embedded.
final class PDFTextExtractionTests: XCTestCase {
    func testTextIsSelectableAndFontsEmbedded() throws {
        let tools = ["/usr/bin/pdftotext", "/usr/bin/pdffonts"]
        guard tools.allSatisfy(FileManager.default.isExecutableFile(atPath:)) else {
            throw XCTSkip("poppler-utils are not installed")
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).pdf")
        try Data(PDFReport.render(ReportFixtures.fullDocument())).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        let text = try run(tools[0], [url.path, "-"])
        // From page 3 on (after the executive summary and the contents), the sections in order.
        let body = try run(tools[0], ["-f", "3", url.path, "-"])
        let expectedOrder = [
            "Summary checklist for genre", "Criterion", "Candidates side by side", "Phase 5: Diagnostic checks",
            "Phase 1: Exploratory analysis", "E. Methods",
        ]
        let contents = try run(tools[0], ["-f", "2", "-l", "2", url.path, "-"])
        XCTAssertTrue(contents.contains("Contents") && contents.contains("Appendices"), contents)
        let positions = expectedOrder.map { body.range(of: $0)?.lowerBound }
        XCTAssertFalse(
            positions.contains(nil), "missing: \(zip(expectedOrder, positions).filter { $0.1 == nil }.map(\.0))")
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        XCTAssertTrue(text.contains(SampleResults.trickyLabel))

        let firstPage = try run(tools[0], ["-f", "1", "-l", "1", url.path, "-"])
        XCTAssertTrue(firstPage.contains("Executive summary"), firstPage)
        XCTAssertTrue(firstPage.contains("Use the hierarchical model grouped by genre"), firstPage)
        XCTAssertTrue(firstPage.contains("What to do next"), firstPage)
        XCTAssertFalse(firstPage.contains("Summary checklist for genre"), "the summary fills page 1 alone")

        let fonts = try run(tools[1], [url.path]).split(separator: "\n").dropFirst(2)
        XCTAssertFalse(fonts.isEmpty)
        for line in fonts {
            let columns = line.split(separator: " ", omittingEmptySubsequences: true)
            // name type [type…] encoding emb sub uni object ID: "emb" is the fifth field from the end.
            XCTAssertEqual(columns[columns.count - 5], "yes", "not embedded: \(line)")
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
