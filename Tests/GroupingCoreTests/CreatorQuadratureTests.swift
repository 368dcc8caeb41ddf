import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The per-creator quadrature's parts: the one-exp normal CDF, the four-lane log, the mixture
/// quantile search, and the exact LOO against PyMC refits without the creator
/// (fixture: scripts/fixtures/schema2_reference.py loo).
final class CreatorQuadratureTests: XCTestCase {
    /// FastNormal's CDF (lower and upper tail) and density kernel against the C library's erfc
    /// and exp, relative 2e-11 as its fit promises, from the centre to z = ±37.
    func testFastNormalAgreesWithLibm() {
        var generator = SeededGenerator(seed: 31)
        var worst = 0.0
        for _ in 0..<5000 {
            let z = SIMD4<Double>(
                (0..<4).map { _ in 74 * RandomVariates.uniformOpen(using: &generator) - 37 })
            let (cdf, density) = FastNormal.cdfAndDensity(z)
            for lane in 0..<4 {
                let exact = 0.5 * erfc(-z[lane] / 2.0.squareRoot())
                worst = max(worst, abs(cdf[lane] / exact - 1))
                assertClose(exp(-0.5 * z[lane] * z[lane]), density[lane], rel: 1e-14, abs: 1e-300)
            }
        }
        XCTAssertLessThan(worst, 2e-11)
        let edges = FastNormal.cdfAndDensity(SIMD4(0, -1e-12, 8, -8))
        XCTAssertEqual(edges.cdf[0], 0.5, accuracy: 1e-11)
        XCTAssertEqual(edges.cdf[1], 0.5, accuracy: 1e-11)
        assertClose(0.5 * erfc(-8 / 2.0.squareRoot()), edges.cdf[2], rel: 1e-14)
        assertClose(6.22096057427174e-16, edges.cdf[3], rel: 2e-11)
    }

    /// The four-lane log equals the scalar one lane by lane (and so the C library's).
    func testFourLaneLogMatchesScalar() {
        var generator = SeededGenerator(seed: 32)
        for _ in 0..<5000 {
            let t = SIMD4<Double>((0..<4).map { _ in exp(1400 * RandomVariates.uniformOpen(using: &generator) - 700) })
            let lanes = FastMath.log(t)
            for lane in 0..<4 {
                XCTAssertEqual(lanes[lane], FastMath.log(t[lane]))
                assertClose(Foundation.log(t[lane]), lanes[lane], rel: 1e-14, abs: 1e-300)
            }
        }
        let exact = FastMath.log(SIMD4(1, 2, 0.5, 1.4142135623730951))
        XCTAssertEqual(exact[0], 0)
        assertClose(Foundation.log(2.0), exact[1], rel: 1e-15)
        assertClose(-Foundation.log(2.0), exact[2], rel: 1e-15)
        assertClose(0.5 * Foundation.log(2.0), exact[3], rel: 1e-15)
    }

    /// Mixture quantiles against bisection on the C library's CDF: a near-normal mixture
    /// (one pass), a skewed two-component one and a bimodal one (the bracket's bisection).
    func testMixtureQuantilesAgreeWithBisection() {
        let cases: [(w: [Double], m: [Double], s: [Double])] = [
            ([0.3, 0.4, 0.3, 0], [0.10, 0.11, 0.12, 0], [0.05, 0.051, 0.052, 1]),
            ([0.9, 0.1, 0, 0], [0, 1.5, 0, 0], [1, 3, 1, 1]),
            ([0.5, 0.5, 0, 0], [-10, 10, 0, 0], [0.5, 0.5, 1, 1]),
            ([1, 0, 0, 0], [3, 0, 0, 0], [2, 1, 1, 1]),
        ]
        for (w, m, s) in cases {
            let mean = zip(w, m).map(*).reduce(0, +)
            var second = 0.0
            for k in 0..<4 { second += w[k] * (s[k] * s[k] + m[k] * m[k]) }
            let sd = (second - mean * mean).squareRoot()
            let inverse = s.map { 1 / $0 }
            for p in [0.025, 0.5, 0.975] {
                func exactCDF(_ t: Double) -> Double {
                    var sum = 0.0
                    for k in 0..<4 { sum += w[k] * 0.5 * erfc(-(t - m[k]) / s[k] / 2.0.squareRoot()) }
                    return sum
                }
                var low = -100.0
                var high = 100.0
                for _ in 0..<200 {
                    let middle = (low + high) / 2
                    if exactCDF(middle) < p { low = middle } else { high = middle }
                }
                let quantile = MixtureQuantile.quantile(
                    p, weights: w, means: m, inverseSDs: inverse, mean: mean, sd: sd)
                // The CDF is met to 1e-10; where the density is not flat, the quantile to 1e-8 sd.
                XCTAssertEqual(exactCDF(quantile), p, accuracy: 1e-10, "p \(p), means \(m)")
                let bisected = (low + high) / 2
                if (exactCDF(bisected + 1e-3 * sd) - exactCDF(bisected - 1e-3 * sd)) > 1e-6 {
                    XCTAssertEqual(quantile, bisected, accuracy: 1e-8 * sd, "p \(p), means \(m)")
                }
            }
        }
    }

    struct Refits: Decodable {
        struct Creator: Decodable {
            let index: Int
            let elpd: Double
            let elpd_mcse: Double
            let pit: Double
            let pit_mcse: Double
        }
        let effects: [Double]
        let ses: [Double]
        let creators: [Creator]
    }

    /// Exact LOO (no refit: the quadrature's leave-one-out weights) against PyMC refitted
    /// without each creator, within 1e-3 or 4 Monte Carlo standard errors; LOO-PIT likewise.
    func testExactLOOAgreesWithPyMCRefits() throws {
        let reference = try Fixtures.load(Refits.self, target: "GroupingCoreTests", name: "pymc_loo_refits.json")
        let fit = HierarchicalModel.fit(spec: .ungrouped(), effects: reference.effects, ses: reference.ses)
        XCTAssertGreaterThanOrEqual(reference.creators.count, 3)
        for creator in reference.creators {
            let i = creator.index
            XCTAssertLessThan(
                abs(fit.pointwiseElpd[i] - creator.elpd), max(1e-3, 4 * creator.elpd_mcse),
                "creator \(i): \(fit.pointwiseElpd[i]) vs PyMC \(creator.elpd) ± \(creator.elpd_mcse)")
            XCTAssertLessThan(
                abs(fit.pit[i] - creator.pit), max(1e-3, 4 * creator.pit_mcse),
                "creator \(i): PIT \(fit.pit[i]) vs PyMC \(creator.pit) ± \(creator.pit_mcse)")
        }
    }
}
