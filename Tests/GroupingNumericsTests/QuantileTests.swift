import GroupingNumerics
import TestSupport
import XCTest

/// Reference values from numpy 2.4 `np.quantile(data, p)` (default method "linear",
/// Hyndman & Fan type 7); exact decimal results, compared to 1e-12 relative.
final class QuantileTests: XCTestCase {
    func testMatchesNumpyLinear() {
        let sorted = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]
        assertClose(0.16, Quantile.linear(sorted: sorted, 0.1))
        assertClose(0.25, Quantile.linear(sorted: sorted, 0.25))
        assertClose(0.64, Quantile.linear(sorted: sorted, 0.9))
        assertClose(0.1, Quantile.linear(sorted: sorted, 0))
        assertClose(0.7, Quantile.linear(sorted: sorted, 1))
    }

    func testTwoValues() {
        assertClose(1.25, Quantile.linear(sorted: [1, 2], 0.25))
        assertClose(1.5, Quantile.linear(sorted: [1, 2], 0.5))
        assertClose(1.75, Quantile.linear(sorted: [1, 2], 0.75))
    }

    func testSingleValue() {
        XCTAssertEqual(Quantile.linear(sorted: [5], 0.25), 5)
        XCTAssertEqual(Quantile.linear(sorted: [5], 0.75), 5)
    }
}
