import GroupingCore
import XCTest

@testable import GroupingReport

/// Phase 4's tables.
final class Phase4SectionTests: XCTestCase {
    func testTheConvergenceTableListsTheUngroupedBaselineAfterTheCandidates() throws {
        var results = SampleResults.full()
        let fitted = try XCTUnwrap(results.candidates.compactMap(\.hbm).first { $0.diagnostics != nil })
        results.baseline = BaselineResult(hbm: fitted)
        let table = ReportBuilder(results: results, charts: [], context: ReportFixtures.context).convergenceTable()
        let names = table.rows.map(\.[0].text)
        XCTAssertEqual(names.last, "ungrouped")
        XCTAssertEqual(names.filter { $0 == "ungrouped" }.count, 1)
        XCTAssertTrue(table.caption.contains("ungrouped baseline"))
        results.baseline = nil
        let without = ReportBuilder(results: results, charts: [], context: ReportFixtures.context).convergenceTable()
        XCTAssertEqual(without.rows.count, table.rows.count - 1)
        XCTAssertFalse(without.rows.map(\.[0].text).contains("ungrouped"))
    }
}
