import GroupingCharts
import TestSupport
import XCTest

final class PITECDFChartTests: XCTestCase {
    func testECDFCountsValuesAtOrBelowEachPoint() {
        XCTAssertEqual(
            PITECDFChart.ecdf([0.1, 0.2, 0.2, 0.9], at: [0.05, 0.2, 0.5, 0.95]), [0, 0.75, 0.75, 1])
        XCTAssertEqual(PITECDFChart.ecdf([], at: [0.5]), [0])
    }

    /// 40 values bunched in the middle (intervals too wide) against a band of ± 0.15.
    private func chart() -> PITECDFChart {
        let values = (0..<40).map { 0.3 + 0.4 * Double($0) / 39 } + [.nan]
        let points = (1..<20).map { Double($0) / 20 }
        return PITECDFChart(
            values: values, points: points, lower: points.map { max(0, $0 - 0.15) },
            upper: points.map { min(1, $0 + 0.15) })
    }

    func testCurveIsTheECDFMinusZAndTheBandIsShaded() {
        let chart = chart()
        XCTAssertEqual(chart.count, 40, "the NaN is left out")
        let recording = RecordingRenderer.record(chart)
        let toY = recording.valueMap(vertical: true)
        let toX = recording.valueMap(vertical: false)
        let curves = recording.insideClips().polylines.filter { $0.1 == PITECDFChart.curveStroke }
        XCTAssertEqual(curves.count, 1)
        let curve = curves[0].0
        XCTAssertEqual(curve.count, chart.points.count + 2, "from (0, 0) through every point to (1, 0)")
        assertClose(0, toY(curve.first!.y), abs: 1e-9)
        assertClose(0, toY(curve.last!.y), abs: 1e-9)
        for (index, point) in curve.dropFirst().dropLast().enumerated() {
            assertClose(chart.points[index], toX(point.x), abs: 1e-9)
            assertClose(chart.ecdf[index] - chart.points[index], toY(point.y), abs: 1e-9)
        }
        let band = recording.insideClips().polygons
        XCTAssertEqual(band.count, 1)
        XCTAssertEqual(band[0].0.count, 2 * chart.points.count)
        assertClose(chart.upper[0] - chart.points[0], toY(band[0].0[0].y), abs: 1e-9)
        // Bunched values leave the band at both ends; the chart says so.
        XCTAssertFalse(chart.pointsOutsideBand.isEmpty)
        XCTAssertTrue(recording.hasText(containing: "leaves the band at"))
        XCTAssertTrue(chart.dataDescription.contains("leaves the simultaneous 95% band"), chart.dataDescription)
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(recording.overlappingTexts())")
    }

    func testUniformValuesStayInsideAndNoValuesSaySo() {
        let points = (1..<20).map { Double($0) / 20 }
        let uniform = PITECDFChart(
            values: (0..<200).map { (Double($0) + 0.5) / 200 }, points: points, lower: points.map { $0 - 0.1 },
            upper: points.map { $0 + 0.1 })
        XCTAssertTrue(uniform.pointsOutsideBand.isEmpty)
        XCTAssertTrue(uniform.dataDescription.contains("stays inside"), uniform.dataDescription)
        let empty = PITECDFChart(values: [.nan], points: points, lower: points, upper: points)
        let recording = RecordingRenderer.record(empty)
        XCTAssertTrue(recording.hasText(containing: "No data"))
        XCTAssertFalse(empty.dataDescription.lowercased().contains("nan"))
    }
}
