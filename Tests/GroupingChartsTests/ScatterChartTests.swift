import GroupingCharts
import XCTest

final class ScatterChartTests: XCTestCase {
    private func chart(_ count: Int) -> ScatterChart {
        ScatterChart(
            title: "Shrinkage", xs: (0..<count).map { Double($0 % 997) }, ys: (0..<count).map { Double($0 % 991) / 10 },
            xLabel: "Precision (1/SE)", yLabel: "Shrinkage")
    }

    func testPointsUpToTheThreshold() {
        let plot = RecordingRenderer.record(chart(ScatterChart.defaultDensityThreshold)).insideClips()
        XCTAssertEqual(plot.circleCenters.count, ScatterChart.defaultDensityThreshold)
        XCTAssertTrue(plot.polygons.isEmpty)
    }

    func testDensityAboveTheThreshold() {
        let count = ScatterChart.defaultDensityThreshold + 1
        let recording = RecordingRenderer.record(chart(count))
        let plot = recording.insideClips()
        XCTAssertTrue(plot.circleCenters.isEmpty)
        XCTAssertFalse(plot.polygons.isEmpty)
        XCTAssertTrue(plot.polygons.allSatisfy { $0.0.count == 6 }, "hexagons")
        XCTAssertTrue(recording.hasText(containing: "drawn as a density"))
    }

    func testHexBinsCountEveryPointOnce() {
        let area = Rect(x: 0, y: 0, width: 300, height: 200)
        var points: [Point] = []
        for i in 0..<5000 { points.append(Point(x: Double(i % 300), y: Double((i * 7) % 200))) }
        let binning = HexBinning(points: points, in: area, radius: 6)
        XCTAssertEqual(binning.bins.map(\.count).reduce(0, +), 5000)
        // Each point lies within the circumradius of its bin's centre: check a few by recounting.
        let centers = binning.bins.map(\.center)
        for point in points.prefix(200) {
            let nearest = centers.min { hypot($0.x - point.x, $0.y - point.y) < hypot($1.x - point.x, $1.y - point.y) }!
            XCTAssertLessThanOrEqual(hypot(nearest.x - point.x, nearest.y - point.y), 6 + 1e-9)
        }
    }

    func testNonFiniteSkippedAndStated() {
        let chart = ScatterChart(title: "t", xs: [1, 2, .nan, 4], ys: [1, .infinity, 3, 4], xLabel: "x", yLabel: "y")
        let recording = RecordingRenderer.record(chart)
        XCTAssertEqual(recording.insideClips().circleCenters.count, 2)
        XCTAssertTrue(recording.hasText(containing: "2 points with a NaN or infinite coordinate skipped"))
    }

    func testSixOrdersOfMagnitudeUseALogAxis() {
        let xs = (0..<600).map { pow(10, -3 + 6 * Double($0) / 599) }
        let chart = ScatterChart(title: "t", xs: xs, ys: xs.map { $0 * 2 }, xLabel: "x", yLabel: "y")
        let recording = RecordingRenderer.record(chart)
        XCTAssertTrue(recording.hasText(containing: "(log scale)"))
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}
