import GroupingCore
import XCTest

@testable import GroupingReport

final class PlaybookGuidanceTests: XCTestCase {
    func testEveryChecklistKeyHasATitleAndACriterion() {
        for key in SummaryChecklist.keys {
            let item = PlaybookGuidance.checklistItem(key, thresholds: Thresholds())
            // The fallback for an unknown key has an empty criterion.
            XCTAssertFalse(item.criterion.isEmpty, key)
            XCTAssertFalse(item.title.isEmpty, key)
        }
    }

    func testCriteriaWithTheDefaultThresholds() {
        let t = Thresholds()
        func criterion(_ key: String) -> String { PlaybookGuidance.checklistItem(key, thresholds: t).criterion }
        XCTAssertEqual(criterion("significance"), "ANOVA p-value < 0.05")
        XCTAssertEqual(criterion("effect_size"), "η² > 0.2 (explains more than 20% of the variance)")
        XCTAssertEqual(criterion("group_sizes"), "Every group has at least 15 creators")
        XCTAssertEqual(criterion("loo"), "Best, or within 2 LOO-IC points of the best")
        XCTAssertEqual(criterion("separation"), "Group effects clearly differ (separation ratio > 1.5)")
        XCTAssertEqual(
            criterion("shrinkage"),
            "Less precise estimates shrink more (correlation of precision with shrinkage < -0.3)")
        XCTAssertTrue(criterion("coverage").hasPrefix("At least 93% of true effects inside the 95% interval"))
        XCTAssertEqual(
            criterion("calibration"), "LOO-PIT values uniform: p ≥ 0.01 in the ECDF test with simultaneous bands")
        XCTAssertEqual(PlaybookGuidance.checklistItem("loo", thresholds: t).title, "LOO-IC")
    }

    func testCriteriaFollowTheThresholdsInForce() {
        var t = Thresholds()
        t.anovaP = 0.001
        t.etaSquared = 0.35
        t.minGroupSize = 40
        t.looicTie = 4
        t.coverage = 0.9
        XCTAssertEqual(PlaybookGuidance.checklistItem("significance", thresholds: t).criterion, "ANOVA p-value < 0.001")
        XCTAssertEqual(
            PlaybookGuidance.checklistItem("effect_size", thresholds: t).criterion,
            "η² > 0.35 (explains more than 35% of the variance)")
        XCTAssertEqual(
            PlaybookGuidance.checklistItem("group_sizes", thresholds: t).criterion,
            "Every group has at least 40 creators")
        XCTAssertEqual(
            PlaybookGuidance.checklistItem("loo", thresholds: t).criterion,
            "Best, or within 4 LOO-IC points of the best")
        XCTAssertTrue(PlaybookGuidance.checklistItem("coverage", thresholds: t).criterion.hasPrefix("At least 90%"))
    }

    func testAnUnknownChecklistKeyIsShownInWords() {
        let item = PlaybookGuidance.checklistItem("data_quality_check", thresholds: Thresholds())
        XCTAssertEqual(item.title, "Data Quality Check")
        XCTAssertEqual(item.criterion, "")
    }

    func testPitfallTitlesIncludingAlternativeSpellings() {
        XCTAssertEqual(PlaybookGuidance.pitfallTitle("double_dipping"), "Pitfall 1: Double-dipping")
        for key in ["too_many_small_groups", "small_groups"] {
            XCTAssertEqual(PlaybookGuidance.pitfallTitle(key), "Pitfall 2: Too many small groups")
        }
        XCTAssertEqual(PlaybookGuidance.pitfallTitle("small_crossed_cells"), "Small crossed cells (Strategy 3)")
        for key in ["cluster_chosen", "interpretability", "ignoring_interpretability"] {
            XCTAssertEqual(PlaybookGuidance.pitfallTitle(key), "Pitfall 3: Ignoring interpretability")
        }
        for key in ["not_validating", "no_validation", "validation"] {
            XCTAssertEqual(PlaybookGuidance.pitfallTitle(key), "Pitfall 4: Not validating on new data")
        }
        XCTAssertEqual(PlaybookGuidance.pitfallTitle("new_pitfall"), "New Pitfall")
    }

    func testChartGuidance() {
        XCTAssertEqual(PlaybookGuidance.chart(.phase1Boxplot(candidate: "genre")), PlaybookGuidance.boxplot)
        XCTAssertEqual(PlaybookGuidance.chart(.phase1Sizes(candidate: "genre")), PlaybookGuidance.sizes)
        XCTAssertEqual(PlaybookGuidance.chart(.elbow), PlaybookGuidance.elbow)
        XCTAssertEqual(PlaybookGuidance.chart(.looComparison), PlaybookGuidance.looComparison)
        XCTAssertEqual(PlaybookGuidance.chart(.looPIT), PlaybookGuidance.looPIT)
        XCTAssertEqual(PlaybookGuidance.chart(.pooling), PlaybookGuidance.pooling)
        XCTAssertEqual(PlaybookGuidance.chart(.forest(candidate: "genre")), PlaybookGuidance.forest)
        XCTAssertEqual(
            PlaybookGuidance.chart(.shrinkageScatter(candidate: "genre")), PlaybookGuidance.shrinkageScatter)
        XCTAssertEqual(
            PlaybookGuidance.chart(.shrinkageByGroup(candidate: "genre")), PlaybookGuidance.shrinkageByGroup)
        XCTAssertEqual(PlaybookGuidance.chart(.paretoK(candidate: "genre")), "", "no guidance for Pareto k")
        XCTAssertEqual(PlaybookGuidance.chart(.trend(metric: "looic")), "", "nor for the history trend")
        XCTAssertTrue(PlaybookGuidance.chart(.forest(candidate: "x")).contains("intervals do not overlap"))
        // Each chart kind has its own words.
        let texts = [
            PlaybookGuidance.boxplot, PlaybookGuidance.sizes, PlaybookGuidance.elbow, PlaybookGuidance.looComparison,
            PlaybookGuidance.looPIT, PlaybookGuidance.pooling, PlaybookGuidance.forest,
            PlaybookGuidance.shrinkageScatter, PlaybookGuidance.shrinkageByGroup,
        ]
        XCTAssertEqual(Set(texts).count, texts.count)
    }
}
