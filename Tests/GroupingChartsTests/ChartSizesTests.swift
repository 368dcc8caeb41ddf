import GroupingCharts
import XCTest

/// Every chart keeps its texts apart and inside its frame at sizes from a thumbnail to a
/// wide slide, including frames shorter than the chart would like (a PDF page slot),
/// under the recording model and under DejaVu Sans as Cairo measures it.
final class ChartSizesTests: XCTestCase {
    private var charts: [Chart] {
        [
            Gallery.genreBoxes(), Gallery.manyGroupBoxes(), Gallery.elbow(), Gallery.forest(), Gallery.scatter(400),
            Gallery.scatter(25_000), Gallery.sizes(), Gallery.loo(), Gallery.comparison(), Gallery.pit(),
        ]
    }

    private let sizes: [(Double, Double?)] = [(320, 220), (480, 300), (640, nil), (1000, 420), (1400, nil)]

    func testNoOverlapsAtManySizes() {
        for chart in charts {
            for realFont in [false, true] {
                for (width, height) in sizes {
                    check(
                        chart, width: width, height: height ?? chart.preferredHeight(forWidth: width),
                        realFont: realFont)
                }
            }
        }
    }

    private func check(_ chart: Chart, width: Double, height: Double, realFont: Bool) {
        let recording = RecordingRenderer.record(chart, width: width, height: height, realFont: realFont)
        let context = "\(chart.title) at \(width)×\(height)\(realFont ? " (DejaVu)" : "")"
        let overlaps = recording.overlappingTexts()
        XCTAssertTrue(overlaps.isEmpty, "\(context): \(overlaps.prefix(3))")
        let frame = Rect(x: 0, y: 0, width: width, height: height)
        for text in recording.texts {
            let bounds = text.box.bounds
            XCTAssertTrue(
                frame.contains(Point(x: bounds.minX, y: bounds.minY), tolerance: 0.5)
                    && frame.contains(Point(x: bounds.maxX, y: bounds.maxY), tolerance: 0.5),
                "\(context): \"\(text.text)\" outside at \(bounds)")
        }
    }
}
