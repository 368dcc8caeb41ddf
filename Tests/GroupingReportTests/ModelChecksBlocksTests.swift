import GroupingNumerics
import Foundation
import GroupingCore
import XCTest

@testable import GroupingReport

/// Phase 5's checks of the recommended model: LOO-PIT, sensitivity, grid, the az.summary table.
final class ModelChecksBlocksTests: XCTestCase {
    private func resultsWithChecks() throws -> Results {
        var results = SampleResults.full()
        let decoder = JSONDecoder()
        var hbm = try XCTUnwrap(results.candidates[0].hbm)
        hbm.looPIT = LOOPITResult(statistic: 0.21, p: 0.43, verdict: .calibrated, tailShare: 0.104, values: 1_187)
        hbm.trueShare = 0.592
        hbm.sensitivity = try decoder.decode(
            [SensitivityResult].self,
            from: Data(
                #"[{"parameter": "tau", "prior": 0.012, "likelihood": 0.31, "diagnosis": null}, {"parameter": "sigma_group", "prior": 0.081, "likelihood": 0.02, "diagnosis": "prior_data_conflict"}]"#
                    .utf8))
        hbm.diagnostics = ConvergenceDiagnostics(rhatMax: 1.002, essBulkMin: 3_100, essTailMin: 2_900)
        hbm.diagnostics?.grid = try decoder.decode(
            GridDiagnostics.self,
            from: Data(
                #"{"nodes": 1450, "step": [0.2, 0.2], "refinements": 2, "nodes_99": [14, 11], "edge_mass": 0.00031, "change": 0.004, "adequate": true, "names": ["tau", "sigma_group"]}"#
                    .utf8))
        hbm.summary = try decoder.decode(
            [PosteriorSummaryRow].self,
            from: Data(
                #"[{"parameter": "mu", "mean": 0.1234, "sd": 0.0211, "hdi_3%": 0.0839, "hdi_97%": 0.1630, "mcse_mean": 0.00033, "mcse_sd": 0.00024, "ess_bulk": 3987.6, "ess_tail": 3402.2, "r_hat": 1.0012}, {"parameter": "tau", "mean": 0.301, "sd": 0.012, "hdi_3%": 0.28, "hdi_97%": 0.324, "mcse_mean": null, "mcse_sd": null, "ess_bulk": null, "ess_tail": null, "r_hat": null}]"#
                    .utf8))
        results.candidates[0].hbm = hbm
        return results
    }

    private func phase5(_ results: Results) -> ReportSection {
        let document = ReportDocument(
            results: results, charts: FakeCharts.all(for: [], fitted: []), context: ReportFixtures.context)
        return document.sections.first { $0.id == "phase-5" }!
    }

    func testRecommendedModelChecksComeWithTheirFacts() throws {
        let section = phase5(try resultsWithChecks())
        guard
            let start = section.blocks.firstIndex(where: {
                if case .heading(let h) = $0 { h.contains("genre") } else { false }
            }),
            case .keyValues(let facts) = section.blocks[start + 1]
        else { return XCTFail("a heading for genre followed by its facts") }
        XCTAssertEqual(
            facts.map(\.key),
            ["LOO-PIT calibration", "Prior sensitivity", "Hyperparameter grid", "Between-group share"])
        XCTAssertTrue(facts[0].value.hasPrefix("calibrated: uniformity test p = 0.43 (passes at 0.01)"), facts[0].value)
        XCTAssertTrue(facts[0].value.contains("10.4% of 1,187 values"), facts[0].value)
        XCTAssertTrue(facts[1].value.hasPrefix("sigma_group: prior data conflict."), facts[1].value)
        XCTAssertTrue(facts[2].value.hasPrefix("adequate: 1,450 nodes, 2 refinements"), facts[2].value)
        XCTAssertEqual(facts[3].value.prefix(5), "59.2%")
        guard case .chart(let chart) = section.blocks[start + 2] else { return XCTFail("then the LOO-PIT chart") }
        XCTAssertEqual(chart.id, "loo-pit")
        guard case .chart(let pooling) = section.blocks[start + 3] else { return XCTFail("then the pooling chart") }
        XCTAssertEqual(pooling.id, "pooling")
    }

    func testPosteriorSummaryTableHasArviZColumns() throws {
        let section = phase5(try resultsWithChecks())
        let table = try XCTUnwrap(
            section.blocks.compactMap { if case .table(let t) = $0, t.id == "posterior-summary" { t } else { nil } }
                .first)
        XCTAssertEqual(
            table.columns.map(\.title),
            ["Parameter", "mean", "sd", "hdi_3%", "hdi_97%", "mcse_mean", "mcse_sd", "ess_bulk", "ess_tail", "r_hat"])
        XCTAssertEqual(
            table.rows[0].map(\.text),
            ["mu", "0.123", "0.0211", "0.0839", "0.163", "0.00033", "0.00024", "3,988", "3,402", "1.001"])
        XCTAssertEqual(table.rows[1].suffix(5).map(\.text), Array(repeating: NumberFormatting.missing, count: 5))
    }

    func testWithoutChecksOnlyTheChartIsPlaced() {
        let section = phase5(SampleResults.full())
        XCTAssertFalse(section.blocks.contains { if case .keyValues = $0 { true } else { false } })
        XCTAssertFalse(
            section.blocks.contains { if case .table(let t) = $0 { t.id == "posterior-summary" } else { false } })
    }
}
