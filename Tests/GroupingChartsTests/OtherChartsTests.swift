import GroupingCharts
import TestSupport
import XCTest

final class ElbowChartTests: XCTestCase {
    func testInertiaLineAndChosenK() {
        let recording = RecordingRenderer.record(Gallery.elbow())
        let plot = recording.insideClips()
        let line = try! XCTUnwrap(plot.polylines.first { $0.0.count == 9 })
        // x positions strictly increasing; the chosen k = 5 is highlighted on the line.
        XCTAssertEqual(line.0.map(\.x), line.0.map(\.x).sorted())
        let toValue = recording.valueMap(vertical: true)
        let inertias = Gallery.elbow().inertias
        for (point, inertia) in zip(line.0, inertias) {
            assertClose(inertia, toValue(point.y), rel: 1e-9)
        }
        XCTAssertTrue(recording.hasText(containing: "Chosen k = 5"))
        for k in 2...10 { XCTAssertTrue(recording.texts.contains { $0.text == "\(k)" }, "tick for k = \(k)") }
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}

final class ForestChartTests: XCTestCase {
    func testIntervalsZeroAndGlobalMean() {
        let chart = Gallery.forest()
        let recording = RecordingRenderer.record(chart)
        let toValue = recording.valueMap(vertical: false)
        let plot = recording.insideClips()
        let intervals = plot.polylines.filter { $0.1.width == 2.2 }.map(\.0)
        XCTAssertEqual(intervals.count, chart.rows.count)
        for (interval, row) in zip(intervals, chart.rows) {
            assertClose(row.low, toValue(interval[0].x), rel: 1e-9, abs: 1e-12)
            assertClose(row.high, toValue(interval[1].x), rel: 1e-9, abs: 1e-12)
        }
        func verticalLines(dashed dash: [Double]) -> [Double] {
            recording.polylines.filter { $0.1.dash == dash && $0.0.count == 2 && $0.0[0].x == $0.0[1].x && $0.0[0].y != $0.0[1].y }
                .map { toValue($0.0[0].x) }
        }
        XCTAssertTrue(verticalLines(dashed: [5, 3]).contains { abs($0) < 1e-12 }, "zero line")
        XCTAssertTrue(verticalLines(dashed: [1.5, 2.5]).contains { abs($0 - 0.041) < 1e-9 }, "global mean")
        XCTAssertTrue(recording.hasText(containing: "Global mean"))
        XCTAssertTrue(recording.hasText(containing: "n=215"))
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}

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

final class ErrorBarChartTests: XCTestCase {
    func testBestFirstWithStandardErrors() {
        let chart = Gallery.loo()
        XCTAssertEqual(chart.orderedRows.map(\.label).first, "size_quartile")
        XCTAssertEqual(chart.orderedRows.map(\.value), chart.values.sorted(by: >))
        let recording = RecordingRenderer.record(chart)
        let toValue = recording.valueMap(vertical: false)
        let labels = recording.texts.filter { chart.labels.contains($0.text) }.sorted { $0.point.y < $1.point.y }.map(\.text)
        XCTAssertEqual(labels, chart.orderedRows.map(\.label))
        let bars = recording.insideClips().polylines.filter { $0.1.width == 1.8 && $0.0[0].y == $0.0[1].y }.map(\.0)
        for (bar, row) in zip(bars, chart.orderedRows) {
            assertClose(row.value - row.error, toValue(bar[0].x), rel: 1e-9)
            assertClose(row.value + row.error, toValue(bar[1].x), rel: 1e-9)
        }
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}
