import GroupingCore
import XCTest

final class NumericBoundsTests: XCTestCase {
    func testIsValueAcceptsFiniteValuesUpToTheMagnitudeBound() {
        for value in [0, -0.0, 1, -1, 1e-300, Double.leastNonzeroMagnitude, 1e30, -1e30, 123.456] {
            XCTAssertTrue(NumericBounds.isValue(value), "\(value)")
        }
        for value in [1e30.nextUp, -(1e30.nextUp), 1e31, -1e300, .infinity, -.infinity, .nan] {
            XCTAssertFalse(NumericBounds.isValue(value), "\(value)")
        }
    }

    func testIsScaleAcceptsTheClosedRangeOfPositiveScales() {
        for value in [1e-30, 1e30, 1, 0.05, 2.5e7] {
            XCTAssertTrue(NumericBounds.isScale(value), "\(value)")
        }
        for value in [
            0, -0.0, -1, 1e-30.nextDown, 1e30.nextUp, Double.leastNonzeroMagnitude, .infinity, -.infinity, .nan,
        ] {
            XCTAssertFalse(NumericBounds.isScale(value), "\(value)")
        }
    }

    func testTheMarginTheDocumentationClaims() {
        // A fourth power of the largest magnitude's ratio to the smallest scale stays finite:
        // (1e30 / 1e-30)^4 = 1e240 < 1.8e308, and 1e30^4 · 1e7 rows = 1e127.
        let ratio = NumericBounds.maxMagnitude / NumericBounds.minScale
        XCTAssertTrue((ratio * ratio * ratio * ratio).isFinite)
        let fourth = NumericBounds.maxMagnitude * NumericBounds.maxMagnitude
        XCTAssertTrue((fourth * fourth * 1e7).isFinite)
        // The se multiplier's range is six orders of magnitude either way.
        XCTAssertEqual(NumericBounds.seMultiplier, 1e-6...1e6)
        XCTAssertTrue(NumericBounds.isScale(1e-20 * NumericBounds.seMultiplier.lowerBound))
        XCTAssertTrue(NumericBounds.isScale(1e20 * NumericBounds.seMultiplier.upperBound))
    }

    func testSizeBoundsAreConsistent() {
        XCTAssertLessThanOrEqual(NumericBounds.maxDraws, NumericBounds.maxTotalDraws)
        XCTAssertLessThanOrEqual(NumericBounds.maxChains, NumericBounds.maxTotalDraws)
        XCTAssertTrue(NumericBounds.valueRange.contains("1e30"))
        XCTAssertTrue(NumericBounds.scaleRange.contains("[1e-30, 1e30]"))
    }
}
