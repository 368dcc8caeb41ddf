import GroupingCharts
import TestSupport
import XCTest

final class ComparisonChartTests: XCTestCase {
    func testBestAtTopAndBarsSpanTheDifferencePlusMinusDse() {
        let chart = Gallery.comparison()
        XCTAssertEqual(chart.orderedRows.map(\.label), ["genre", "size_quartile", "arpu_quintile", "ungrouped"])
        let recording = RecordingRenderer.record(chart)
        let toValue = recording.valueMap(vertical: false)
        let drawn = chart.orderedRows.map(ComparisonChart.displayLabel)
        let labels = recording.texts.filter { drawn.contains($0.text) }.sorted { $0.point.y < $1.point.y }.map(\.text)
        XCTAssertEqual(labels, ["genre", "size_quartile", "arpu_quintile", "ungrouped (baseline)"])

        let clipped = recording.insideClips()
        // Horizontal ± dse bars, top to bottom; the best (dse 0) has none.
        let bars = clipped.polylines.filter { $0.1.width == ComparisonChart.barWidth && $0.0[0].y == $0.0[1].y }
            .map(\.0).sorted { $0[0].y < $1[0].y }
        let withBars = chart.orderedRows.filter { $0.dse > 0 }
        XCTAssertEqual(bars.count, withBars.count)
        for (bar, row) in zip(bars, withBars) {
            assertClose(-row.difference - row.dse, toValue(bar[0].x), rel: 1e-9, abs: 1e-9)
            assertClose(-row.difference + row.dse, toValue(bar[1].x), rel: 1e-9, abs: 1e-9)
        }
        // The dashed zero line marks the best.
        let zero = clipped.polylines.filter { $0.1.dash == [4, 3] && $0.0[0].x == $0.0[1].x }
        XCTAssertEqual(zero.count, 1)
        assertClose(0, toValue(zero[0].0[0].x), abs: 1e-9)
        XCTAssertTrue(recording.texts.contains { $0.text == "Ungrouped baseline" })
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(recording.overlappingTexts())")
    }

    func testNonFiniteRowsAreSkippedAndSaid() {
        let chart = ComparisonChart(rows: [
            ComparisonChartRow(label: "a", difference: 0, dse: 0),
            ComparisonChartRow(label: "b", difference: .nan, dse: 1),
            ComparisonChartRow(label: "c", difference: 2, dse: .infinity),
        ])
        XCTAssertEqual(chart.orderedRows.map(\.label), ["a", "c"])
        XCTAssertEqual(chart.orderedRows.map(\.dse), [0, 0])
        let recording = RecordingRenderer.record(chart)
        XCTAssertTrue(recording.texts.contains { $0.text.contains("1 model without a finite elpd difference skipped") })
        XCTAssertFalse(recording.texts.contains { $0.text.lowercased().contains("nan") })
        XCTAssertFalse(chart.dataDescription.lowercased().contains("nan"))
    }

    func testDescriptionStatesTheDifferences() {
        let text = Gallery.comparison().dataDescription
        XCTAssertTrue(text.contains("Best: genre"), text)
        XCTAssertTrue(text.contains("ungrouped (baseline) -61.2 ± 12"), text)
    }
}
