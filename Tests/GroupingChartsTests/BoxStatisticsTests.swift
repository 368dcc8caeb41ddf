import GroupingCharts
import TestSupport
import XCTest

final class BoxStatisticsTests: XCTestCase {
    /// numpy: np.quantile(data, [.25, .5, .75]) = [0.6, 3.1, 6.5]; fences 0.6 − 8.85 and
    /// 6.5 + 8.85; inside values span −8 … 9.9; 30 is the only outlier.
    func testTukeyBoxMatchesNumpy() {
        let data = [3.1, -2.0, 7.5, 0.0, 4.4, 1.2, 9.9, -8.0, 2.2, 5.5, 30.0]
        let box = BoxStatistics(values: data)
        assertClose(0.6, box.q1, rel: 1e-12)
        assertClose(3.1, box.median, rel: 1e-12)
        assertClose(6.5, box.q3, rel: 1e-12)
        XCTAssertEqual(box.lowerWhisker, -8.0)
        XCTAssertEqual(box.upperWhisker, 9.9)
        XCTAssertEqual(box.shownOutliers, [30.0])
        XCTAssertEqual(box.outlierCount, 1)
        XCTAssertEqual(box.count, 11)
    }

    func testSingleAndEqualValues() {
        let one = BoxStatistics(values: [2.5])
        XCTAssertEqual([one.q1, one.median, one.q3, one.lowerWhisker, one.upperWhisker], [2.5, 2.5, 2.5, 2.5, 2.5])
        let equal = BoxStatistics(values: [4, 4, 4, 4])
        XCTAssertEqual(equal.iqr, 0)
        XCTAssertEqual(equal.outlierCount, 0)
    }

    func testOutliersAreThinnedKeepingExtremes() {
        // 10,000 values in 0..<1 and 1,000 far outliers.
        let values = (0..<10_000).map { Double($0) / 10_000 } + (0..<1000).map { 100 + Double($0) }
        let box = BoxStatistics(values: values, maxOutliers: 50)
        XCTAssertEqual(box.outlierCount, 1000)
        XCTAssertEqual(box.shownOutliers.count, 50)
        XCTAssertTrue(box.isThinned)
        XCTAssertEqual(box.shownOutliers.first, 100)
        XCTAssertEqual(box.shownOutliers.last, 1099)
    }
}
