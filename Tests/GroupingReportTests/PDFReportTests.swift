import XCTest

@testable import GroupingReport

final class PDFReportTests: XCTestCase {
    func testRendersAPDFWithMetadata() throws {
        let bytes = try PDFReport.render(ReportFixtures.fullDocument())
        XCTAssertEqual(Array(bytes.prefix(4)), Array("%PDF".utf8))
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(
            text.contains("/CreationDate (20261118110640Z)") || text.contains("/CreationDate (D:20261118110640"),
            "creation date from the run")
        XCTAssertTrue(text.contains("%%EOF"))
        ReportFixtures.prepareOutputFolder()
        ReportFixtures.save(bytes, as: "report.pdf")
    }

    func testSameDocumentGivesTheSameBytes() throws {
        let first = try PDFReport.render(ReportFixtures.explorationDocument())
        let second = try PDFReport.render(ReportFixtures.explorationDocument())
        XCTAssertEqual(first, second)
    }

    func testLetterAndExplorationReport() throws {
        let bytes = try PDFReport.render(ReportFixtures.explorationDocument(), paper: .letter)
        XCTAssertEqual(Array(bytes.prefix(4)), Array("%PDF".utf8))
        XCTAssertTrue(String(decoding: bytes, as: UTF8.self).contains("/MediaBox [ 0 0 612 792 ]"))
        ReportFixtures.prepareOutputFolder()
        ReportFixtures.save(bytes, as: "exploration.pdf")
    }
}
