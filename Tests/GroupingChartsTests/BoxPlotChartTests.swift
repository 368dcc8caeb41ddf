import GroupingNumerics
import GroupingCharts
import TestSupport
import XCTest

final class BoxPlotChartTests: XCTestCase {
    private let data: [[Double]] = [
        [3.1, -2.0, 7.5, 0.0, 4.4, 1.2, 9.9, -8.0, 2.2, 5.5, 30.0],
        [1, 2, 3, 4, 5, 6, 7, 8],
        [-4, -3.5, -1, 0.5, 2],
    ]

    private func chart(orientation: CategoryOrientation) -> BoxPlotChart {
        BoxPlotChart(
            title: "Outcome by group", valueLabel: "Lift (%)",
            groups: data.enumerated().map { BoxGroup(label: "G\($0.offset)", values: $0.element) },
            orientation: orientation, scale: .linear)
    }

    /// Box edges, medians and whiskers, mapped back through the axis, equal the type-7
    /// quartiles and Tukey whiskers of the data (numpy's default `np.quantile`).
    func testBoxesMatchQuartilesAndWhiskers() {
        for orientation in [CategoryOrientation.vertical, .horizontal] {
            let vertical = orientation == .vertical
            let recording = RecordingRenderer.record(chart(orientation: orientation))
            let toValue = recording.valueMap(vertical: vertical)
            let plot = recording.insideClips()
            let boxes = plot.strokedRects.filter { $0.1.color == Palette.primary }.map(\.0)
            XCTAssertEqual(boxes.count, 3)
            let medians = plot.polylines.filter { $0.1.width == 2 && $0.1.color == .ink }.map(\.0)
            XCTAssertEqual(medians.count, 3)
            let whiskerLines = plot.polylines.filter { $0.1.color == Palette.primary && $0.1.width == 1.2 }.map(\.0)
            XCTAssertEqual(whiskerLines.count, 12, "two whiskers and two caps per box")
            for (index, values) in data.enumerated() {
                let expected = BoxStatistics(values: values)
                var sorted = values
                sorted.sort()
                assertClose(Quantile.linear(sorted: sorted, 0.25), expected.q1)
                let box = boxes[index]
                let (low, high) =
                    vertical
                    ? (toValue(box.maxY), toValue(box.minY)) : (toValue(box.minX), toValue(box.maxX))
                assertClose(expected.q1, low, rel: 1e-9, abs: 1e-9, "q1 of group \(index) (\(orientation))")
                assertClose(expected.q3, high, rel: 1e-9, abs: 1e-9, "q3 of group \(index)")
                let median = vertical ? toValue(medians[index][0].y) : toValue(medians[index][0].x)
                assertClose(expected.median, median, rel: 1e-9, abs: 1e-9)
                let lowerWhisker = whiskerLines[index * 4][0]
                let upperWhisker = whiskerLines[index * 4 + 1][1]
                assertClose(
                    expected.lowerWhisker, vertical ? toValue(lowerWhisker.y) : toValue(lowerWhisker.x), rel: 1e-9,
                    abs: 1e-9)
                assertClose(
                    expected.upperWhisker, vertical ? toValue(upperWhisker.y) : toValue(upperWhisker.x), rel: 1e-9,
                    abs: 1e-9)
            }
            // The one outlier (30) is drawn as a point at 30.
            let outliers = plot.circleCenters
            XCTAssertEqual(outliers.count, 1)
            assertClose(30, vertical ? toValue(outliers[0].y) : toValue(outliers[0].x), rel: 1e-9)
            // Counts under each group, the zero line, no overlapping texts.
            XCTAssertTrue(recording.hasText(containing: "n=11"))
            XCTAssertTrue(recording.hasText(containing: "n=8"))
            XCTAssertTrue(
                recording.polylines.contains {
                    $0.1.dash == [5, 3] && $0.1.color == Palette.reference && $0.0.count == 2 && $0.0[0] != $0.0[1]
                        && ($0.0[0].y == $0.0[1].y) == vertical
                })
            XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(recording.overlappingTexts())")
        }
    }

    func testTicksAreRoundAndCoverTheData() {
        let recording = RecordingRenderer.record(chart(orientation: .vertical))
        let ticks = recording.texts.filter { $0.anchor == .middleEnd && $0.color == .mutedInk }.compactMap {
            Double($0.text)
        }
        XCTAssertLessThanOrEqual(ticks.min()!, -8)
        XCTAssertGreaterThanOrEqual(ticks.max()!, 30)
        let steps = Set(zip(ticks.dropFirst(), ticks).map { (($1 - $0) * 1e6).rounded() / 1e6 })
        XCTAssertEqual(steps.count, 1, "evenly spaced: \(ticks)")
        XCTAssertTrue([1, 2, 5, 10, 20, 50].contains(abs(steps.first!)), "round step: \(ticks)")
    }

    func testManyOutliersAreThinnedAndStated() {
        let values = (0..<100_000).map { Double($0 % 1000) / 1000 } + (0..<5000).map { 10 + Double($0) }
        let chart = BoxPlotChart(
            title: "Thinned", valueLabel: "v", groups: [BoxGroup(label: "A", values: values)], maxOutliersPerGroup: 300)
        let recording = RecordingRenderer.record(chart)
        XCTAssertEqual(recording.insideClips().circleCenters.count, 300)
        XCTAssertTrue(recording.hasText(containing: "Outliers thinned"))
    }

    func testManyGroupsRunHorizontallyAndGrowTall() {
        let chart = Gallery.manyGroupBoxes()
        XCTAssertTrue(chart.isHorizontal)
        XCTAssertGreaterThanOrEqual(chart.preferredHeight(forWidth: 640), 50 * 18)
    }
}
