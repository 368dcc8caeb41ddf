import TestSupport
import XCTest

@testable import GroupingCore

/// Reference values: scipy 1.17 `stats.t.ppf` and `special.betainc`.
final class StudentTQuantileTests: XCTestCase {
    func testQuantilesMatchScipy() {
        let expected: [(Double, Double)] = [
            (1, 12.706204736174694), (2, 4.302652729749462), (3, 3.1824463052837078),
            (5, 2.5705818356363146), (11, 2.200985160091639), (30, 2.0422724563012378),
            (200, 1.9718962236339088),
        ]
        for (nu, t) in expected {
            assertClose(t, ImputationEstimator.StudentT.quantile(0.975, degreesOfFreedom: nu), rel: 1e-12, "nu \(nu)")
        }
        assertClose(1.5008853175085577, ImputationEstimator.StudentT.quantile(0.9, degreesOfFreedom: 4.5), rel: 1e-12)
    }

    func testIncompleteBeta() {
        assertClose(
            0.018927124071945658, SpecialFunctions.regularizedIncompleteBeta(x: 0.3, a: 2.5, b: 0.5),
            rel: 1e-12)
        assertClose(
            0.9999999780702157, SpecialFunctions.regularizedIncompleteBeta(x: 0.9, a: 0.5, b: 7), rel: 1e-14
        )
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x: 0, a: 2, b: 3), 0)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x: 1, a: 2, b: 3), 1)
    }

    func testInflationTable() {
        let table = ImputationEstimator.StandardErrors.smallSampleInflation(maxDegreesOfFreedom: 3)
        XCTAssertEqual(table.count, 4)
        assertClose(pow(4.302652729749462 / 1.959963984540054, 2), table[2], rel: 1e-12)
    }
}
