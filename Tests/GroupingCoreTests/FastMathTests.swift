import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// FastMath's exp, expm1 and log against the C library over their working ranges.
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

    func testLogAgreesWithLibm() {
        var generator = SeededGenerator(seed: 2)
        for _ in 0..<20000 {
            let exponent = 1400 * RandomVariates.uniformOpen(using: &generator) - 700
            let t = Foundation.exp(exponent)
            assertClose(Foundation.log(t), FastMath.log(t), rel: 1e-14, abs: 1e-300)
            // near 1, where log t is small
            let near = 1 + (RandomVariates.uniformOpen(using: &generator) - 0.5) * 1e-3
            assertClose(Foundation.log(near), FastMath.log(near), rel: 1e-14, abs: 1e-300)
        }
        for t in [1.0, 0.5, 2, 1.4142135623730951, 0.7071067811865476, 1e-300, 1e300, Double.leastNormalMagnitude] {
            assertClose(Foundation.log(t), FastMath.log(t), rel: 1e-14)
        }
        XCTAssertEqual(FastMath.log(0), -.infinity)
        XCTAssertEqual(FastMath.log(.infinity), .infinity)
        XCTAssertTrue(FastMath.log(-1).isNaN)
    }
}
