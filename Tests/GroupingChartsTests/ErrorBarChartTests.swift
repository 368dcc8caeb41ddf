import GroupingCharts
import TestSupport
import XCTest

final class ErrorBarChartTests: XCTestCase {
    func testBestFirstWithStandardErrors() {
        let chart = Gallery.loo()
        XCTAssertEqual(chart.orderedRows.map(\.label).first, "size_quartile")
        XCTAssertEqual(chart.orderedRows.map(\.value), chart.values.sorted(by: >))
        let recording = RecordingRenderer.record(chart)
        let toValue = recording.valueMap(vertical: false)
        let labels = recording.texts.filter { chart.labels.contains($0.text) }.sorted { $0.point.y < $1.point.y }.map(
            \.text)
        XCTAssertEqual(labels, chart.orderedRows.map(\.label))
        let bars = recording.insideClips().polylines.filter { $0.1.width == 1.8 && $0.0[0].y == $0.0[1].y }.map(\.0)
        for (bar, row) in zip(bars, chart.orderedRows) {
            assertClose(row.value - row.error, toValue(bar[0].x), rel: 1e-9)
            assertClose(row.value + row.error, toValue(bar[1].x), rel: 1e-9)
        }
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}
