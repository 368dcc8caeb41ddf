import TestSupport
import XCTest

@testable import GroupingCore

final class PanelLayoutTests: XCTestCase {
    func testSortsByCreatorThenPeriod() throws {
        let panel = PanelObservations(
            creatorIDs: ["x", "y", "unused"], creatorCodes: [1, 0, 1, 0, 1], periods: [3, 2, 1, 1, 2],
            outcomes: [13, 2, 11, 1, 12], firstTreated: [2, .missing, 2, .missing, 2])
        let layout = try ImputationEstimator.PanelLayout(validating: panel)
        XCTAssertEqual(layout.periodValues, [1, 2, 3])
        XCTAssertEqual(layout.creatorStart, [0, 2, 5, 5])
        XCTAssertEqual(layout.period, [0, 1, 0, 1, 2])
        XCTAssertEqual(layout.outcome, [1, 2, 11, 12, 13])
        XCTAssertEqual(
            layout.firstTreated, [ImputationEstimator.PanelLayout.never, 2, ImputationEstimator.PanelLayout.never])
    }

    func testWidelySpreadPeriodsUseADictionary() throws {
        // Periods like 2026-01 … 2026-04 as yyyymm and one far-away period.
        let periods: [Double] = [202601, 202602, 202604, -5_000_000_000, 202601]
        let panel = PanelObservations(
            creatorIDs: ["a", "b"], creatorCodes: [0, 0, 0, 0, 1], periods: periods,
            outcomes: [1, 2, 3, 4, 5], firstTreated: [Double](repeating: .missing, count: 5))
        let layout = try ImputationEstimator.PanelLayout(validating: panel)
        XCTAssertEqual(layout.periodValues, [-5_000_000_000, 202601, 202602, 202604])
        XCTAssertEqual(layout.period, [0, 1, 2, 3, 1])
        XCTAssertEqual(layout.outcome, [4, 1, 2, 3, 5])
    }

    func testLongCreatorSegmentsSort() throws {
        // 100 periods in reverse order for one creator (beyond the insertion-sort size).
        let periods = (0..<100).reversed().map(Double.init)
        let panel = PanelObservations(
            creatorIDs: ["a"], creatorCodes: [Int32](repeating: 0, count: 100), periods: periods,
            outcomes: periods.map { $0 * 2 }, firstTreated: [Double](repeating: .missing, count: 100))
        let layout = try ImputationEstimator.PanelLayout(validating: panel)
        XCTAssertEqual(layout.period, (0..<100).map(Int32.init))
        XCTAssertEqual(layout.outcome, (0..<100).map { Double($0) * 2 })
    }

    func testIntegerCheck() {
        XCTAssertTrue(ImputationEstimator.PanelLayout.isInteger(-3))
        XCTAssertTrue(ImputationEstimator.PanelLayout.isInteger(0x1p53))
        XCTAssertFalse(ImputationEstimator.PanelLayout.isInteger(0x1p54))
        XCTAssertFalse(ImputationEstimator.PanelLayout.isInteger(0.5))
        XCTAssertFalse(ImputationEstimator.PanelLayout.isInteger(.nan))
        XCTAssertFalse(ImputationEstimator.PanelLayout.isInteger(.infinity))
    }
}
