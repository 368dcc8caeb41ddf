import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// FastMath's exp and log1p against the C library over their working ranges.
final class FastMathTests: XCTestCase {
    func testExpAgreesWithLibm() {
        var generator = SeededGenerator(seed: 1)
        for _ in 0..<20000 {
            let x = -700 * RandomVariates.uniformOpen(using: &generator) + 5
            assertClose(Foundation.exp(x), FastMath.exp(x), rel: 2e-15)
        }
        for x in [0.0, -1e-300, -1e-10, 1e-10, -0.5 * log(2.0), 0.5 * log(2.0), -707.9] {
            assertClose(Foundation.exp(x), FastMath.exp(x), rel: 2e-15)
        }
        XCTAssertEqual(FastMath.exp(-800), 0)
    }

    func testExpm1AgreesWithLibm() {
        var generator = SeededGenerator(seed: 3)
        for _ in 0..<20000 {
            let magnitude = Foundation.exp(-40 * RandomVariates.uniformOpen(using: &generator)) * 3
            let x = RandomVariates.uniformOpen(using: &generator) < 0.5 ? -magnitude : magnitude
            assertClose(Foundation.expm1(x), FastMath.expm1(x), rel: 4e-15)
        }
        for x in [0.0, 1e-300, -1e-300, 0.5, -0.5, 0.5000001, -0.5000001, -40, 30] {
            assertClose(Foundation.expm1(x), FastMath.expm1(x), rel: 4e-15)
        }
    }

    func testLog1pAgreesWithLibm() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<20000 {
            let magnitude = Foundation.exp(-30 * RandomVariates.uniformOpen(using: &generator))
            let u = RandomVariates.uniformOpen(using: &generator) < 0.5 ? -magnitude * 0.999999 : magnitude * 1e3
            assertClose(Foundation.log1p(u), FastMath.log1p(u), rel: 1e-14, abs: 1e-300)
        }
        for u in [0.0, 1e-20, -1e-20, 1e-8, -0.5, -0.999999999, 1, 1e300] {
            assertClose(Foundation.log1p(u), FastMath.log1p(u), rel: 1e-14)
        }
    }
}
