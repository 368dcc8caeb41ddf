import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The LOO-PIT uniformity test: its band against ArviZ's `ecdf_confidence_band` (fixture by
/// scripts/fixtures/schema2_reference.py) and its verdicts on uniform, U-shaped and peaked values.
final class LOOPITTestTests: XCTestCase {
    struct Reference: Decodable {
        struct Case: Decodable {
            let n: Int
            let npoints: Int
            let eval_points: [Double]
            let lower: [Double]
            let upper: [Double]
            let prob_pointwise: Double
        }
        let cases: [Case]
    }

    /// At ArviZ's pointwise level the band is `binom.interval(γ, n, z)/n` to the count, and the
    /// simulated level is close to ArviZ's optimised one (within its simulation error).
    func testBandMatchesArviZ() throws {
        let reference = try Fixtures.load(Reference.self, target: "GroupingCoreTests", name: "ecdf_band_reference.json")
        for item in reference.cases where item.npoints == 100 {
            let band = LOOPITTest.band(n: item.n, gamma: 1 - item.prob_pointwise)
            for (j, z) in band.points.enumerated() {
                let k = try XCTUnwrap(item.eval_points.firstIndex { abs($0 - z) < 1e-12 })
                XCTAssertEqual(band.lower[j], item.lower[k], accuracy: 1e-12, "n \(item.n) z \(z)")
                XCTAssertEqual(band.upper[j], item.upper[k], accuracy: 1e-12, "n \(item.n) z \(z)")
            }
            let gamma = LOOPITTest.simulatedGamma(n: item.n)
            XCTAssertEqual(gamma, 1 - item.prob_pointwise, accuracy: 0.5 * (1 - item.prob_pointwise), "n \(item.n)")
        }
    }

    func testVerdicts() {
        var generator = SeededGenerator(seed: 3)
        let uniform = (0..<2000).map { _ in RandomVariates.uniformOpen(using: &generator) }
        let (calibrated, _) = LOOPITTest.test(uniform, seed: 1)
        XCTAssertEqual(calibrated.verdict, .calibrated)
        XCTAssertGreaterThan(calibrated.p, 0.01)
        // Too narrow intervals: PIT values of a normal scored against a normal 0.6 times as wide.
        let narrow = (0..<2000).map { _ in
            0.5 * erfc(-RandomVariates.standardNormal(using: &generator) / 0.6 / 2.0.squareRoot())
        }
        let (tooNarrow, _) = LOOPITTest.test(narrow, seed: 1)
        XCTAssertEqual(tooNarrow.verdict, .tooNarrow)
        XCTAssertLessThan(tooNarrow.p, 0.01)
        let wide = (0..<2000).map { _ in
            0.5 * erfc(-RandomVariates.standardNormal(using: &generator) / 1.6 / 2.0.squareRoot())
        }
        let (tooWide, _) = LOOPITTest.test(wide, seed: 1)
        XCTAssertEqual(tooWide.verdict, .tooWide)
        XCTAssertLessThan(tooWide.tailShare, 0.1)
    }
}
