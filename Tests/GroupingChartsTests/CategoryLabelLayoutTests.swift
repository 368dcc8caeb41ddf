import GroupingCharts
import XCTest

/// Fifty groups with long names must lay out without any two texts overlapping, in every
/// orientation, and every label must be shown (or, rotated in a narrow band, every k-th).
final class CategoryLabelLayoutTests: XCTestCase {
    func testFiftyLongLabelsHorizontal() {
        let recording = RecordingRenderer.record(Gallery.manyGroupBoxes(), width: 640)
        XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(recording.overlappingTexts().prefix(3))")
        let shown = recording.texts.filter { $0.text.hasPrefix("Creator segment") }
        XCTAssertEqual(shown.count, 50)
        XCTAssertTrue(shown.allSatisfy { $0.box.bounds.minX >= 0 }, "labels inside the frame")
    }

    func testFiftyLongLabelsForcedVertical() {
        var chart = Gallery.manyGroupBoxes()
        chart.orientation = .vertical
        for width in [480.0, 640, 1200, 2400] {
            let recording = RecordingRenderer.record(chart, width: width)
            XCTAssertTrue(
                recording.overlappingTexts().isEmpty, "width \(width): \(recording.overlappingTexts().prefix(3))")
            let frame = Rect(x: 0, y: 0, width: width, height: chart.preferredHeight(forWidth: width))
            for text in recording.texts {
                let bounds = text.box.bounds
                XCTAssertTrue(
                    frame.contains(Point(x: bounds.minX, y: bounds.minY), tolerance: 0.5), "\(text.text) at \(bounds)")
                XCTAssertTrue(
                    frame.contains(Point(x: bounds.maxX, y: bounds.maxY), tolerance: 0.5), "\(text.text) at \(bounds)")
            }
        }
    }

    func testBarsWithFiftyLongLabels() {
        let labels = Gallery.longLabels(50)
        for orientation in [CategoryOrientation.automatic, .vertical] {
            let chart = BarChart(
                title: "Group sizes", labels: labels, values: (0..<50).map { Double($0 * 7 % 90) }, referenceLine: 15,
                orientation: orientation)
            let recording = RecordingRenderer.record(chart)
            XCTAssertTrue(
                recording.overlappingTexts().isEmpty, "\(orientation): \(recording.overlappingTexts().prefix(3))")
        }
    }

    func testSixGenresStayHorizontalAndWhole() {
        let recording = RecordingRenderer.record(Gallery.genreBoxes())
        // Whole labels, perhaps wrapped onto two lines, never shortened.
        let words = Set(
            recording.texts.filter { $0.rotation == 0 }.flatMap { $0.text.split(separator: " ").map(String.init) })
        for genre in Gallery.genres {
            XCTAssertTrue(genre.split(separator: " ").allSatisfy { words.contains(String($0)) }, genre)
        }
        XCTAssertFalse(recording.hasText(containing: TextFitting.ellipsis))
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
    }
}

final class CrowdedLabelsTests: XCTestCase {
    /// Fifty groups squeezed into a short frame: labels are thinned, the chart says so,
    /// and nothing overlaps.
    func testThinnedLabelsAreStated() {
        let recording = RecordingRenderer.record(Gallery.manyGroupBoxes(), width: 640, height: 300)
        XCTAssertTrue(recording.hasText(containing: "group label is shown for lack of room"))
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
        let roomy = RecordingRenderer.record(Gallery.manyGroupBoxes(), width: 640)
        XCTAssertFalse(roomy.hasText(containing: "for lack of room"))
    }
}
