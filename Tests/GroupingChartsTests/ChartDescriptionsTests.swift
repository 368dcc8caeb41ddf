import XCTest

@testable import GroupingCharts

/// Each chart's `<desc>` states its data: groups, their numbers and the reference lines.
final class ChartDescriptionsTests: XCTestCase {
    func testBarsListEveryGroupAndTheLine() {
        let chart = BarChart(
            title: "Group sizes: genre", labels: ["Music", "Gaming", "Other"], values: [204, 1_250, 9],
            referenceLine: 15, referenceLabel: "min_group_size")
        XCTAssertEqual(
            chart.dataDescription,
            "Creators for 3 groups. Music: 204; Gaming: 1.25k; Other: 9. The min_group_size line is at 15; 1 group below it."
        )
    }

    func testBoxplotsGiveMedianQuartilesAndCount() {
        let chart = BoxPlotChart(
            title: "Lift by genre", valueLabel: "Lift",
            groups: [BoxGroup(label: "A", values: [1, 2, 3, 4, 5]), BoxGroup(label: "B", values: [.nan])])
        XCTAssertEqual(
            chart.dataDescription,
            "Lift for 2 groups as boxplots. A: median 3, quartiles 2 to 4, n=5; B: no finite values.")
    }

    func testForestGivesMeansIntervalsAndTheGlobalMean() {
        let chart = ForestChart(
            title: "Effects",
            rows: [ForestRow(label: "A", mean: 0.1, low: -0.05, high: 0.25, count: 40)], globalMean: 0.08)
        XCTAssertEqual(
            chart.dataDescription,
            "Posterior mean and 95% HDI of treatment effect for 1 group. A: 0.1 (-0.05 to 0.25), n=40. Global mean 0.08."
        )
    }

    func testScatterGivesItsRanges() {
        let chart = ScatterChart(title: "S", xs: [1, 2, .nan, 4], ys: [10, 30, 5, 20], xLabel: "x", yLabel: "y")
        XCTAssertEqual(chart.dataDescription, "3 points: x from 1 to 4, y from 10 to 30.")
        XCTAssertEqual(
            ScatterChart(title: "S", xs: [], ys: [], xLabel: "x", yLabel: "y").dataDescription, "No points to draw.")
    }

    func testElbowAndComparison() {
        XCTAssertEqual(
            ElbowChart(ks: [3, 2], inertias: [50, 80], chosenK: 3, yLabel: "Inertia").dataDescription,
            "Inertia for 2 values of k. k=2: 80; k=3: 50. The chosen k is 3.")
        XCTAssertEqual(
            ErrorBarChart(labels: ["a", "b"], values: [-120, -100], errors: [4, 5.5], valueLabel: "elpd_loo")
                .dataDescription,
            "elpd_loo for 2 rows. b: -100 ± 5.5; a: -120 ± 4.")
    }

    func testLongListsAreCounted() {
        let labels = (1...15).map { "g\($0)" }
        let chart = BarChart(title: "Sizes", labels: labels, values: labels.map { _ in 1 })
        XCTAssertTrue(chart.dataDescription.hasSuffix("g12: 1; and 3 more."), chart.dataDescription)
    }
}
