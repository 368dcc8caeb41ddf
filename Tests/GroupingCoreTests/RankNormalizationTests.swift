import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

final class RankNormalizationTests: XCTestCase {
    // MARK: splitChains

    func testSplitEvenChains() {
        let split = RankNormalization.splitChains([[1, 2, 3, 4], [5, 6, 7, 8]])
        XCTAssertEqual(split, [[1, 2], [5, 6], [3, 4], [7, 8]], "first halves, then second halves")
    }

    func testSplitOddChainsDropsTheMiddleDraw() {
        // ArviZ `_split_chains` on [[1…5], [6…10]] gives [[1,2],[6,7],[4,5],[9,10]].
        let split = RankNormalization.splitChains([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
        XCTAssertEqual(split, [[1, 2], [6, 7], [4, 5], [9, 10]])
    }

    func testSplitEdgeCases() {
        XCTAssertEqual(RankNormalization.splitChains([]), [])
        XCTAssertEqual(RankNormalization.splitChains([[7]]), [[], []])
        XCTAssertEqual(RankNormalization.splitChains([[7, 8]]), [[7], [8]])
    }

    // MARK: zScale

    /// Φ⁻¹((r − 3/8)/(S + 1/4)) for average rank r of S draws.
    func testZScaleWithTiesAgainstTheHandComputedTransform() {
        // Draws 3, 1 | 2, 2: ranks 4, 1 | 2.5, 2.5; S = 4.
        // (4 − 0.375)/4.25 = 0.852941…, Φ⁻¹ = 1.0491313979639707 (scipy norm.ppf; ArviZ _z_scale
        // gives the same); (2.5 − 0.375)/4.25 = 0.5 exactly, Φ⁻¹ = 0.
        let z = RankNormalization.zScale([[3, 1], [2, 2]])
        XCTAssertEqual(z.count, 2)
        assertClose([1.0491313979639707, -1.0491313979639707], z[0], rel: 1e-13)
        XCTAssertEqual(z[1], [0, 0])
    }

    func testZScaleWithoutTies() {
        // S = 5, ranks 1…5: p = (r − 0.375)/5.25.
        let values: [Double] = [10, -2, 3.5, 100, 0]
        let z = RankNormalization.zScale([values]).flatMap { $0 }
        let ranks: [Double] = [4, 1, 3, 5, 2]
        let expected = ranks.map { NormalQuantile.of(($0 - 0.375) / 5.25) }
        assertClose(expected, z, rel: 1e-15)
        // The middle rank maps to exactly 0 and the transform is antisymmetric.
        XCTAssertEqual(z[2], 0)
        assertClose(-z[0], z[4], rel: 1e-15)
        assertClose(-z[3], z[1], rel: 1e-15)
        // p of the smallest draw: 0.625/5.25 = 0.119047…, Φ⁻¹ = −1.1797611176118612 (scipy norm.ppf)
        assertClose(-1.1797611176118612, z[1], rel: 1e-12)
    }

    func testZScaleDependsOnlyOnRanks() {
        let a = RankNormalization.zScale([[0.1, 5, 2], [3, -1, 4]])
        let b = RankNormalization.zScale([[exp(0.1), exp(5), exp(2)], [exp(3), exp(-1), exp(4)]])
        XCTAssertEqual(a, b, "a monotone transform of the draws changes nothing")
        XCTAssertEqual(a.map(\.count), [3, 3], "chain shape kept")
    }

    func testZScaleOfConstantDrawsIsZero() {
        XCTAssertEqual(RankNormalization.zScale([[4, 4], [4, 4]]), [[0, 0], [0, 0]])
        XCTAssertEqual(RankNormalization.zScale([[9]]), [[0]], "one draw: rank 1, p = 0.625/1.25 = 0.5")
    }

    func testZScaleOfNoDraws() {
        XCTAssertEqual(RankNormalization.zScale([]), [])
        XCTAssertEqual(RankNormalization.zScale([[], []]), [[], []])
    }

    // MARK: fold

    func testFoldAroundTheMedianOfAllDraws() {
        // Odd count: median 3.
        XCTAssertEqual(RankNormalization.fold([[1, 5], [3, 7, 2]]), [[2, 2], [0, 4, 1]])
        // Even count: median (2 + 4)/2 = 3 of 1, 2, 4, 10.
        XCTAssertEqual(RankNormalization.fold([[10, 1], [4, 2]]), [[7, 2], [1, 1]])
        // No draws: nothing to fold (it used to index an empty array).
        XCTAssertEqual(RankNormalization.fold([]), [])
        XCTAssertEqual(RankNormalization.fold([[], []]), [[], []])
        XCTAssertEqual(RankNormalization.fold([[-2]]), [[0]])
    }
}
