import GroupingCore
import XCTest

/// `PitfallDetector.detect`: each pitfall with a minimal input just past its rule and one just
/// short of it (default thresholds: min_group_size 15, min_group_size_hbm 5; the
/// double-dipping association must exceed 0.9).
final class PitfallDetectorTests: XCTestCase {
    let thresholds = Thresholds()

    /// A candidate with `groups` groups whose smallest has `min` creators and of which
    /// `belowMin` are below min_group_size.
    func candidate(_ name: String, kind: String = "quantiles", groups: Int, min: Int, belowMin: Int)
        -> CandidateResult
    {
        var result = CandidateResult(name: name, kind: kind)
        result.groups = (0..<groups).map {
            GroupStatistics(label: "g\($0)", count: 20, mean: 0, std: nil, min: 0, max: 0)
        }
        result.sizes = GroupSizes(min: min, median: 20, max: 40, belowMin: belowMin)
        return result
    }

    func detect(
        _ candidates: [CandidateResult], crossed: [CrossedCells] = [], recommendation: Recommendation? = nil,
        association: [String: Double] = [:]
    ) -> [Pitfall] {
        PitfallDetector.detect(
            candidates: candidates, crossed: crossed, recommendation: recommendation,
            effectHatAssociation: association, thresholds: thresholds)
    }

    func testThresholdsUsedHere() {
        XCTAssertEqual(thresholds.minGroupSize, 15)
        XCTAssertEqual(thresholds.minGroupSizeHbm, 5)
        XCTAssertEqual(PitfallDetector.derivedCorrelation, 0.9)
    }

    /// Rule 1 of too_many_small_groups: the smallest group is below min_group_size_hbm (4 < 5);
    /// at 5 it is not (and one group below 15 of four is not a quarter with at least two).
    func testTooManySmallGroupsBySmallestGroup() {
        let triggered = detect([candidate("tiers", groups: 4, min: 4, belowMin: 1)])
        XCTAssertEqual(triggered.map(\.key), ["too_many_small_groups"])
        XCTAssertEqual(triggered.first?.candidate, "tiers")
        XCTAssertEqual(
            triggered.first?.detail,
            "tiers: 1 of 4 groups has fewer than 15 creators (smallest 4); merge groups or use coarser bins")
        XCTAssertEqual(detect([candidate("tiers", groups: 4, min: 5, belowMin: 1)]), [])
    }

    /// Rule 2: at least two groups below min_group_size and they are at least a quarter:
    /// 2 of 8 (4·2 = 8 ≥ 8) triggers, 2 of 9 (8 < 9) does not, nor 1 of 4 (only one).
    func testTooManySmallGroupsByShareBelowMinimum() {
        XCTAssertEqual(
            detect([candidate("deciles", groups: 8, min: 10, belowMin: 2)]).map(\.key), ["too_many_small_groups"])
        XCTAssertEqual(detect([candidate("deciles", groups: 9, min: 10, belowMin: 2)]), [])
        XCTAssertEqual(detect([candidate("deciles", groups: 4, min: 10, belowMin: 1)]), [])
    }

    /// small_crossed_cells: a cross whose smallest cell is below min_group_size (14 < 15);
    /// empty combinations are named in the detail. At 15 nothing is flagged.
    func testSmallCrossedCells() {
        let small = CrossedCells(
            name: "genre_x_tier", members: ["genre", "tier"], cells: 6, minCell: 14, emptyCombinations: 2, belowMin: 1)
        let triggered = detect([], crossed: [small])
        XCTAssertEqual(triggered.map(\.key), ["small_crossed_cells"])
        XCTAssertEqual(triggered.first?.candidate, "genre_x_tier")
        XCTAssertEqual(
            triggered.first?.detail,
            "genre_x_tier: 1 of 6 crossed cells has fewer than 15 creators (smallest 14), 2 combinations are empty; consider main effects only"
        )
        var enough = small
        enough.minCell = 15
        enough.belowMin = 0
        XCTAssertEqual(detect([], crossed: [enough]), [])
    }

    /// cluster_chosen: the recommended grouping is a k-means cluster candidate. Not when the
    /// recommendation picks another kind, names no grouping, or is missing.
    func testClusterChosen() {
        let candidates = [
            candidate("cluster", kind: "cluster", groups: 3, min: 30, belowMin: 0),
            candidate("genre", kind: "categorical", groups: 3, min: 30, belowMin: 0),
        ]
        let chosen = detect(
            candidates, recommendation: Recommendation(decision: .useHbm, grouping: "cluster", reasons: []))
        XCTAssertEqual(chosen.map(\.key), ["cluster_chosen"])
        XCTAssertEqual(chosen.first?.candidate, "cluster")
        XCTAssertEqual(
            detect(candidates, recommendation: Recommendation(decision: .useHbm, grouping: "genre", reasons: [])),
            [])
        XCTAssertEqual(
            detect(candidates, recommendation: Recommendation(decision: .poolUngrouped, grouping: nil, reasons: [])), []
        )
        XCTAssertEqual(detect(candidates, recommendation: nil), [])
    }

    /// double_dipping: the candidate's association with effect_hat exceeds 0.9 (strictly).
    /// 19/21 = 0.905 is the Spearman rho of ranks 1…8 against 2,1,4,3,6,5,8,7
    /// (Σd² = 8, 1 − 6·8/(8·63)); exactly 0.9, 4/21 (another permutation, see `AnalysisTests`)
    /// and a candidate without an association are not flagged.
    func testDoubleDipping() {
        let candidates = ["derived", "edge", "honest", "unknown"].map {
            candidate($0, groups: 4, min: 30, belowMin: 0)
        }
        let pitfalls = detect(candidates, association: ["derived": 19.0 / 21, "edge": 0.9, "honest": 4.0 / 21])
        XCTAssertEqual(pitfalls.map(\.key), ["double_dipping"])
        XCTAssertEqual(pitfalls.first?.candidate, "derived")
        XCTAssertTrue(pitfalls.first?.detail.hasPrefix("derived is almost a function of the ITEs themselves") ?? false)
        XCTAssertEqual(detect(candidates), [])
    }

    /// Clean input flags nothing; several pitfalls come in the detector's order.
    func testNoneAndOrder() {
        let clean = candidate("genre", kind: "categorical", groups: 4, min: 30, belowMin: 0)
        XCTAssertEqual(detect([clean]), [])
        let small = candidate("tiers", groups: 4, min: 2, belowMin: 2)
        let cross = CrossedCells(
            name: "x", members: ["a", "b"], cells: 4, minCell: 3, emptyCombinations: 0, belowMin: 2)
        let keys = detect(
            [small, clean], crossed: [cross],
            recommendation: Recommendation(decision: .useHbm, grouping: "genre", reasons: []),
            association: ["genre": 1]
        ).map(\.key)
        XCTAssertEqual(keys, ["too_many_small_groups", "small_crossed_cells", "double_dipping"])
    }
}
