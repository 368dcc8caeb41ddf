import GroupingCore
import XCTest

@testable import GroupingReport

/// Phase 1's group tables and variance facts, in the units a reader expects.
final class Phase1SectionTests: XCTestCase {
    func testALiftReadsInPercentWithItsSpreadInPercentagePoints() {
        // mean, std, min, max of two groups, as fractions.
        let columns = ReportBuilder.liftColumns([0.096, 0.044, -0.019, 0.233, 0.004, nil, 0.004, 0.004])
        XCTAssertEqual(columns, ["9.6%", "4.4 pp", "-1.9%", "23.3%", "0.4%", "—", "0.4%", "0.4%"])
    }

    func testTheGroupTableUsesPercentForALiftOnly() throws {
        var results = SampleResults.full()
        XCTAssertEqual(results.outcome.kind, "lift")
        let builder = ReportBuilder(results: results, charts: [], context: ReportFixtures.context)
        let candidate = try XCTUnwrap(results.candidates.first { !$0.groups.isEmpty })
        let lift = builder.groupTable(candidate)
        XCTAssertTrue(lift.rows[0][2].text.hasSuffix("%"), lift.rows[0][2].text)
        XCTAssertTrue(lift.rows[0][3].text.hasSuffix(" pp"), lift.rows[0][3].text)
        XCTAssertTrue(lift.caption.contains("percentage points"))
        results.outcome.kind = "column"
        let plain = ReportBuilder(results: results, charts: [], context: ReportFixtures.context).groupTable(candidate)
        XCTAssertFalse(plain.rows[0][2].text.contains("%"), plain.rows[0][2].text)
        XCTAssertFalse(plain.caption.contains("percentage points"))
    }

    func testSharesAboveOneHundredPercentInAllAreExplained() throws {
        let results = SampleResults.full()
        let builder = ReportBuilder(results: results, charts: [], context: ReportFixtures.context)
        var candidate = try XCTUnwrap(results.candidates.first)
        candidate.variance = VarianceResult(total: 0.0034, between: 0.0018, within: 0.0021)
        XCTAssertTrue(builder.varianceFacts(candidate).contains { $0.key == "Why the shares add up to more than 100%" })
        candidate.variance = VarianceResult(total: 0.0034, between: 0.0014, within: 0.0020)
        XCTAssertFalse(builder.varianceFacts(candidate).contains { $0.key.hasPrefix("Why") })
    }
}
