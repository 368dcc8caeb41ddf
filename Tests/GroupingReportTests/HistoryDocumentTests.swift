import Foundation
import GroupingCore
import XCTest

@testable import GroupingReport

final class HistoryDocumentTests: XCTestCase {
    func snapshot(_ json: String) -> Snapshot {
        try! JSONDecoder().decode(Snapshot.self, from: Data(json.utf8))
    }

    /// A schema 1 snapshot, a schema 2 one, and a schema 2 one whose genre model was skipped.
    func history() -> SnapshotHistory {
        let schema1 = snapshot(
            #"{"schema_version": 1, "snapshot_date": "2025-03-31", "recommendation": {"decision": "use_hbm", "grouping": "genre"}, "candidates": [{"name": "genre", "quality_score": 44, "hbm": {"loo": {"elpd": -100}, "coverage": {"hbm": 0.95}}}], "comparison": [{"name": "genre", "rank": 1, "elpd_loo": -100}]}"#
        )
        let schema2 = snapshot(
            #"{"schema_version": 2, "snapshot_date": "2025-06-30", "recommendation": {"decision": "use_hbm", "grouping": "genre"}, "candidates": [{"name": "genre", "quality_score": 47, "hbm": {"skipped": null, "true_share": 0.61, "loo_pit": {"verdict": "calibrated"}, "pooling": {"median": 0.4}, "versus_ungrouped": {"elpd_diff": 30, "dse": 6}}}], "comparison": [{"name": "genre", "rank": 1, "elpd_loo": -100, "elpd_diff": 0, "dse": 0}, {"name": "ungrouped", "rank": 2, "elpd_loo": -130, "elpd_diff": 30, "dse": 6}]}"#
        )
        let skipped = snapshot(
            #"{"schema_version": 2, "snapshot_date": "2025-09-30", "production": {"grouping": "genre"}, "recommendation": {"decision": "pool_ungrouped", "grouping": null}, "candidates": [{"name": "genre", "quality_score": 40, "hbm": {"skipped": "smallest group has 3 creators"}}], "comparison": [{"name": "ungrouped", "rank": 1, "elpd_loo": -90, "elpd_diff": 0, "dse": 0}]}"#
        )
        return SnapshotHistory([
            HistoryInput(file: "q3.json", snapshot: skipped, modified: nil),
            HistoryInput(file: "q1.json", snapshot: schema1, modified: nil),
            HistoryInput(file: "q2.json", snapshot: schema2, modified: nil),
        ])
    }

    func table(_ document: ReportDocument, _ id: String) -> ReportTable? {
        for section in document.sections {
            for case .table(let table) in section.blocks where table.id == id { return table }
        }
        return nil
    }

    func testSectionsTablesAndWhatIsNotAssessedOrSkipped() throws {
        let document = ReportDocument(
            history: history(), charts: [], context: ReportContext(generatedAt: Date(timeIntervalSince1970: 0)))
        XCTAssertEqual(document.sections.map(\.id), ["verdict", "trend", "alerts", "snapshots"])
        XCTAssertEqual(document.title, "Quarterly re-validation: genre")
        XCTAssertTrue(document.scopeLine.contains("recorded under production.grouping"), document.scopeLine)
        let loo = try XCTUnwrap(table(document, "history-loo"))
        XCTAssertEqual(loo.rows.map { $0[0].text }, ["2025-03-31", "2025-06-30", "2025-09-30"])
        // Schema 1 has no true_share; the skipped snapshot's model fields say so.
        XCTAssertEqual(loo.rows[0][2].text, "not assessed")
        XCTAssertEqual(loo.rows[1][2].text, "61.0%")
        XCTAssertEqual(loo.rows[2][2].text, "skipped")
        XCTAssertEqual(loo.rows[2][1].text, "40.0%", "the quality score exists without a model")
        let decisions = try XCTUnwrap(table(document, "history-decisions"))
        XCTAssertEqual(decisions.rows[2][3].text, "skipped")
        let calibration = try XCTUnwrap(table(document, "history-calibration"))
        XCTAssertEqual(calibration.rows[0][2].text, "not assessed")
        XCTAssertEqual(calibration.rows[1][2].text, "calibrated")
        guard case .recommendation(let verdict) = document.sections[0].blocks[0] else {
            return XCTFail("the verdict opens the report")
        }
        XCTAssertEqual(verdict.badge.text, "changed")
    }

    func testItRendersToHTMLAndPDFWithItsCharts() throws {
        let history = history()
        let charts = ChartRendering.reportCharts(HistoryCharts.plan(history))
        XCTAssertEqual(
            charts.map(\.id),
            [
                "history-between-share", "history-loo-margins", "history-coverage", "history-pooling",
            ])
        let document = ReportDocument(
            history: history, charts: charts, context: ReportContext(generatedAt: Date(timeIntervalSince1970: 0))
        )
        let html = try HTMLReport.render(document, templates: .builtIn())
        XCTAssertTrue(html.contains("Quarterly re-validation: genre"))
        XCTAssertTrue(html.contains("<svg"))
        XCTAssertFalse(html.contains("NaN"))
        let pdf = try PDFReport.render(document)
        XCTAssertEqual(Array(pdf.prefix(5)), Array("%PDF-".utf8))
    }

    func testChartAxisLabelsAreShortWhenEverySnapshotHasItsOwnMonth() {
        XCTAssertEqual(HistoryCharts.axisLabels(["2025-03-31", "2025-06-30"]), ["Mar 2025", "Jun 2025"])
        XCTAssertEqual(HistoryCharts.axisLabels(["2025-03-01", "2025-03-31"]), ["2025-03-01", "2025-03-31"])
        XCTAssertEqual(HistoryCharts.axisLabels(["unknown"]), ["unknown"])
    }
}
