@testable import GroupingCore
import XCTest

/// Every branch of the schema 2 decision rule (`RecommendationEngine`), on hand-built results.
final class RecommendationEngineTests: XCTestCase {
    /// A candidate with the given quality and Phase 3 numbers and a fitted, healthy model that
    /// beats `ungrouped` by `versus` elpd (dse 5).
    static func candidate(
        _ name: String, kind: String = "categorical", quality: Double, p: Double = 1e-6, eta: Double = 0.4,
        minSize: Int = 40, separation: Double = 2.5, corr: Double = -0.6, coverage: Double? = 0.95,
        plausibleLow: Double? = nil, pitP: Double = 0.5, versus: Double = 50, fitted: Bool = true
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
                var result = CoverageResult(hbm: $0, raw: 0.95, hbmMeanWidth: 0.1, rawMeanWidth: 0.2, creators: 100)
                result.plausibleLow = plausibleLow
                return result
            }
            hbm.diagnostics = ConvergenceDiagnostics(rhatMax: 1.001, essBulkMin: 3000, essTailMin: 3000)
            hbm.looPIT = LOOPITResult(
                statistic: 0.2, p: pitP, verdict: pitP < 0.01 ? .tooNarrow : .calibrated, tailShare: 0.1, values: 100)
            hbm.versusUngrouped = VersusUngrouped(
                elpdDiff: versus, dse: 5, pWorse: ModelComparison.probabilityWorse(elpdDiff: versus, dse: 5))
            hbm.trueShare = 0.5
            c.hbm = hbm
        }
        return c
    }

    static func baseline(pooling: Double = 0.6, pitP: Double = 0.5) -> HBMResult {
        var hbm = HBMResult(skipped: nil)
        hbm.pooling = PoolingResult(mean: pooling, median: pooling, groups: [])
        hbm.tau = MeanSD(mean: 0.05, sd: 0.01)
        hbm.diagnostics = ConvergenceDiagnostics(rhatMax: 1.001, essBulkMin: 3000, essTailMin: 3000)
        hbm.looPIT = LOOPITResult(
            statistic: 0.2, p: pitP, verdict: pitP < 0.01 ? .tooNarrow : .calibrated, tailShare: 0.2, values: 500)
        return hbm
    }

    /// Comparison rows with dse `dse` and the loo package's flags for n = 500.
    static func comparison(_ entries: [(String, Double)], dse: Double = 2) -> [ComparisonRow] {
        let sorted = entries.sorted { $0.1 > $1.1 }
        return sorted.enumerated().map { index, entry in
            let diff = sorted[0].1 - entry.1
            var row = ComparisonRow(
                name: entry.0, rank: index + 1, elpdLoo: entry.1, looic: -2 * entry.1, elpdDiff: diff, dLooic: 2 * diff,
                se: 10, dse: index == 0 ? 0 : dse, weight: index == 0 ? 1 : 0)
            row.pWorse = index == 0 ? 0 : ModelComparison.probabilityWorse(elpdDiff: diff, dse: dse)
            row.diag = ModelComparison.diagnostics(
                isBest: index == 0, elpdDiff: diff, observations: 500, paretoKBad: false)
            return row
        }
    }

    func testClearWinnerIsUsed() {
        let candidates = [
            Self.candidate("genre", quality: 52), Self.candidate("arpu_q", kind: "quantiles", quality: 37),
            Self.candidate("content", quality: 0.3, versus: 1),
        ]
        let (rec, checklistFor) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(),
            comparison: Self.comparison([("genre", -100), ("arpu_q", -110), ("content", -130), ("ungrouped", -150)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, .useHbm)
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertEqual(checklistFor?.name, "genre")
        XCTAssertTrue(rec.reasons.contains { $0.contains("by 10 elpd (dse 2, 5 dse; LOO-IC 20") }, "\(rec.reasons)")
        XCTAssertTrue(rec.reasons.contains { $0.hasSuffix("a clear winner (LOO-IC above 4 and more than 2 dse)") })
        XCTAssertTrue(rec.reasons.contains { $0.hasPrefix("The blocking checks pass for genre") })
    }

    /// Two standard errors of LOO-IC margin are not enough: 5 elpd with dse 3 is "not decisive"
    /// and the tie goes to the more interpretable categorical.
    func testLeadWithinTwoDSEIsNotDecisive() {
        let candidates = [
            Self.candidate("arpu_q", kind: "quantiles", quality: 45), Self.candidate("genre", quality: 40),
        ]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(),
            comparison: Self.comparison([("arpu_q", -100), ("genre", -105), ("ungrouped", -160)], dse: 3),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, .useHbm)
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertTrue(rec.reasons.contains { $0.hasSuffix("not decisive") }, "\(rec.reasons)")
        XCTAssertTrue(rec.reasons.contains { $0.contains("genre is the most interpretable") }, "\(rec.reasons)")
    }

    /// A flag (small difference) makes the lead not decisive even when it exceeds 2 dse.
    func testDiagFlagMakesTheLeadNotDecisive() {
        var review = ReviewConfig()
        review.interpretable = ["genre"]
        let candidates = [
            Self.candidate("data_driven_cluster", kind: "cluster", quality: 45), Self.candidate("genre", quality: 40),
        ]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(),
            comparison: Self.comparison([("data_driven_cluster", -100), ("genre", -103), ("ungrouped", -160)], dse: 1),
            thresholds: Thresholds(), review: review)
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertTrue(rec.reasons.contains { $0.contains("flags: small_difference") }, "\(rec.reasons)")
    }

    /// Weak structure: the playbook's score on noisy effect_hat is poor, but the grouping beats
    /// ungrouped clearly, so it is shortlisted and used.
    func testWeakStructureBeatingUngroupedIsNotDroppedByTheQualityGate() {
        let candidates = [Self.candidate("genre", quality: 16, versus: 30), Self.candidate("b", quality: 3, versus: 2)]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(),
            comparison: Self.comparison([("genre", -100), ("ungrouped", -130), ("b", -128)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, .useHbm)
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertTrue(rec.reasons[0].contains("genre (quality 16%"), rec.reasons[0])
        XCTAssertFalse(rec.reasons[0].contains("b (quality"), rec.reasons[0])
    }

    func testNoGroupingButPoolingHelpsGivesPoolUngrouped() {
        let candidates = [Self.candidate("a", quality: 25, versus: 3), Self.candidate("b", quality: 5, versus: -1)]
        let (rec, checklistFor) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(pooling: 0.7),
            comparison: Self.comparison([("a", -100), ("ungrouped", -103), ("b", -104)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, .poolUngrouped)
        XCTAssertNil(rec.grouping)
        XCTAssertEqual(checklistFor?.name, "ungrouped")
        XCTAssertTrue(rec.reasons.contains { $0.contains("the best, a, is +3 elpd against it (dse 5") }, "\(rec.reasons)")
        XCTAssertTrue(rec.reasons.contains { $0.contains("median pooling factor is 0.7 (above 0.05)") }, "\(rec.reasons)")
    }

    func testNegligiblePoolingGivesNoHBM() {
        let candidates = [Self.candidate("a", quality: 5, versus: 0.5)]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(pooling: 0.01),
            comparison: Self.comparison([("a", -100), ("ungrouped", -100.5)]), thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(rec.decision, .noHbm)
        XCTAssertNil(rec.grouping)
        XCTAssertTrue(rec.reasons.contains { $0.contains("(negligible below 0.05)") }, "\(rec.reasons)")
    }

    func testMiscalibratedUngroupedModelGivesRevise() {
        let candidates = [Self.candidate("a", quality: 5, versus: 0.5)]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(pooling: 0.5, pitP: 0.001),
            comparison: Self.comparison([("a", -100), ("ungrouped", -100.5)]), thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(rec.decision, .revise)
        XCTAssertNil(rec.grouping)
        XCTAssertTrue(rec.reasons.contains { $0.contains("calibration (LOO-PIT values pile up") }, "\(rec.reasons)")
    }

    /// Blocking checks send the grouping back; the playbook's noisy checks do not.
    func testCalibrationBlocksAndSeparationDoesNot() {
        let failing = [Self.candidate("genre", quality: 50, separation: 0.8, pitP: 0.001)]
        let comparison = Self.comparison([("genre", -100), ("ungrouped", -150)])
        let (rec, _) = RecommendationEngine.decide(
            candidates: failing, baseline: Self.baseline(), comparison: comparison, thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(rec.decision, .revise)
        XCTAssertEqual(rec.grouping, "genre")
        let failure = rec.reasons.first { $0.hasPrefix("genre fails") } ?? ""
        XCTAssertTrue(failure.contains("calibration (LOO-PIT values pile up near 0 and 1"), failure)
        XCTAssertTrue(failure.contains("se_multiplier"), failure)
        XCTAssertFalse(failure.contains("separation"), failure)

        let advisory = [Self.candidate("genre", quality: 50, separation: 0.8)]
        let (ok, _) = RecommendationEngine.decide(
            candidates: advisory, baseline: Self.baseline(), comparison: comparison, thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(ok.decision, .useHbm)
    }

    /// An inadequate grid sends the grouping back; an R-hat warning on the independent draws
    /// does not.
    func testGridAdequacyBlocksAndRHatNoiseDoesNot() {
        let comparison = Self.comparison([("genre", -100), ("ungrouped", -150)])
        var noisy = Self.candidate("genre", quality: 50)
        noisy.hbm?.diagnostics?.warnings = ["mu_group[Lifestyle]: R-hat 1.011 > 1.01"]
        let (ok, _) = RecommendationEngine.decide(
            candidates: [noisy], baseline: Self.baseline(), comparison: comparison, thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(ok.decision, .useHbm, "\(ok.reasons)")

        var coarse = Self.candidate("genre", quality: 50)
        coarse.hbm?.diagnostics?.grid = GridDiagnostics(
            nodes: 900, step: [0.25, 0.25], refinements: 2, nodes99: [20, 20], edgeMass: 0, change: 0.034,
            adequate: false, names: ["mu", "tau"])
        let (rec, _) = RecommendationEngine.decide(
            candidates: [coarse], baseline: Self.baseline(), comparison: comparison, thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(rec.decision, .revise)
        XCTAssertEqual(rec.grouping, "genre")
        let failure = rec.reasons.first { $0.hasPrefix("genre fails") } ?? ""
        XCTAssertTrue(failure.contains("grid adequacy (change 0.034 sd"), failure)
    }

    /// Coverage fails only below both the threshold and what a well-specified model shows.
    func testCoverageFailsOnlyBelowThePlausibleRange() {
        let comparison = Self.comparison([("genre", -100), ("ungrouped", -150)])
        let plausible = [Self.candidate("genre", quality: 50, coverage: 0.91, plausibleLow: 0.90)]
        let (pass, _) = RecommendationEngine.decide(
            candidates: plausible, baseline: Self.baseline(), comparison: comparison, thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(pass.decision, .useHbm)
        let low = [Self.candidate("genre", quality: 50, coverage: 0.85, plausibleLow: 0.90)]
        let (fail, _) = RecommendationEngine.decide(
            candidates: low, baseline: Self.baseline(), comparison: comparison, thresholds: Thresholds(),
            review: ReviewConfig())
        XCTAssertEqual(fail.decision, .revise)
        XCTAssertTrue(fail.reasons.contains { $0.contains("coverage (95% intervals cover 85.0%") }, "\(fail.reasons)")
    }

    func testWithoutITEsTheDecisionIsProvisional() {
        // The cross has the best quality but small cells: genre is the provisional choice.
        let candidates = [
            Self.candidate("genre", quality: 50, fitted: false), Self.candidate("b", quality: 30, fitted: false),
            Self.candidate("genre_x_b", kind: "cross", quality: 57, minSize: 3, fitted: false),
        ]
        let (rec, checklistFor) = RecommendationEngine.decide(
            candidates: candidates, comparison: [], thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, .revise)
        XCTAssertEqual(rec.grouping, "genre")
        XCTAssertEqual(checklistFor?.name, "genre")
        XCTAssertTrue(rec.reasons.contains { $0.contains("No ITEs were given") })
        XCTAssertTrue(
            rec.reasons.contains { $0.hasPrefix("Provisional choice: genre, the best quality score (50%)") },
            "\(rec.reasons)")
    }

    func testWithoutITEsAndNoStructureGivesNoHBM() {
        let candidates = [Self.candidate("a", quality: 5, fitted: false), Self.candidate("b", quality: 19.9, fitted: false)]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, comparison: [], thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.decision, .noHbm)
        XCTAssertTrue(rec.reasons[0].contains("best: b, 19.9%"), rec.reasons[0])
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
        XCTAssertEqual(status["calibration"], "pass")
        XCTAssertTrue(checklist.items[1].detail.contains("p = 0.2"), checklist.items[1].detail)
    }
}

extension RecommendationEngineTests {
    /// Found by the simulated worlds: a tie between an additive candidate and the cross of its
    /// members goes to the additive one (it was ranked after the cross and the cluster).
    func testTieBetweenAdditiveAndCrossGoesToAdditive() {
        let candidates = [
            Self.candidate("genre_x_content", kind: "cross", quality: 45),
            Self.candidate("genre_plus_content", kind: "additive", quality: 44),
        ]
        let (rec, _) = RecommendationEngine.decide(
            candidates: candidates, baseline: Self.baseline(),
            comparison: Self.comparison([("genre_x_content", -100), ("genre_plus_content", -101), ("ungrouped", -160)]),
            thresholds: Thresholds(), review: ReviewConfig())
        XCTAssertEqual(rec.grouping, "genre_plus_content")
    }
}
