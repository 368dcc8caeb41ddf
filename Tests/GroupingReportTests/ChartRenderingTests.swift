import GroupingCharts
import XCTest

@testable import GroupingReport

final class ChartRenderingTests: XCTestCase {
    func testReportChartsCarryTheirValueAndPrefixedInlineSVG() throws {
        let chart = PlaybookCharts.elbow(ks: [2, 3, 4, 5], inertias: [10, 6, 5, 4.8], chosenK: 3)
        let charts = ChartRendering.reportCharts([
            PlannedChart(id: "elbow", section: .elbow, caption: "Inertia by k.", chart: chart)
        ])
        XCTAssertEqual(charts.count, 1)
        let rendered = charts[0]
        XCTAssertEqual(rendered.id, "elbow")
        XCTAssertEqual(rendered.caption, "Inertia by k.")
        XCTAssertEqual(rendered.layoutWidth, ChartRendering.pdfLayoutWidth)
        XCTAssertTrue(rendered.svg.hasPrefix("<svg"), "inline markup has no XML declaration")
        XCTAssertEqual(
            rendered.svg,
            ChartOutput.svgMarkup(chart, width: ChartRendering.width, idPrefix: "chart-elbow-"),
            "one rendering at the HTML width, its ids under the chart's prefix")
        // The PDF keeps the chart's proportions at its layout width.
        let height = chart.preferredHeight(forWidth: ChartRendering.pdfLayoutWidth)
        XCTAssertEqual(rendered.aspectRatio, ChartRendering.pdfLayoutWidth / height, accuracy: 1e-12)
    }

    func testFilesAreNamedAfterTheChartInOrder() throws {
        let charts = ChartRendering.reportCharts([
            PlannedChart(
                id: "b", section: .elbow, caption: "",
                chart: PlaybookCharts.elbow(ks: [2, 3], inertias: [2, 1], chosenK: 2)),
            PlannedChart(
                id: "a", section: .pooling, caption: "",
                chart: BarChart(
                    title: "Pooling", labels: ["x", "y"], values: [0.2, 0.7], valueLabel: "Pooling factor",
                    groupAxisLabel: "g")),
        ])
        let files = try ChartRendering.files(charts, pngScale: 1)
        XCTAssertEqual(files.map(\.name), ["b.svg", "b.png", "a.svg", "a.png"])
        // A PNG at one pixel per point is as wide as the chart: its IHDR width (bytes 16-19).
        let png = files[1].bytes
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        XCTAssertEqual(width, Int(ChartRendering.width))
    }
}
