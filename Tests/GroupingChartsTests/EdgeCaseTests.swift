import GroupingCharts
import XCTest

/// Awkward inputs draw a sensible picture or a stated omission, never a crash.
final class EdgeCaseTests: XCTestCase {
    private func record(_ chart: Chart) -> RecordingRenderer {
        let recording = RecordingRenderer.record(chart)
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(chart.title): \(recording.overlappingTexts())")
        // Also through Cairo: every format still produces output.
        XCTAssertNoThrow(try ChartOutput.png(chart, width: 400, scale: 1))
        XCTAssertNotNil(ParsedSVG(ChartOutput.svg(chart, width: 400)))
        return recording
    }

    func testEmptyInputIsAStatedOmission() {
        let charts: [Chart] = [
            BoxPlotChart(title: "Empty", valueLabel: "Lift", groups: []),
            BoxPlotChart(
                title: "All NaN", valueLabel: "Lift", groups: [BoxGroup(label: "A", values: [.nan, .infinity])]),
            ElbowChart(ks: [], inertias: [], chosenK: nil),
            ForestChart(title: "No rows", rows: [], globalMean: nil),
            ScatterChart(title: "No points", xs: [], ys: [], xLabel: "x", yLabel: "y"),
            BarChart(title: "No bars", labels: [], values: []),
            ErrorBarChart(labels: [], values: [], errors: []),
        ]
        for chart in charts {
            XCTAssertTrue(record(chart).hasText(containing: "No data"), chart.title)
        }
    }

    func testOneValueAndEqualValues() {
        let chart = BoxPlotChart(
            title: "Tiny", valueLabel: "Lift",
            groups: [
                BoxGroup(label: "One", values: [0.3]), BoxGroup(label: "Equal", values: [2, 2, 2, 2]),
            ])
        let plot = record(chart).insideClips()
        XCTAssertEqual(plot.strokedRects.count, 2)
        XCTAssertEqual(plot.strokedRects.map(\.0.height).filter { $0 == 0 }.count, 2, "flat boxes at the value")
        let allEqual = BoxPlotChart(
            title: "All equal", valueLabel: "Lift", groups: [BoxGroup(label: "A", values: [5, 5, 5])],
            referenceLine: nil)
        XCTAssertFalse(record(allEqual).insideClips().strokedRects.isEmpty)
    }

    func testSixOrdersOfMagnitude() {
        let values = (0..<300).map { pow(10, -3 + 6 * Double($0) / 299) }
        let recording = record(
            BoxPlotChart(title: "Wide", valueLabel: "Revenue", groups: [BoxGroup(label: "A", values: values)]))
        XCTAssertTrue(recording.hasText(containing: "Log scale"))
        XCTAssertTrue(recording.hasText(containing: "0.001"))
        XCTAssertTrue(recording.hasText(containing: "1k"))
    }

    func testOnlyNegativeValues() {
        let chart = BoxPlotChart(
            title: "Negative", valueLabel: "Lift",
            groups: [
                BoxGroup(label: "A", values: [-3, -2.5, -2, -1.7]), BoxGroup(label: "B", values: [-9, -4, -6]),
            ])
        let recording = record(chart)
        let ticks = recording.texts.filter { $0.anchor == .middleEnd && $0.color == .mutedInk }.compactMap {
            Double($0.text)
        }
        XCTAssertLessThanOrEqual(ticks.min()!, -9)
        XCTAssertGreaterThanOrEqual(ticks.max()!, 0, "the zero line is in range")
    }

    func testSingleGroupCandidate() {
        _ = record(
            BoxPlotChart(title: "One group", valueLabel: "Lift", groups: [BoxGroup(label: "All", values: [1, 2, 3])]))
        let forest = record(
            ForestChart(
                title: "One group", rows: [ForestRow(label: "All", mean: 0.1, low: 0, high: 0.2, count: 3)],
                globalMean: 0.1))
        XCTAssertTrue(forest.hasText(containing: "A single group"))
    }

    func testSpecialCharactersInLabels() throws {
        let labels = ["Música & <Arte>", "Ästhetik", "\"quoted\" 'single'", "日本語"]
        let chart = BarChart(title: "Sizes & <counts>", labels: labels, values: [10, 20, 30, 40])
        let recording = record(chart)
        for label in labels { XCTAssertTrue(recording.texts.contains { $0.text == label }, label) }
        let svg = try XCTUnwrap(ParsedSVG(ChartOutput.svg(chart, width: 400)))
        let lines = svg.texts.joined(separator: " ")  // a label may wrap onto two lines
        for label in labels { XCTAssertTrue(lines.contains(label), "\(label) in \(svg.texts)") }
    }

    func testNonFiniteValuesSkippedAndStated() {
        let chart = BoxPlotChart(
            title: "NaN", valueLabel: "Lift",
            groups: [
                BoxGroup(label: "A", values: [1, .nan, 2, .infinity, 3, -.infinity]),
                BoxGroup(label: "B", values: [.nan]),
            ])
        let recording = record(chart)
        XCTAssertTrue(recording.hasText(containing: "4 non-finite values (NaN or infinite) skipped"))
        XCTAssertTrue(recording.hasText(containing: "No finite values in: B"))
        XCTAssertTrue(recording.hasText(containing: "n=3"))
        let forest = record(
            ForestChart(
                title: "NaN",
                rows: [
                    ForestRow(label: "A", mean: .nan, low: 0, high: 1),
                    ForestRow(label: "B", mean: 0.5, low: .nan, high: 1),
                ], globalMean: .infinity))
        XCTAssertTrue(forest.hasText(containing: "skipped"))
        let elbow = record(ElbowChart(ks: [2, 3, 4], inertias: [10, .nan, 5], chosenK: 3))
        XCTAssertTrue(elbow.hasText(containing: "non-finite"))
        XCTAssertTrue(elbow.hasText(containing: "no inertia to mark"))
        let loo = record(ErrorBarChart(labels: ["a", "b"], values: [-10, .nan], errors: [.nan, 1]))
        XCTAssertTrue(loo.hasText(containing: "skipped"))
    }

    func testLongTitleIsWrappedOrShortened() {
        let title = String(repeating: "A very long chart title that keeps going ", count: 6)
        let recording = record(
            BoxPlotChart(title: title, valueLabel: "Lift", groups: [BoxGroup(label: "A", values: [1, 2])]))
        let titleLines = recording.texts.filter { $0.font.bold }
        XCTAssertEqual(titleLines.count, 2)
        XCTAssertTrue(titleLines.last!.text.hasSuffix(TextFitting.ellipsis))
        XCTAssertTrue(titleLines.allSatisfy { $0.box.bounds.width <= 640 - 24 })
    }
}
