import GroupingCharts
import TestSupport
import XCTest

final class BarChartTests: XCTestCase {
    func testBarsFromZeroAndTheMinimumLine() {
        let chart = Gallery.sizes()
        let recording = RecordingRenderer.record(chart)
        let toValue = recording.valueMap(vertical: true)
        let bars = recording.insideClips().filledRects.filter { $0.1 != .white.withAlpha(0.85) }
        XCTAssertEqual(bars.count, chart.values.count)
        for ((rect, color), value) in zip(bars, chart.values) {
            assertClose(0, toValue(rect.maxY), abs: 1e-9)
            assertClose(value, toValue(rect.minY), rel: 1e-9)
            XCTAssertEqual(color, value < 15 ? Palette.highlight : Palette.primary)
        }
        XCTAssertTrue(recording.hasText(containing: "min_group_size (15)"))
        XCTAssertTrue(recording.hasText(containing: "Below 15"))
    }
}
