import TestSupport
import XCTest

@testable import GroupingCore

/// The comparison against `az.compare(method="stacking")` (ArviZ 0.23) on the three models
/// of scripts/fixtures/loo_reference.py, to 1e-4.
final class ModelComparisonTests: XCTestCase {
    func testComparisonMatchesArviZ() throws {
        let reference = try LOOReference.load()
        let names = reference.models.map { "model_\(formatted($0.scale))_\(formatted($0.shift))" }
        let pointwise = reference.models.map { $0.reff_1.loo_i }
        let rows = ModelComparison.compare(names: names, pointwiseElpd: pointwise)
        XCTAssertEqual(rows.map(\.name), reference.compare.map(\.name))
        for (row, expected) in zip(rows, reference.compare) {
            XCTAssertEqual(row.rank, expected.rank + 1)
            assertClose(expected.elpd_loo, row.elpdLoo, rel: 1e-10)
            assertClose(expected.elpd_diff, row.elpdDiff, rel: 1e-4, abs: 1e-9)
            assertClose(2 * expected.elpd_diff, row.dLooic, rel: 1e-4, abs: 1e-9)
            assertClose(expected.se, row.se, rel: 1e-4)
            assertClose(expected.dse, row.dse, rel: 1e-4, abs: 1e-9)
            assertClose(expected.weight, row.weight, rel: 1e-4, abs: 1e-4)
        }
        assertClose(1, rows.map(\.weight).reduce(0, +), rel: 1e-12)
    }

    func testStackingPutsAllWeightOnADominantModel() {
        let better = (0..<100).map { Double($0 % 7) * -0.1 }
        let worse = better.map { $0 - 1 }
        let weights = StackingWeights.compute(pointwiseElpd: [worse, better])
        assertClose(0, weights[0], abs: 1e-9)
        assertClose(1, weights[1], rel: 1e-9)
    }

    func testStackingWorksInLogSpace() {
        // elpd far below exp's range: weights must still be defined and sum to one.
        let a = (0..<50).map { -2000.0 - Double($0 % 3) }
        let b = (0..<50).map { -2000.0 - Double(($0 + 1) % 3) }
        let weights = StackingWeights.compute(pointwiseElpd: [a, b])
        XCTAssertTrue(weights.allSatisfy { $0.isFinite && $0 >= 0 })
        assertClose(1, weights.reduce(0, +), rel: 1e-12)
    }

    private func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
