import GroupingCharts
import TestSupport
import XCTest

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
            recording.polylines.filter {
                $0.1.dash == dash && $0.0.count == 2 && $0.0[0].x == $0.0[1].x && $0.0[0].y != $0.0[1].y
            }
            .map { toValue($0.0[0].x) }
        }
        XCTAssertTrue(verticalLines(dashed: [5, 3]).contains { abs($0) < 1e-12 }, "zero line")
        XCTAssertTrue(verticalLines(dashed: [1.5, 2.5]).contains { abs($0 - 0.041) < 1e-9 }, "global mean")
        XCTAssertTrue(recording.hasText(containing: "Global mean"))
        XCTAssertTrue(recording.hasText(containing: "n=215"))
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }

    func testCompactRowsAreCloserAndTheChartShorter() {
        var chart = Gallery.forest()
        let full = chart.preferredHeight(forWidth: 560)
        chart.compact = true
        let compact = chart.preferredHeight(forWidth: 560)
        XCTAssertEqual(full, max(252, 140 + 24 * Double(chart.rows.count)))
        XCTAssertEqual(compact, max(168, 110 + 18 * Double(chart.rows.count)))
        XCTAssertLessThan(compact, full)
        let recording = RecordingRenderer.record(chart)
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "labels still clear each other")
    }

    func testTheLegendShowsTheRawMeanAsARing() {
        var chart = Gallery.forest()
        chart.rows[0].raw = chart.rows[0].mean + 0.01
        let recording = RecordingRenderer.record(chart)
        // Outside the plot's clip: the legend's swatches.
        let rings = recording.commands.filter {
            if case .circles(let centers, 3.5, nil, let stroke?) = $0 {
                return centers.count == 1 && stroke.color == ForestChart.rawColor
            }
            return false
        }
        XCTAssertEqual(rings.count, 1, "one open swatch for the raw group mean")
    }

    func testRawGroupMeansAreOpenMarkersOnTheirRows() {
        var chart = Gallery.forest()
        let raws: [Double?] = chart.rows.indices.map { $0 == 1 ? nil : chart.rows[$0].mean * 1.5 + 0.01 }
        for index in chart.rows.indices { chart.rows[index].raw = raws[index] }
        let recording = RecordingRenderer.record(chart)
        let toValue = recording.valueMap(vertical: false)
        let open = recording.insideClips().commands.compactMap { command -> Point? in
            if case .circles(let centers, ForestChart.rawRadius, nil, _) = command { return centers.first }
            return nil
        }
        let expected = raws.compactMap { $0 }
        XCTAssertEqual(open.count, expected.count, "no marker where the raw mean is missing")
        for (point, raw) in zip(open, expected) { assertClose(raw, toValue(point.x), rel: 1e-9, abs: 1e-12) }
        // Each open marker sits on the row of its pooled estimate.
        let filled = recording.insideClips().commands.compactMap { command -> Point? in
            if case .circles(let centers, 4, _?, _) = command { return centers.first }
            return nil
        }
        let rowsWithRaw = chart.rows.indices.filter { raws[$0] != nil }
        XCTAssertEqual(open.map(\.y), rowsWithRaw.map { filled[$0].y })
        XCTAssertTrue(recording.hasText(containing: "Raw group mean (no pooling)"))
        XCTAssertTrue(chart.dataDescription.contains("raw mean"), chart.dataDescription)
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}
