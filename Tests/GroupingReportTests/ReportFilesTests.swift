import Foundation
import GroupingCharts
import XCTest

@testable import GroupingReport

final class ReportFilesTests: XCTestCase {
    /// Three real charts, one of which the document does not place (the fake results have
    /// no candidate called "unplaced").
    func charts() -> [ReportChart] {
        ChartRendering.reportCharts([
            PlannedChart(
                id: "elbow", section: .elbow, caption: "Inertia by k.",
                chart: PlaybookCharts.elbow(ks: [2, 3, 4], inertias: [9, 5, 4.5], chosenK: 3)),
            PlannedChart(
                id: "unplaced-sizes", section: .phase1Sizes(candidate: "unplaced"), caption: "Sizes.",
                chart: PlaybookCharts.groupSizes(
                    candidate: "unplaced", labels: ["a", "b"], counts: [40, 3], minGroupSize: 15)),
            PlannedChart(
                id: "loo-comparison", section: .looComparison, caption: "elpd differences.",
                chart: PlaybookCharts.elpdComparison(
                    models: ["genre", "ungrouped"], differences: [0, 3.5], dse: [0, 1.2], baseline: "ungrouped")),
        ])
    }

    func testEveryOutputArrivesInAFixedOrderWithEveryChartsFiles() throws {
        let charts = charts()
        let document = ReportDocument(results: SampleResults.full(), charts: charts, context: ReportFixtures.context)
        let files = try ReportFiles.render(
            document, charts: charts, .init(html: "report.html", templates: .builtIn(), pdf: "report.pdf", pngScale: 1))
        XCTAssertEqual(
            files.map(\.path),
            [
                "report.html", "report.pdf", "charts/elbow.svg", "charts/elbow.png", "charts/unplaced-sizes.svg",
                "charts/unplaced-sizes.png", "charts/loo-comparison.svg", "charts/loo-comparison.png",
            ])
        let bytes = Dictionary(uniqueKeysWithValues: files.map { ($0.path, [UInt8]($0.data)) })
        XCTAssertEqual(Array(bytes["report.pdf"]!.prefix(5)), Array("%PDF-".utf8))
        XCTAssertEqual(Array(bytes["charts/elbow.png"]!.prefix(4)), [0x89, 0x50, 0x4e, 0x47], "a PNG signature")
        // The SVG file is the inline markup the page carries, as a document.
        let svg = String(decoding: bytes["charts/elbow.svg"]!, as: UTF8.self)
        XCTAssertEqual(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + charts[0].svg)
        let html = String(decoding: bytes["report.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains(charts[0].svg), "the elbow chart is inlined as rendered")
    }

    func testOnlyTheRequestedOutputsAreRendered() throws {
        let charts = charts()
        let document = ReportDocument(results: SampleResults.full(), charts: charts, context: ReportFixtures.context)
        let pdfOnly = try ReportFiles.render(
            document, charts: charts, .init(html: nil, templates: .builtIn(), pdf: "x.pdf", chartFiles: false))
        XCTAssertEqual(pdfOnly.map(\.path), ["x.pdf"])
        let htmlOnly = try ReportFiles.render(
            document, charts: [], .init(html: "x.html", templates: .builtIn(), pdf: nil))
        XCTAssertEqual(htmlOnly.map(\.path), ["x.html"])
    }

    func testTheBytesDoNotDependOnScheduling() throws {
        let charts = charts()
        let document = ReportDocument(results: SampleResults.full(), charts: charts, context: ReportFixtures.context)
        let request = ReportFiles.Request(html: "report.html", templates: try .builtIn(), pdf: nil, pngScale: 1)
        let first = try ReportFiles.render(document, charts: charts, request)
        let second = try ReportFiles.render(document, charts: charts, request)
        XCTAssertEqual(first.map(\.data), second.map(\.data))
    }
}
