import GroupingCore
import XCTest

/// Each branch of the playbook's decision tree, on hand-built candidate results.
final class RecommendationEngineTests: XCTestCase {
    /// A candidate with the given quality and Phase 3 numbers and a fitted, healthy model.
    static func candidate(
        _ name: String, kind: String = "categorical", quality: Double, p: Double = 1e-6, eta: Double = 0.4,
        minSize: Int = 40, separation: Double = 2.5, corr: Double = -0.6, coverage: Double? = 0.95, fitted: Bool = true
    ) -> CandidateResult {
        var c = CandidateResult(name: name, kind: kind)
        c.groups = [GroupStatistics(label: "A", count: minSize, mean: 0, std: 1, min: -1, max: 1)]
        c.qualityScore = quality
        c.anova = AnovaJSON(f: 10, p: p, dfBetween: 3, dfWithin: 100, reason: nil)
        c.etaSquared = eta
        c.sizes = GroupSizes(min: minSize, median: Double(minSize), max: minSize, belowMin: minSize < 15 ? 1 : 0)
        if fitted {
            var hbm = HBMResult(skipped: nil)
            hbm.separation = SeparationResult(
                betweenSd: separation, avgWithinSd: 1, ratio: separation, label: PosteriorSeparation.label(separation))
            hbm.shrinkage = ShrinkageResult(median: 0.01, medianPct: 10, corrPrecision: corr)
            hbm.coverage = coverage.map {
                CoverageResult(hbm: $0, raw: 0.95, hbmMeanWidth: 0.1, rawMeanWidth: 0.2, creators: 100)
            }
            hbm.diagnostics = ConvergenceDiagnostics(rhatMax: 1.001, essBulkMin: 3000, essTailMin: 3000)
            c.hbm = hbm
        }
        return c
    }

    static func comparison(_ entries: [(String, Double)]) -> [ComparisonRow] {
        let sorted = entries.sorted { $0.1 > $1.1 }
        return sorted.enumerated().map { index, entry in
            let diff = sorted[0].1 - entry.1
            return ComparisonRow(
                name: entry.0, rank: index + 1, elpdLoo: entry.1, looic: -2 * entry.1, elpdDiff: diff, dLooic: 2 * diff,
                se: 10, dse: 2, weight: index == 0 ? 1 : 0)
        }
    }

    func testStrongGroupingIsUsed() {
        let candidates = [
            Self.candidate("genre", quality: 52), Self.candidate("arpu_q", kind: "quantiles", quality: 37),
            Self.candidate("content", quality: 0.3),
        ]
        let (rec, checklistFor) = RecommendationEngine.decide(
            candidates: candidates,
            comparison: Self.comparison([("genre", -100), ("arpu_q", -110), ("content", -130)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, "use_hbm")
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertEqual(checklistFor?.name, "genre")
        XCTAssertTrue(
            rec.reasons.contains { $0.contains("20 LOO-IC points ahead of arpu_q (strong evidence)") }, "\(rec.reasons)"
        )
        XCTAssertTrue(rec.reasons.contains { $0.hasPrefix("All automatic checks pass") })
    }

    func testNoStructureGivesNoHBM() {
        let candidates = [Self.candidate("a", quality: 5), Self.candidate("b", quality: 19.9)]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, comparison: Self.comparison([("a", -100), ("b", -101)]), thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(rec.decision, "no_hbm")
        XCTAssertNil(rec.grouping)
        XCTAssertTrue(rec.reasons[0].contains("best: b, 19.9%"), rec.reasons[0])
    }

    func testTieIsSettledByInterpretability() {
        // The cluster grouping is best by 1.6 LOO-IC points: a tie, and genre is declared interpretable.
        let candidates = [
            Self.candidate("data_driven_cluster", kind: "cluster", quality: 45), Self.candidate("genre", quality: 40),
        ]
        var review = ReviewConfig()
        review.interpretable = ["genre"]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, comparison: Self.comparison([("data_driven_cluster", -100), ("genre", -100.8)]),
            thresholds: Thresholds(), review: review)
        XCTAssertEqual(rec.decision, "use_hbm")
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertTrue(rec.reasons.contains { $0.contains("within 2 LOO-IC points: a tie") }, "\(rec.reasons)")
        XCTAssertTrue(rec.reasons.contains { $0.contains("genre is the most interpretable") })
    }

    func testTieWithoutDeclarationPrefersCategoricalOverQuantiles() {
        let candidates = [
            Self.candidate("arpu_q", kind: "quantiles", quality: 45), Self.candidate("genre", quality: 40),
        ]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, comparison: Self.comparison([("arpu_q", -100), ("genre", -100.5)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.grouping, "genre")
    }

    func testFailingCheckGivesRevise() {
        let candidates = [
            Self.candidate("genre", quality: 50, separation: 0.8, coverage: 0.88), Self.candidate("b", quality: 30),
        ]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, comparison: Self.comparison([("genre", -100), ("b", -120)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, "revise")
        XCTAssertEqual(rec.grouping, "genre")
        let failure = rec.reasons.first { $0.hasPrefix("genre fails") } ?? ""
        XCTAssertTrue(failure.contains("separation (Separation ratio 0.8"), failure)
        XCTAssertTrue(failure.contains("coverage (95% intervals cover 88.0%"), failure)
    }

    func testWithoutITEsTheDecisionIsProvisional() {
        // The cross has the best quality but small cells: genre is the provisional choice.
        let candidates = [
            Self.candidate("genre", quality: 50, fitted: false), Self.candidate("b", quality: 30, fitted: false),
            Self.candidate("genre_x_b", kind: "cross", quality: 57, minSize: 3, fitted: false),
        ]
        let (rec, checklistFor) = RecommendationEngine.decide(
            candidates: candidates, comparison: [], thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, "revise")
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertEqual(checklistFor?.name, "genre")
        XCTAssertTrue(rec.reasons.contains { $0.contains("No ITEs were given") })
        XCTAssertTrue(
            rec.reasons.contains { $0.hasPrefix("Provisional choice: genre, the best quality score (50%)") },
            "\(rec.reasons)")
    }

    func testChecklistStatuses() {
        var review = ReviewConfig()
        review.domainValidated = "Product team"
        review.monitoring = "Quarterly"
        let c = Self.candidate("genre", quality: 50, p: 0.2, eta: 0.1, minSize: 9, coverage: nil)
        let checklist = SummaryChecklist.fill(
            c, comparison: Self.comparison([("genre", -100)]), thresholds: Thresholds(), review: review)
        let status = Dictionary(uniqueKeysWithValues: checklist.items.map { ($0.key, $0.status) })
        XCTAssertEqual(checklist.items.map(\.key), SummaryChecklist.keys)
        XCTAssertEqual(status["domain"], "pass")
        XCTAssertEqual(status["significance"], "fail")
        XCTAssertEqual(status["effect_size"], "fail")
        XCTAssertEqual(status["group_sizes"], "fail")
        XCTAssertEqual(status["loo"], "pass")
        XCTAssertEqual(status["separation"], "pass")
        XCTAssertEqual(status["shrinkage"], "pass")
        XCTAssertEqual(status["coverage"], "not_assessed")
        XCTAssertEqual(status["interpretability"], "review")
        XCTAssertEqual(status["monitoring"], "pass")
        XCTAssertTrue(checklist.items[1].detail.contains("p = 0.2"), checklist.items[1].detail)
    }
}
