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

    // MARK: expNonPositive

    /// Reference values are Python's `math.exp` (CPython 3, the C library's exp, correctly
    /// rounded at these points); the tolerance 2e-15 relative is the "few units in the last
    /// place" of FastMath's doc comment (about 9 ulp at 1), as in `testExpAgreesWithLibm`.
    func testExpNonPositiveLiteralValues() {
        let reference: [(x: Double, exp: Double)] = [
            (0, 1.0),
            (-1e-300, 1.0),
            (-0.5, 0.6065306597126334),
            (-1, 0.36787944117144233),
            (-10, 4.5399929762484854e-05),
            (-700, 9.85967654375977e-305),
            (-708, 3.307553003638408e-308),
        ]
        for (x, value) in reference {
            assertClose(value, FastMath.expNonPositive(x), rel: 2e-15, "x = \(x)")
            assertClose(Foundation.exp(x), FastMath.expNonPositive(x), rel: 2e-15, "x = \(x)")
        }
        // x = 0 and x = -1e-300 are exactly 1 (n = 0, f = x, e^f rounds to 1).
        XCTAssertEqual(FastMath.expNonPositive(0), 1)
        XCTAssertEqual(FastMath.expNonPositive(-0.0), 1)
        XCTAssertEqual(FastMath.expNonPositive(-1e-300), 1)
    }

    /// Across [-708, 0] against the C library, including both ends of every reduction
    /// interval |f| <= ln2/2 around n·ln2.
    func testExpNonPositiveAgreesWithLibmOnItsRange() {
        var generator = SeededGenerator(seed: 4)
        for _ in 0..<20000 {
            let x = -708 * RandomVariates.uniformOpen(using: &generator)
            assertClose(Foundation.exp(x), FastMath.expNonPositive(x), rel: 2e-15, "x = \(x)")
        }
        let ln2 = log(2.0)
        for n in stride(from: 0, through: -1021, by: -1) {
            for x in [(Double(n) + 0.5) * ln2, (Double(n) - 0.5) * ln2, Double(n) * ln2] where x <= 0 && x >= -708 {
                assertClose(Foundation.exp(x), FastMath.expNonPositive(x), rel: 2e-15, "x = \(x)")
            }
        }
    }

    /// Below −708 the argument is clamped to −708 (doc comment): the result is e^−708 ≈ 3.3e-308,
    /// a normal double, where the C library gives subnormals (e^−745 = 5e-324) or 0
    /// (e^−746, Python's math.exp). −∞ is clamped the same way.
    func testExpNonPositiveClampsBelowTheUnderflowBoundary() {
        let atBoundary = FastMath.expNonPositive(-708)
        XCTAssertTrue(atBoundary.isNormal)
        assertClose(3.307553003638408e-308, atBoundary, rel: 2e-15)
        for x: Double in [-708.000001, -709, -745, -746, -1000, -1e300, -Double.greatestFiniteMagnitude, -.infinity] {
            XCTAssertEqual(FastMath.expNonPositive(x), atBoundary, "x = \(x)")
        }
        // Just above the boundary the value is e^x, still monotone towards it.
        let above = FastMath.expNonPositive(-707.999)
        assertClose(Foundation.exp(-707.999), above, rel: 2e-15)
        XCTAssertGreaterThan(above, atBoundary)
        // What the C library does there, for contrast (Python: 5e-324 and 0.0).
        XCTAssertEqual(Foundation.exp(-746.0), 0)
        XCTAssertGreaterThan(Foundation.exp(-745.0), 0)
        XCTAssertLessThan(Foundation.exp(-745.0), Double.leastNormalMagnitude)
    }

    /// Non-increasing as x decreases, on a fine grid near 0 and near the boundary.
    func testExpNonPositiveIsMonotone() {
        for (start, step) in [(0.0, -1e-3), (-700.0, -1e-3)] {
            var previous = FastMath.expNonPositive(start)
            for i in 1...8000 {
                let value = FastMath.expNonPositive(start + Double(i) * step)
                XCTAssertLessThanOrEqual(value, previous, "x = \(start + Double(i) * step)")
                previous = value
            }
        }
    }

    /// The four-lane `expNonPositive` gives, lane by lane, the same bits as the scalar one.
    /// FastMath has no array variant; its callers (PSIS's `finish`, the GPD fit) run four
    /// lanes while four remain and the scalar for the rest, which is mirrored here on 1,003
    /// values (not a multiple of 4), with clamped arguments and zeros among them.
    func testExpNonPositiveFourLanesEqualScalar() {
        var generator = SeededGenerator(seed: 5)
        var values = (0..<1003).map { _ in -750 * RandomVariates.uniformOpen(using: &generator) }
        values[0] = 0
        values[5] = -708
        values[6] = -.infinity
        values[7] = -1e-300
        values[1002] = -800
        var lanes = [Double](repeating: .nan, count: values.count)
        var j = 0
        while j + 4 <= values.count {
            let result = FastMath.expNonPositive(SIMD4(values[j], values[j + 1], values[j + 2], values[j + 3]))
            for lane in 0..<4 { lanes[j + lane] = result[lane] }
            j += 4
        }
        XCTAssertEqual(j, 1000)
        while j < values.count {
            lanes[j] = FastMath.expNonPositive(values[j])
            j += 1
        }
        for (index, x) in values.enumerated() {
            XCTAssertEqual(
                lanes[index].bitPattern, FastMath.expNonPositive(x).bitPattern, "x = \(x) at index \(index)")
        }
    }
}
