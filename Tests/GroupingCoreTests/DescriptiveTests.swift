import GroupingCore
import TestSupport
import XCTest

/// `Descriptive` against numpy's conventions (values worked by hand or from numpy).
final class DescriptiveTests: XCTestCase {
    func testMeanAndVariance() {
        let x = [2.0, 4, 4, 4, 5, 5, 7, 9]
        assertClose(5, Descriptive.mean(x))
        assertClose(4, Descriptive.variance(x, ddof: 0))
        assertClose(32.0 / 7.0, Descriptive.variance(x, ddof: 1))
        assertClose(2, Descriptive.standardDeviation(x, ddof: 0))
        XCTAssertNil(Descriptive.mean([]))
        XCTAssertNil(Descriptive.variance([1], ddof: 1))
        XCTAssertEqual(Descriptive.variance([0.1, 0.1, 0.1]), 0)
    }

    /// Large offset: var(1e9 + [4, 7, 13, 16]) = var([4, 7, 13, 16]) = 30 (ddof 1).
    func testVarianceIsStableUnderLargeOffset() {
        assertClose(30, Descriptive.variance([4, 7, 13, 16].map { 1e9 + $0 }), rel: 1e-12)
    }

    /// numpy: np.quantile([1, 2, 3, 4, 10], [0, .1, .25, .5, .9, 1]) = [1, 1.4, 2, 3, 7.6, 10],
    /// np.median([4, 1, 3, 2]) = 2.5.
    func testQuantilesAndMedian() {
        let sorted = [1.0, 2, 3, 4, 10]
        let expected = [(0.0, 1.0), (0.1, 1.4), (0.25, 2.0), (0.5, 3.0), (0.9, 7.6), (1.0, 10.0)]
        for (q, value) in expected {
            assertClose(value, Descriptive.quantile(sorted: sorted, q), rel: 1e-15, "q = \(q)")
        }
        assertClose(3, Descriptive.quantile([10, 4, 3, 2, 1], 0.5))
        XCTAssertNil(Descriptive.quantile(sorted: [], 0.5))
        XCTAssertEqual(Descriptive.quantile(sorted: [7], 0.3), 7)
        XCTAssertEqual(Descriptive.median([4, 1, 3, 2]), 2.5)
        XCTAssertEqual(Descriptive.median([5, 1, 3]), 3)
        XCTAssertNil(Descriptive.median([]))
    }
}
