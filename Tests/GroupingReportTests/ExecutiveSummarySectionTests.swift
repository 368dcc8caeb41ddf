import Foundation
import GroupingCore
import XCTest

@testable import GroupingReport

/// Page 1: the decision in words, the margin with its uncertainty, the open checks with who
/// signs them, and the next step.
final class ExecutiveSummarySectionTests: XCTestCase {
    /// The sample run with the `ungrouped` row the schema-2 comparison always carries.
    private func resultsWithBaseline() -> Results {
        var results = SampleResults.full()
        results.comparison[1].pWorse = 0.018
        results.comparison.append(
            ComparisonRow(
                name: "ungrouped", rank: 4, elpdLoo: -846.1, looic: 1_692.2, elpdDiff: 33.7, dLooic: 67.4, se: 29.8,
                dse: 8.2, weight: 0))
        results.comparison[3].pWorse = 2.0e-5
        return results
    }

    private func section(_ results: Results) -> ReportSection {
        ReportDocument(results: results, charts: [], context: ReportFixtures.context).sections[0]
    }

    private func bullets(after heading: String, in section: ReportSection) -> [String] {
        guard let index = section.blocks.firstIndex(where: { if case .heading(heading) = $0 { true } else { false } }),
            index + 1 < section.blocks.count, case .bullets(let items) = section.blocks[index + 1]
        else { return [] }
        return items
    }

    func testFirstSectionIsTheExecutiveSummaryWithTheDecision() throws {
        let summary = section(resultsWithBaseline())
        XCTAssertEqual(summary.id, "executive-summary")
        guard case .recommendation(let view)? = summary.blocks.first else {
            return XCTFail("the executive summary opens with the decision")
        }
        XCTAssertEqual(view.headline, "Use the hierarchical model grouped by genre")
    }

    func testTheRecommendedGroupingsSmallForestFollowsTheDecision() throws {
        let forest = FakeCharts.chart("summary-forest", .summaryForest, caption: "Each group's effect under genre.")
        let other = FakeCharts.chart("genre-forest", .forest(candidate: "genre"), caption: "mu_group of genre.")
        let summary = ReportDocument(
            results: resultsWithBaseline(), charts: [other, forest], context: ReportFixtures.context
        ).sections[0]
        guard summary.blocks.count > 2, case .heading(let title) = summary.blocks[1],
            case .chart(let chart) = summary.blocks[2]
        else { return XCTFail("a heading and the chart follow the decision") }
        XCTAssertEqual(title, "The groups' effects under genre")
        XCTAssertEqual(chart.id, "summary-forest")
        XCTAssertFalse(
            summary.blocks.contains { if case .chart(let c) = $0 { c.id == "genre-forest" } else { false } },
            "the full forest stays in its section")
        // Without a recommended grouping (pool ungrouped, no HBM) there is no group chart.
        var pooled = resultsWithBaseline()
        pooled.recommendation?.grouping = nil
        let none = ReportDocument(results: pooled, charts: [forest], context: ReportFixtures.context).sections[0]
        XCTAssertFalse(none.blocks.contains { if case .chart = $0 { true } else { false } })
    }

    func testMarginStatesElpdStandardErrorsAndPWorse() {
        let margins = bullets(after: "How clear the choice is", in: section(resultsWithBaseline()))
        XCTAssertEqual(
            margins,
            [
                // 6.5 / 3.1 = 2.097 standard errors.
                "genre predicts better than size_quartile by 6.5 elpd, 2.1 standard errors (p_worse 0.018).",
                // 33.7 / 8.2 = 4.11.
                "genre predicts better than ungrouped by 33.7 elpd, 4.1 standard errors (p_worse < 0.001).",
            ])
    }

    func testMarginAgainstUngroupedPrefersTheModelsOwnComparison() {
        var results = resultsWithBaseline()
        results.candidates[0].hbm?.versusUngrouped = VersusUngrouped(elpdDiff: -1.25, dse: 2.5, pWorse: 0.69)
        let margins = bullets(after: "How clear the choice is", in: section(results))
        XCTAssertEqual(
            margins.last, "genre predicts worse than ungrouped by 1.2 elpd, 0.5 standard errors (p_worse 0.69).")
    }

    func testMarginWithoutAStandardErrorSaysNoRatio() {
        XCTAssertEqual(
            ReportBuilder.margin(leader: "a", other: "b", elpd: 3, dse: 0, pWorse: 0.5),
            "a predicts better than b by 3.0 elpd.")
    }

    func testOpenChecksNameWhoSignsOff() {
        let open = bullets(after: "Checks that failed or need a sign-off", in: section(resultsWithBaseline()))
        XCTAssertEqual(open.count, 2)
        XCTAssertTrue(open[0].hasPrefix("Failed: Coverage validation."), open[0])
        XCTAssertTrue(open[1].contains("Monitoring"), open[1])
        XCTAssertTrue(open[1].contains("`review.monitoring`"), open[1])
        let next = bullets(after: "What to do next", in: section(resultsWithBaseline()))
        XCTAssertTrue(next.contains { $0.contains("`review.monitoring`") }, "\(next)")
        XCTAssertTrue(next.contains { $0.contains("coverage") }, "\(next)")
    }

    func testEveryDecisionIsWorded() {
        var results = resultsWithBaseline()
        results.recommendation = Recommendation(decision: .poolUngrouped, grouping: nil, reasons: [])
        guard case .recommendation(let pool)? = section(results).blocks.first else { return XCTFail() }
        XCTAssertEqual(pool.headline, "Pool every creator toward the overall mean, no grouping")
        XCTAssertTrue(
            bullets(after: "How clear the choice is", in: section(results)).contains {
                $0.hasPrefix("ungrouped is chosen although it ranks 4") && $0.contains("simpler model")
            })

        results.recommendation = Recommendation(decision: .noHbm, grouping: nil, reasons: [])
        guard case .recommendation(let raw)? = section(results).blocks.first else { return XCTFail() }
        XCTAssertTrue(raw.headline.hasPrefix("Keep the raw ITEs"), raw.headline)

        results.recommendation = Recommendation(decision: .revise, grouping: "genre", reasons: [])
        guard case .recommendation(let revise)? = section(results).blocks.first else { return XCTFail() }
        XCTAssertEqual(revise.headline, "Revise before deploying: coverage validation failed for genre")
    }

    func testAllChecksPassingSaysSo() {
        var results = resultsWithBaseline()
        let items = results.checklist?.items ?? []
        results.checklist?.items = items.map {
            ChecklistItem(key: $0.key, status: "pass", detail: $0.detail)
        }
        let summary = section(results)
        XCTAssertTrue(
            summary.blocks.contains { if case .paragraph(let text) = $0 { text.hasPrefix("None:") } else { false } })
    }

    func testListReadsAsProse() {
        XCTAssertEqual(ReportBuilder.list(["a"]), "a")
        XCTAssertEqual(ReportBuilder.list(["a", "b"]), "a and b")
        XCTAssertEqual(ReportBuilder.list(["a", "b", "c"]), "a, b and c")
    }

    func testExplorationRunAsksForITEs() {
        let summary = section(SampleResults.explorationOnly())
        guard case .recommendation(let view)? = summary.blocks.first else { return XCTFail() }
        XCTAssertEqual(
            view.headline, "Revise before deploying: without ITEs the model could not be fitted or checked for genre")
        let next = bullets(after: "What to do next", in: summary)
        XCTAssertTrue(next.last?.hasPrefix("Add ITEs") == true, "\(next)")
        XCTAssertFalse(
            summary.blocks.contains { if case .heading("How clear the choice is") = $0 { true } else { false } })
    }
}
