import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// Reference values from ArviZ 0.23.4, `arviz.stats.diagnostics._ess` on the same arrays
/// (rel 1e-12: the same arithmetic in another order).
final class EffectiveSampleSizeTests: XCTestCase {
    func testTwoPositivelyCorrelatedChainsAgainstArviZ() {
        let chains: [[Double]] = [
            [0.0, 0.4, 0.9, 1.1, 0.8, 0.5, 0.7, 1.2, 1.0, 0.6, 0.3, 0.2],
            [1.5, 1.2, 1.4, 0.9, 0.6, 0.8, 0.4, 0.1, 0.3, 0.5, 0.2, 0.0],
        ]
        assertClose(12.14975995498056, EffectiveSampleSize.ess(chains), rel: 1e-12)
        assertClose(7.321700125813687, EffectiveSampleSize.ess([chains[0]]), rel: 1e-12)
    }

    func testAntiCorrelatedDrawsAreCappedAtSLog10S() {
        // τ̂ falls below 1/log10(S): ESS = S·log10(S) (ArviZ: 7.224719895935548 for S = 8).
        let chains: [[Double]] = [[1, 2, 3, 4], [2, 1, 4, 3]]
        assertClose(8 * log10(8.0), EffectiveSampleSize.ess(chains), rel: 1e-12)
        let alternating: [[Double]] = [(0..<16).map { $0 % 2 == 0 ? 1 : -1 }]
        assertClose(16 * log10(16.0), EffectiveSampleSize.ess(alternating), rel: 1e-12)
    }

    func testConstantDrawsCountInFull() {
        XCTAssertEqual(EffectiveSampleSize.ess([[2.5, 2.5, 2.5], [2.5, 2.5, 2.5]]), 6)
        XCTAssertEqual(EffectiveSampleSize.ess([[1, 1 + 1e-16, 1]]), 3, "a spread below 1e-15 is constant")
    }

    func testIndependentDrawsGiveAboutS() {
        var generator = SeededGenerator(seed: 2024)
        let chains = (0..<4).map { _ in (0..<1_000).map { _ in RandomVariates.standardNormal(using: &generator) } }
        let ess = EffectiveSampleSize.ess(chains)
        // For iid draws the estimate scatters around S = 4000 by a few percent.
        assertClose(4_000, ess, rel: 0.1)
    }

    func testAR1ChainsGiveAboutSTimesOneMinusRhoOverOnePlusRho() {
        // x_t = ρ x_{t−1} + √(1−ρ²) ε_t has ρ_t = ρ^t and τ = (1+ρ)/(1−ρ).
        for (rho, seed) in [(0.5, UInt64(1)), (0.9, UInt64(2))] {
            var generator = SeededGenerator(seed: seed)
            let chains = (0..<4).map { _ -> [Double] in
                var x = RandomVariates.standardNormal(using: &generator)
                return (0..<2_000).map { _ in
                    x = rho * x + (1 - rho * rho).squareRoot() * RandomVariates.standardNormal(using: &generator)
                    return x
                }
            }
            let expected = 8_000 * (1 - rho) / (1 + rho)
            assertClose(expected, EffectiveSampleSize.ess(chains), rel: 0.15, "rho \(rho)")
        }
    }

    func testChainsThatDisagreeHaveFewEffectiveDraws() {
        // Two chains stuck at different levels: B dominates var⁺ and ESS collapses.
        var generator = SeededGenerator(seed: 3)
        let chains = [0.0, 10.0].map { level in
            (0..<500).map { _ in level + RandomVariates.standardNormal(using: &generator) }
        }
        XCTAssertLessThan(EffectiveSampleSize.ess(chains), 50)
    }

    func testInvariantUnderShiftAndScale() {
        var generator = SeededGenerator(seed: 4)
        let chains = (0..<2).map { _ in (0..<300).map { _ in RandomVariates.standardNormal(using: &generator) } }
        let transformed = chains.map { $0.map { 3 * $0 - 7 } }
        assertClose(EffectiveSampleSize.ess(chains), EffectiveSampleSize.ess(transformed), rel: 1e-9)
    }
}
