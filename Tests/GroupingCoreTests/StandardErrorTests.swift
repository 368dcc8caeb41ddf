import XCTest

@testable import GroupingCore

final class StandardErrorTests: XCTestCase {
    /// √(N · population variance): for 1, 2, 3, 4 the mean is 2.5, the population variance
    /// 1.25, so √(4 · 1.25) = √5 (loo's `se_elpd_diff`, √N · sd with sd over N).
    func testOfSumIsRootNTimesThePopulationVariance() {
        XCTAssertEqual(StandardError.ofSum([1, 2, 3, 4]), 5.0.squareRoot(), accuracy: 1e-15)
    }

    func testOfSumOfConstantOrEmptyValuesIsZero() {
        XCTAssertEqual(StandardError.ofSum([]), 0)
        XCTAssertEqual(StandardError.ofSum([-3.5]), 0)
        XCTAssertEqual(StandardError.ofSum(Array(repeating: 0.1, count: 1000)), 0, accuracy: 1e-12)
    }

    /// LOO's summary reports the same se as the comparison uses.
    func testLeaveOneOutSummaryUsesTheSumsStandardError() {
        let elpd = [-1.2, -0.4, -2.9, -0.8, -1.1]
        let summary = LeaveOneOut.summarize(elpd: elpd, lppd: elpd.map { $0 + 0.1 }, paretoK: [0.1, 0.2, 0.3, 0.4, 0.5],
                                            sampleCount: 4000)
        XCTAssertEqual(summary.se, StandardError.ofSum(elpd))
        XCTAssertEqual(summary.elpd, -6.4, accuracy: 1e-12)
        XCTAssertEqual(summary.pLoo, 0.5, accuracy: 1e-12)
    }
}
