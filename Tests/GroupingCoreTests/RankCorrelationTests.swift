import GroupingCore
import TestSupport
import XCTest

/// `RankCorrelation`: average ranks and Spearman's rho. Reference values from Python,
/// scipy 1.17.1 (`scipy.stats.rankdata`, `scipy.stats.spearmanr(x, y).statistic`).
final class RankCorrelationTests: XCTestCase {
    /// Ties share the mean of the ranks they span: 20 occupies ranks 3, 4, 5 → 4.
    /// rankdata([10, 20, 20, 30, 20, 5]) = [2, 4, 4, 6, 4, 1].
    func testAverageRanks() {
        XCTAssertEqual(RankCorrelation.averageRanks([10, 20, 20, 30, 20, 5]), [2, 4, 4, 6, 4, 1])
        XCTAssertEqual(RankCorrelation.averageRanks([3, 1, 4, 1, 5, 9, 2, 6]), [4, 1.5, 5, 1.5, 6, 8, 3, 7])
        XCTAssertEqual(RankCorrelation.averageRanks([2, 7, 1, 8, 2, 8, 1, 8]), [3.5, 5, 1.5, 7, 3.5, 7, 1.5, 7])
        XCTAssertEqual(RankCorrelation.averageRanks([7, 7, 7]), [2, 2, 2])
        XCTAssertEqual(RankCorrelation.averageRanks([]), [])
        XCTAssertEqual(RankCorrelation.averageRanks([-1]), [1])
    }

    /// Any strictly increasing transform gives +1, any strictly decreasing one −1.
    func testPerfectMonotoneRelations() {
        let x: [Double] = [0.3, -2, 5, 1e-3, 40, 7]
        assertClose(1, RankCorrelation.spearman(x, x.map { $0 * $0 * $0 + 1 }), rel: 1e-15)
        assertClose(1, RankCorrelation.spearman(x, x.map { Foundation.exp($0 / 10) }), rel: 1e-15)
        assertClose(-1, RankCorrelation.spearman(x, x.map { -$0 }), rel: 1e-15)
        assertClose(-1, RankCorrelation.spearman([1, 2], [2, 1]), rel: 1e-15)
        assertClose(1, RankCorrelation.spearman([1, 2], [-5, 5]), rel: 1e-15)
    }

    /// Small cases with known values.
    func testKnownValues() {
        // spearmanr([1,2,3,4,5], [5,6,7,8,7]): y ranks 1, 2, 3.5, 5, 3.5.
        assertClose(0.8207826816681233, RankCorrelation.spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]), rel: 1e-14)
        // Without ties, 1 − 6Σd²/(n(n² − 1)): ranks 1…8 against 8,1,7,2,6,3,5,4 give
        // d = −7,1,−4,2,−1,3,2,4, Σd² = 100, rho = 1 − 600/504 = −4/21 (scipy: −0.19047619047619052).
        assertClose(
            -4.0 / 21, RankCorrelation.spearman([1, 2, 3, 4, 5, 6, 7, 8], [8, 1, 7, 2, 6, 3, 5, 4]), rel: 1e-14)
        // 2,1,4,3,6,5,8,7: Σd² = 8, rho = 1 − 48/504 = 19/21 (scipy: 0.9047619047619048).
        assertClose(
            19.0 / 21, RankCorrelation.spearman([1, 2, 3, 4, 5, 6, 7, 8], [2, 1, 4, 3, 6, 5, 8, 7]), rel: 1e-14)
    }

    /// Ties on both sides, with the average-rank convention (Pearson of the average ranks, not
    /// the Σd² shortcut, which is wrong with ties).
    func testTies() {
        // x ranks 1, 2.5, 2.5, 4 against 1…4: Pearson = 4.5/√(4.5·5) = 3/√10 = 0.9486832980505139.
        assertClose(0.9486832980505139, RankCorrelation.spearman([1, 2, 2, 3], [1, 2, 3, 4]), rel: 1e-14)
        assertClose(3 / 10.0.squareRoot(), RankCorrelation.spearman([1, 2, 2, 3], [1, 2, 3, 4]), rel: 1e-14)
        // A balanced 2×2 of ties: exactly uncorrelated.
        assertClose(0, RankCorrelation.spearman([1, 1, 2, 2], [1, 2, 1, 2]), abs: 1e-15)
        // Ties on both sides (the ranks of `testAverageRanks`).
        assertClose(
            0.19885368120992467,
            RankCorrelation.spearman([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]), rel: 1e-14)
        // Symmetric in its arguments.
        assertClose(
            RankCorrelation.spearman([2, 7, 1, 8, 2, 8, 1, 8], [3, 1, 4, 1, 5, 9, 2, 6]),
            RankCorrelation.spearman([3, 1, 4, 1, 5, 9, 2, 6], [2, 7, 1, 8, 2, 8, 1, 8]), rel: 1e-15)
    }

    /// As documented: nil when either side is constant, with fewer than two pairs, or when the
    /// lengths differ (scipy gives NaN for a constant side).
    func testDegenerateInput() {
        XCTAssertNil(RankCorrelation.spearman([1, 1, 1, 1], [1, 2, 3, 4]))
        XCTAssertNil(RankCorrelation.spearman([1, 2, 3, 4], [5, 5, 5, 5]))
        XCTAssertNil(RankCorrelation.spearman([2, 2], [2, 2]))
        XCTAssertNil(RankCorrelation.spearman([1], [1]))
        XCTAssertNil(RankCorrelation.spearman([], []))
        XCTAssertNil(RankCorrelation.spearman([1, 2, 3], [1, 2]))
    }
}
