import Foundation
import GroupingCore
import XCTest

@testable import GroupingReport

final class ProductionSectionTests: XCTestCase {
    func document(_ results: Results) -> ReportDocument {
        ReportDocument(results: results, charts: [], context: ReportFixtures.context)
    }

    func testWithoutProductionTheReportIsUnchanged() {
        XCTAssertFalse(document(SampleResults.full()).sections.contains { $0.id == "production" || $0.id == "previous" })
    }

    func testTheProductionCheckOpensTheReportAndThePreviousSnapshotHasItsSection() throws {
        var results = SampleResults.full()
        let previous = try JSONDecoder().decode(
            Snapshot.self,
            from: Data(
                #"{"schema_version": 2, "snapshot_date": "2026-08-31", "recommendation": {"decision": "use_hbm", "grouping": "size_quartile"}, "candidates": [{"name": "genre", "quality_score": 10}, {"name": "size_quartile", "quality_score": 44}], "comparison": []}"#
                    .utf8))
        results.production = ProductionCheck(
            config: ProductionConfig(grouping: "size_quartile", previous: "q3/results.json"), results: results,
            review: ReviewConfig(), previous: PreviousSnapshot(file: "q3/results.json", snapshot: previous))
        let sections = document(results).sections
        XCTAssertEqual(sections.first?.id, "production")
        XCTAssertEqual(sections[1].id, "executive-summary")
        XCTAssertEqual(sections[2].id, "summary")
        XCTAssertEqual(sections[3].id, "previous")
        guard case .recommendation(let view) = sections[0].blocks[0] else { return XCTFail("no statement") }
        let recommended = try XCTUnwrap(results.recommendation?.grouping)
        XCTAssertEqual(view.headline, "Switch from size_quartile to \(recommended).")
        XCTAssertEqual(view.badge.text, "switch")
        XCTAssertTrue(view.reasons.contains { $0.hasPrefix("LOO: size_quartile predicts left-out creators worse than") })
        let html = try HTMLReport.render(document(results), templates: .builtIn())
        XCTAssertTrue(html.contains("Does the production grouping still hold?"))
        XCTAssertTrue(html.contains("q3/results.json"))
        XCTAssertFalse(html.contains("NaN"))
    }
}
