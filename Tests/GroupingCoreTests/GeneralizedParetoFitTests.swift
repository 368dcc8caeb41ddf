import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The generalized Pareto quantile function of `GeneralizedParetoFit` (`quantile(_:k:sigma:)`
/// and `Quantile(k:sigma:)(logSurvival:)`): closed forms, the k ≈ 0 branch, monotonicity.
/// The fit itself is checked against ArviZ in `LOOTests`.
final class GeneralizedParetoFitTests: XCTestCase {
    /// q(p) for k ≠ 0 against the closed form σ/k·((1 − p)^(−k) − 1), and against literal values
    /// from Python: `scipy.stats.genpareto.ppf(p, c=k, scale=sigma)` (scipy 1.17.1; its shape
    /// c is this k).
    func testQuantileMatchesTheClosedFormForNonZeroK() {
        let scipy: [(k: Double, sigma: Double, p: Double, q: Double)] = [
            (0.5, 1.0, 0.1, 0.10818510677891956),
            (0.5, 1.0, 0.5, 0.8284271247461901),
            (0.5, 1.0, 0.9, 4.324555320336759),
            (0.5, 1.0, 0.99, 17.999999999999986),
            (-0.3, 2.0, 0.1, 0.20742559201824426),
            (-0.3, 2.0, 0.5, 1.25165069095843),
            (-0.3, 2.0, 0.9, 3.3254184424848514),
            (-0.3, 2.0, 0.99, 4.992075712326946),
            (1.2, 0.7, 0.1, 0.07861757529638386),
            (1.2, 0.7, 0.5, 0.7568147474965409),
            (1.2, 0.7, 0.9, 8.661876956023162),
            (1.2, 0.7, 0.99, 145.94337517139192),
            (0.7, 0.01, 0.1, 0.0010934311301152915),
            (0.7, 0.01, 0.5, 0.008921497038749586),
            (0.7, 0.01, 0.9, 0.05731246194675319),
            (0.7, 0.01, 0.99, 0.34455520450136823),
        ]
        for (k, sigma, p, q) in scipy {
            let closedForm = sigma / k * (pow(1 - p, -k) - 1)
            let quantile = GeneralizedParetoFit.Quantile(k: k, sigma: sigma)
            XCTAssertFalse(quantile.exponential)
            // 1e-13: a few roundings in expm1, log1p and the scale, and in scipy's own formula.
            assertClose(q, quantile(logSurvival: log1p(-p)), rel: 1e-13, "k = \(k), sigma = \(sigma), p = \(p)")
            assertClose(closedForm, quantile(logSurvival: log1p(-p)), rel: 1e-13, "k = \(k), p = \(p)")
            assertClose(q, GeneralizedParetoFit.quantile(p, k: k, sigma: sigma), rel: 1e-13, "k = \(k), p = \(p)")
        }
        // Hand-computable: k = 1/2, σ = 1, p = 3/4: (1/4)^(−1/2) = 2, q = 2·(2 − 1) = 2.
        assertClose(2, GeneralizedParetoFit.quantile(0.75, k: 0.5, sigma: 1), rel: 1e-14)
        // k = −1: q = σ·p (the uniform on [0, σ]).
        assertClose(0.9, GeneralizedParetoFit.quantile(0.3, k: -1, sigma: 3), rel: 1e-14)
    }

    /// k = 0 is the exponential distribution: q(p) = −σ·log(1 − p). Literal values from
    /// `scipy.stats.genpareto.ppf(p, c=0, scale=1.5)`.
    func testQuantileForKZeroIsExponential() {
        let scipy: [(p: Double, q: Double)] = [
            (0.1, 0.15804077348673945), (0.5, 1.0397207708399179), (0.9, 3.453877639491069),
            (0.99, 6.907755278982135),
        ]
        let quantile = GeneralizedParetoFit.Quantile(k: 0, sigma: 1.5)
        XCTAssertTrue(quantile.exponential)
        for (p, q) in scipy {
            assertClose(q, quantile(logSurvival: log1p(-p)), rel: 1e-15, "p = \(p)")
            assertClose(-1.5 * log(1 - p), GeneralizedParetoFit.quantile(p, k: 0, sigma: 1.5), rel: 1e-14, "p = \(p)")
        }
        // 1.5·log 2, exactly the product of the two doubles.
        XCTAssertEqual(GeneralizedParetoFit.quantile(0.5, k: 0, sigma: 1.5), -log1p(-0.5) * 1.5)
    }

    /// The exponential branch (|k| < ε = 2.2e-16) and the general one meet continuously: for
    /// small k, q = σ·(−L)·(1 + u/2 + u²/6 + …) with L = log(1 − p), u = −k·L, so q differs
    /// from the exponential's by the relative amount u/2. Both branches, at k = ±1e-16 (inside),
    /// ±ε (just outside), ±1e-12, ±1e-8 and ±1e-4, agree with that series to 1e-14 relative:
    /// `expm1` keeps the general branch free of the cancellation that (1 − p)^(−k) − 1 has.
    func testQuantileIsContinuousAcrossKZero() {
        let sigma = 0.8
        for p in [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999] {
            let logSurvival = log1p(-p)
            let exponential = -sigma * logSurvival
            for magnitude in [0, 1e-16, Double.ulpOfOne, 1e-12, 1e-8, 1e-4] {
                for k in [magnitude, -magnitude] {
                    let quantile = GeneralizedParetoFit.Quantile(k: k, sigma: sigma)
                    XCTAssertEqual(quantile.exponential, magnitude < Double.ulpOfOne, "k = \(k)")
                    let u = -k * logSurvival
                    let series = exponential * (1 + u / 2 + u * u / 6 + u * u * u / 24)
                    let q = quantile(logSurvival: logSurvival)
                    assertClose(series, q, rel: 1e-14, "k = \(k), p = \(p)")
                    // And within |u| (relative) of the exponential quantile.
                    assertClose(exponential, q, rel: abs(u) + 1e-15, "k = \(k), p = \(p)")
                }
            }
        }
    }

    /// q(0) = 0, and q is strictly increasing in p for every shape (bounded above by σ/|k|
    /// when k < 0).
    func testQuantileIsIncreasingInP() {
        let sigma = 1.3
        for k in [-0.9, -0.5, -1e-9, 0, 1e-9, 0.3, 0.7, 1.5] {
            let quantile = GeneralizedParetoFit.Quantile(k: k, sigma: sigma)
            XCTAssertEqual(quantile(logSurvival: log1p(-0.0)), 0, "k = \(k)")
            var previous = 0.0
            for i in 1..<1000 {
                let p = Double(i) / 1000
                let q = quantile(logSurvival: log1p(-p))
                XCTAssertGreaterThan(q, previous, "k = \(k), p = \(p)")
                if k < 0 { XCTAssertLessThan(q, sigma / -k, "k = \(k), p = \(p)") }
                previous = q
            }
            // The quantile levels PSIS uses for a tail of M = 190 ((j + ½)/M, j = 0…M − 1).
            let m = 190
            let levels = (0..<m).map { quantile(logSurvival: log1p(-(Double($0) + 0.5) / Double(m))) }
            XCTAssertEqual(levels, levels.sorted(), "k = \(k)")
            XCTAssertEqual(Set(levels).count, m, "k = \(k)")
        }
    }
}
