import GroupingCharts
import TestSupport
import XCTest

final class TrendChartTests: XCTestCase {
    let periods = ["Mar 2025", "Jun 2025", "Sep 2025", "Dec 2025", "Mar 2026", "Jun 2026"]

    func chart(flagged: Set<Int> = [4, 5]) -> TrendChart {
        TrendChart(
            title: "Between-group share of genre", periods: periods,
            series: [
                TrendSeries(name: "Quality score", values: [55, 57, 52, 60, 3, 2]),
                // A gap in the third period (not assessed) splits this line in two.
                TrendSeries(name: "true_share", values: [65, 56, nil, 67, 6, 4]),
            ],
            references: [TrendReference(value: 20, label: "quality_poor")], flagged: flagged,
            valueLabel: "Share of variance (%)")
    }

    func testPointsSitAtTheirValuesAndPeriods() {
        let recording = RecordingRenderer.record(chart())
        let toValue = recording.valueMap(vertical: true)
        let plot = recording.insideClips()
        let lines = plot.polylines.filter { $0.1.width == 2 && $0.1.dash.isEmpty }
        // One line for the quality score, two for true_share (split at the gap).
        XCTAssertEqual(lines.map(\.0.count).sorted(), [2, 3, 6])
        let quality = try! XCTUnwrap(lines.first { $0.0.count == 6 })
        for (point, value) in zip(quality.0, [55.0, 57, 52, 60, 3, 2]) {
            assertClose(value, toValue(point.y), rel: 1e-9)
        }
        // x positions increase with the period and match the category labels' centres.
        let xs = quality.0.map(\.x)
        XCTAssertEqual(xs, xs.sorted())
        for (label, x) in zip(periods, xs) {
            let text = try! XCTUnwrap(recording.texts.first { $0.text == label }, label)
            XCTAssertEqual(text.point.x, x, accuracy: 1e-6)
        }
        let shareRuns = lines.filter { $0.0.count < 6 }.sorted { $0.0[0].x < $1.0[0].x }
        XCTAssertEqual(shareRuns[0].0.last!.x, xs[1], accuracy: 1e-9)
        XCTAssertEqual(shareRuns[1].0.first!.x, xs[3], accuracy: 1e-9)
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(recording.overlappingTexts())")
    }

    func testReferenceLineAndFlaggedPeriods() {
        let recording = RecordingRenderer.record(chart())
        let toValue = recording.valueMap(vertical: true)
        let dashed = recording.insideClips().polylines.filter { !$0.1.dash.isEmpty }
        XCTAssertEqual(dashed.count, 1)
        assertClose(20, toValue(dashed[0].0[0].y), rel: 1e-9)
        XCTAssertEqual(dashed[0].0[0].y, dashed[0].0[1].y)
        // Two shaded bands, each centred on its flagged period.
        // (The legend swatch has the same fill but is small.)
        let bands = recording.filledRects.filter { $0.1 == Palette.highlight.withAlpha(0.10) && $0.0.height > 40 }
        XCTAssertEqual(bands.count, 2)
        for (band, period) in zip(bands.sorted { $0.0.x < $1.0.x }, [4, 5]) {
            let label = try! XCTUnwrap(recording.texts.first { $0.text == periods[period] })
            XCTAssertEqual(band.0.x + band.0.width / 2, label.point.x, accuracy: 1e-6)
        }
        XCTAssertTrue(recording.hasText(containing: "Flagged"))
        XCTAssertTrue(recording.hasText(containing: "quality_poor"))
        XCTAssertFalse(RecordingRenderer.record(chart(flagged: [])).hasText(containing: "Flagged"))
    }

    func testNoValuesDrawsAnOmissionNotACrash() {
        let empty = TrendChart(
            title: "Coverage", periods: periods, series: [TrendSeries(name: "HBM coverage", values: [nil, nil])],
            valueLabel: "Coverage (%)")
        let recording = RecordingRenderer.record(empty)
        XCTAssertTrue(recording.hasText(containing: "No data"))
        XCTAssertTrue(recording.polylines.isEmpty)
        let nan = TrendChart(
            title: "Margins", periods: ["a", "b"], series: [TrendSeries(name: "m", values: [.nan, 1])],
            valueLabel: "elpd")
        XCTAssertEqual(nan.points(of: nan.series[0]).map(\.value), [1])
        XCTAssertFalse(
            RecordingRenderer.record(nan).texts.contains { $0.text.contains("nan") || $0.text.contains("NaN") })
    }
}
