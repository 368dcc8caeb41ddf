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
