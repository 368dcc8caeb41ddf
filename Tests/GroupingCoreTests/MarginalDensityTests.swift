import Foundation
import GroupingNumerics
import TestSupport
import XCTest

@testable import GroupingCore

final class MarginalDensityTests: XCTestCase {
    /// 60 creators in 3 groups with a clear between-group spread, fitted once for the tests.
    static let sharedFit = makeOneWayFit()
    func oneWayFit() -> HierarchicalFit { Self.sharedFit }

    static func makeOneWayFit() -> HierarchicalFit {
        var generator = SeededGenerator(seed: 2026)
        let n = 60
        let codes = (0..<n).map { Int32($0 % 3) }
        let ses = (0..<n).map { _ in 0.05 + 0.1 * RandomVariates.uniformOpen(using: &generator) }
        let effects = (0..<n).map { i in
            0.15 * Double(codes[i]) + 0.1 * RandomVariates.standardNormal(using: &generator)
                + ses[i] * RandomVariates.standardNormal(using: &generator)
        }
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "g", codes: codes, labels: ["a", "b", "c"]))
        return HierarchicalModel.fit(
            spec: spec, effects: effects, ses: ses, priors: Priors.default(effects: effects, ses: ses))
    }

    /// ∫ f, ∫ x f and ∫ x² f by the trapezoid rule.
    func moments(_ x: [Double], _ f: [Double]) -> (mass: Double, mean: Double, sd: Double) {
        var m0 = 0.0
        var m1 = 0.0
        var m2 = 0.0
        for j in 1..<x.count {
            let w = (x[j] - x[j - 1]) / 2
            m0 += w * (f[j] + f[j - 1])
            m1 += w * (x[j] * f[j] + x[j - 1] * f[j - 1])
            m2 += w * (x[j] * x[j] * f[j] + x[j - 1] * x[j - 1] * f[j - 1])
        }
        let mean = m1 / m0
        return (m0, mean, (m2 / m0 - mean * mean).squareRoot())
    }

    func testTheDensitiesAgreeWithTheFitsExactMoments() throws {
        let fit = oneWayFit()
        let densities = fit.marginalDensities()
        XCTAssertEqual(densities.map(\.name), fit.hyperparameters.map(\.name))
        for (density, exact) in zip(densities, fit.hyperparameters) {
            XCTAssertEqual(density.values.count, MarginalDensity.pointsPerAxis(dimension: 2))
            XCTAssertEqual(density.values, density.values.sorted())
            let m = moments(density.values, density.posterior)
            // The lattice holds the central 99.9% and a margin: almost all the mass.
            XCTAssertEqual(m.mass, 1, accuracy: 0.01, density.name)
            // Mean and sd of the same posterior as the grid's, to lattice and truncation error.
            XCTAssertEqual(m.mean, exact.mean, accuracy: 0.01 * exact.mean, density.name)
            XCTAssertEqual(m.sd, exact.sd, accuracy: 0.03 * exact.sd, density.name)
        }
    }

    func testThePriorIsTheHalfNormalDensity() throws {
        let fit = oneWayFit()
        for (density, marginal) in zip(fit.marginalDensities(), fit.marginals) {
            let s = marginal.priorScale
            for (x, prior) in zip(density.values, density.prior) {
                let expected = 2 / (s * (2 * Double.pi).squareRoot()) * exp(-x * x / (2 * s * s))
                assertClose(expected, prior, rel: 1e-12)
            }
        }
        let unit = HyperparameterMarginal(name: "tau", values: [], mass: [], priorScale: 1)
        // 2 φ(0) = 0.7978845608028654, 2 φ(1) = 0.4839414490382867, nothing below zero.
        let values = unit.priorDensity(at: [0, 1, -1])
        assertClose(0.7978845608028654, values[0], rel: 1e-14)
        assertClose(0.4839414490382867, values[1], rel: 1e-14)
        XCTAssertEqual(values[2], 0)
    }

    func testMarginalMassesSumTheOtherAxes() {
        // A 2 × 3 lattice of log densities: masses ∝ exp, axis 0 outermost.
        let axes = [[0.0, 1.0], [0.0, 1.0, 2.0]]
        let weights: [Double] = [1, 2, 3, 4, 5, 6]
        let masses = MarginalDensity.marginalMasses(weights.map(log), axes: axes)
        let total = 21.0
        XCTAssertEqual(masses[0][0], 6 / total, accuracy: 1e-12)
        XCTAssertEqual(masses[0][1], 15 / total, accuracy: 1e-12)
        XCTAssertEqual(masses[1], [5 / total, 7 / total, 9 / total].map { $0 }, accuracy: 1e-12)
    }

    func testAnAxisCoversTheDrawsCentralRangeInLogs() throws {
        let draws = (1...1_000).map { Double($0) / 1_000 }
        let axis = try XCTUnwrap(MarginalDensity.axis(draws: draws, count: 11))
        XCTAssertEqual(axis.count, 11)
        let low = log(Quantile.linear(sorted: draws, 0.0005))
        let high = log(Quantile.linear(sorted: draws, 0.9995))
        XCTAssertEqual(axis.first!, low - 0.05 * (high - low), accuracy: 1e-12)
        XCTAssertEqual(axis.last!, high + 0.05 * (high - low), accuracy: 1e-12)
        XCTAssertNil(MarginalDensity.axis(draws: [0.3, 0.3, 0.3], count: 11), "no spread, no axis")
        XCTAssertNil(MarginalDensity.axis(draws: [.nan], count: 11))
    }
}

private func XCTAssertEqual(
    _ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
