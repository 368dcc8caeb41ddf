import GroupingCore
import XCTest

@testable import GroupingReport

/// The methods appendix's thresholds table, read from `ThresholdDefinition.all`.
final class MethodsSectionTests: XCTestCase {
    func testTheThresholdsTableListsEveryThresholdAndMarksOverrides() {
        var results = SampleResults.full()
        results.thresholds.minGroupSize = 20
        let table = ReportBuilder(results: results, charts: [], context: ReportFixtures.context).thresholdsTable()
        XCTAssertEqual(table.rows.map(\.[0].text), ThresholdDefinition.all.map(\.key))
        let byKey = Dictionary(uniqueKeysWithValues: table.rows.map { ($0[0].text, $0) })
        XCTAssertEqual(byKey["min_group_size"]?[1].text, "20 *")
        XCTAssertEqual(byKey["min_group_size"]?[2].text, "Smallest group for the checklist (default 15)")
        XCTAssertEqual(byKey["quality_poor"]?[1].text, "20%")
        XCTAssertEqual(byKey["coverage"]?[1].text, "93%")
        XCTAssertEqual(byKey["looic_strong"]?[3].text, "d_loo > 4: Strong evidence for better model")
        XCTAssertEqual(byKey["calibration_p"]?[3].text, "—")
        XCTAssertEqual(byKey["calibration_p"]?[4].text, "calibration")
        XCTAssertTrue(table.columns.count == table.rows[0].count)
    }

    func testPriorsReadAtThreeSignificantDigits() {
        XCTAssertEqual(ReportBuilder.shortNumbers("Normal(0, 0.533076)"), "Normal(0, 0.533)")
        XCTAssertEqual(ReportBuilder.shortNumbers("HalfNormal(0.106615)"), "HalfNormal(0.107)")
        XCTAssertEqual(ReportBuilder.shortNumbers("HalfNormal(1.5e-05)"), "HalfNormal(1.5e-5)")
        XCTAssertEqual(ReportBuilder.shortNumbers("s = sample sd of effect_hat"), "s = sample sd of effect_hat")
    }
}
