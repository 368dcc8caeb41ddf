import GroupingCore
import TestSupport
import XCTest

final class PosteriorSeparationTests: XCTestCase {
    func testRatioIsPopulationSDOfMeansOverMeanSD() throws {
        let groups = [
            PosteriorGroup(label: "a", count: 10, mean: 1, sd: 0.5, hdiLow: 0, hdiHigh: 2),
            PosteriorGroup(label: "b", count: 10, mean: 3, sd: 1.5, hdiLow: 0, hdiHigh: 2),
        ]
        let s = try XCTUnwrap(PosteriorSeparation.compute(groups))
        assertClose(1, s.betweenSd)  // population sd of [1, 3]
        assertClose(1, s.avgWithinSd)
        assertClose(1, s.ratio)
        XCTAssertEqual(s.label, "weak")
        XCTAssertEqual(PosteriorSeparation.label(2.5), "strong")
        XCTAssertEqual(PosteriorSeparation.label(1.5), "moderate")
    }

    func testZeroPosteriorSDGivesNoRatio() throws {
        let s = try XCTUnwrap(
            PosteriorSeparation.compute([PosteriorGroup(label: "a", count: 1, mean: 1, sd: 0, hdiLow: 1, hdiHigh: 1)]))
        XCTAssertNil(s.ratio)
    }
}

final class ShrinkageAnalysisTests: XCTestCase {
    func testShrinkagePercentAndCorrelation() throws {
        let a = ShrinkageAnalysis(
            effectHat: [1, -2, 0, 4], se: [0.1, 0.2, 0.5, 1], posteriorMean: [0.9, -1.5, 0.3, 2])
        assertClose([0.1, 0.5, 0.3, 2], a.shrinkage, rel: 1e-12, abs: 1e-15)
        XCTAssertTrue(a.shrinkagePercent[2].isNaN)
        assertClose(10, a.shrinkagePercent[0], rel: 1e-12)
        assertClose(0.4, a.summary.median, rel: 1e-12)  // median of 0.1, 0.3, 0.5, 2
        assertClose(25, a.summary.medianPct ?? .nan, rel: 1e-12)  // median of 10, 25, 50
        // Pearson of precision [10, 5, 2, 1] with shrinkage [0.1, 0.5, 0.3, 2], checked with numpy.corrcoef.
        assertClose(-0.6622727934938909, a.summary.corrPrecision ?? .nan, rel: 1e-12)
    }

    func testConstantPrecisionHasNoCorrelation() {
        XCTAssertNil(ShrinkageAnalysis(effectHat: [1, 2], se: [1, 1], posteriorMean: [0, 0]).summary.corrPrecision)
    }
}

final class CoverageCheckTests: XCTestCase {
    func testCountsTruthInsideIntervalsAndSkipsMissingTruth() throws {
        let c = try XCTUnwrap(
            CoverageCheck.compute(
                truth: [0, 1, .nan, 5], lower: [-1, 1.5, 0, 4], upper: [1, 2, 1, 6], effectHat: [0, 1, 0, 0],
                se: [1, 1, 1, 1]))
        XCTAssertEqual(c.creators, 3)
        assertClose(2.0 / 3, c.hbm)
        assertClose(2.0 / 3, c.raw)
        assertClose(3.92, c.rawMeanWidth)
        assertClose((2 + 0.5 + 2) / 3, c.hbmMeanWidth)
        XCTAssertNil(CoverageCheck.compute(truth: [.nan], lower: [0], upper: [1], effectHat: [0], se: [1]))
    }
}

final class SnapshotDiffTests: XCTestCase {
    func snapshot(
        quality: Double, coverage: Double, corr: Double, order: [String], decision: String = "use_hbm",
        schema: Int = 1
    ) -> Snapshot {
        let json = """
            {"schema_version": \(schema), "thresholds": {"quality_poor": 20, "shrinkage_corr": -0.3},
             "recommendation": {"decision": "\(decision)", "grouping": \(decision == "use_hbm" ? "\"genre\"" : "null")},
             "candidates": [
               {"name": "genre", "quality_score": \(quality), "hbm": {"loo": {"elpd": -100}, "separation": {"ratio": 2},
                "shrinkage": {"corr_precision": \(corr)}, "coverage": {"hbm": \(coverage)}}},
               {"name": "arpu", "quality_score": 30, "hbm": {"loo": {"elpd": -110}}}],
             "comparison": [\(order.enumerated().map { "{\"name\": \"\($1)\", \"rank\": \($0 + 1)}" }.joined(separator: ","))]}
            """
        return try! JSONDecoder().decode(Snapshot.self, from: Data(json.utf8))
    }

    func testIdenticalSnapshotsHaveNoAlert() {
        let a = snapshot(quality: 50, coverage: 0.95, corr: -0.6, order: ["genre", "arpu"])
        let diff = SnapshotDiff(old: a, new: a)
        XCTAssertTrue(diff.alerts.isEmpty)
        XCTAssertTrue(diff.table().contains("No change."))
    }

    func testDegradedSnapshotFiresEveryAlert() {
        let old = snapshot(quality: 50, coverage: 0.95, corr: -0.6, order: ["genre", "arpu"])
        let new = snapshot(quality: 12, coverage: 0.85, corr: 0.1, order: ["arpu", "genre"])
        let diff = SnapshotDiff(old: old, new: new)
        XCTAssertEqual(
            Set(diff.alerts.map(\.key)),
            ["quality_below_threshold", "coverage_below_90", "shrinkage_pattern_changed", "loo_ranking_changed"])
        XCTAssertTrue(
            diff.table().contains("ALERT loo_ranking_changed: LOO ranking changed: genre > arpu became arpu > genre"))
    }

    /// A schema 1 snapshot against a schema 2 one whose decision moved to pool_ungrouped.
    func testChangedDecisionIsAnAlert() {
        let old = snapshot(quality: 50, coverage: 0.95, corr: -0.6, order: ["genre", "arpu"])
        let new = snapshot(
            quality: 50, coverage: 0.95, corr: -0.6, order: ["genre", "arpu"], decision: "pool_ungrouped", schema: 2)
        let diff = SnapshotDiff(old: old, new: new)
        XCTAssertEqual(diff.alerts.map(\.key), ["decision_changed"])
        XCTAssertTrue(
            diff.table().contains("The recommendation changed: use_hbm (genre) became pool_ungrouped"), diff.table())
    }

    func testDifferentCandidateSetsAndSchemasAreComparedOnWhatTheyShare() throws {
        let old = snapshot(quality: 50, coverage: 0.95, corr: -0.6, order: ["genre", "arpu"])
        let new = try JSONDecoder().decode(
            Snapshot.self,
            from: Data(
                #"{"schema_version": 2, "candidates": [{"name": "genre", "quality_score": 49, "extra": true}, {"name": "new_one"}]}"#
                    .utf8))
        let diff = SnapshotDiff(old: old, new: new)
        XCTAssertEqual(diff.changes.map(\.name), ["genre"])
        XCTAssertTrue(diff.notes.contains { $0.contains("Schema versions differ") })
        XCTAssertTrue(diff.notes.contains { $0.contains("Only in the new snapshot: new_one") })
        XCTAssertTrue(diff.notes.contains { $0.contains("Only in the old snapshot: arpu") })
    }
}
