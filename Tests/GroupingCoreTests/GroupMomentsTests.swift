import GroupingCore
import TestSupport
import XCTest

/// `GroupMoments`: the per-group sums every Phase 1 and 3 statistic is built from.
final class GroupMomentsTests: XCTestCase {
    /// Groups [1,2,3], (empty), [4,5,6]; one unlabelled row.
    func testSmallCaseByHand() {
        let moments = GroupMoments.compute(
            values: [1, 4, 2, 5, 3, 6, 1000], codes: [0, 2, 0, 2, 0, 2, -1], groupCount: 3)
        XCTAssertEqual(moments.counts, [3, 0, 3])
        XCTAssertEqual(moments.nonEmptyGroups, [0, 2])
        assertClose([2, 0, 5], moments.means)
        assertClose([2, 0, 2], moments.sumsOfSquares)
        XCTAssertEqual(moments.minima[0], 1)
        XCTAssertEqual(moments.maxima[2], 6)
        XCTAssertEqual(moments.labelledCount, 6)
        assertClose(3.5, moments.grandMean)
        assertClose(17.5, moments.totalSumOfSquares)
        assertClose(13.5, moments.betweenSumOfSquares)
        assertClose(4, moments.withinSumOfSquares)
        XCTAssertFalse(moments.everyGroupConstant)
    }

    /// Values 1e9 + {0.25, 0.5} and 1e9 + {1, 1.25}: the centred means keep the 0.75
    /// difference exactly; SS_between = 4 · 0.375² = 0.5625.
    func testLargeOffsetKeepsDigits() {
        let moments = GroupMoments.compute(
            values: [1e9 + 0.25, 1e9 + 0.5, 1e9 + 1, 1e9 + 1.25], codes: [0, 0, 1, 1], groupCount: 2)
        XCTAssertEqual(moments.centredMeans[1] - moments.centredMeans[0], 0.75)
        XCTAssertEqual(moments.betweenSumOfSquares, 0.5625)
        XCTAssertEqual(moments.sumsOfSquares, [0.03125, 0.03125])
    }

    func testConstantGroupsAreExactlyZero() {
        let moments = GroupMoments.compute(values: [0.1, 0.1, 0.1, 0.7, 0.7], codes: [0, 0, 0, 1, 1], groupCount: 2)
        XCTAssertEqual(moments.sumsOfSquares, [0, 0])
        XCTAssertEqual(moments.means, [0.1, 0.7])
        XCTAssertTrue(moments.everyGroupConstant)
        XCTAssertGreaterThan(moments.totalSumOfSquares, 0)
    }
}
