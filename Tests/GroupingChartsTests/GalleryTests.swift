import Foundation
import GroupingCharts
import XCTest

/// Renders every example chart to PNG (and one PDF) under a temporary folder so a person
/// can look at them; the assertions only check that files were produced.
final class GalleryTests: XCTestCase {
    static let folder: URL = {
        let url = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHART_GALLERY"] ?? NSTemporaryDirectory())
            .appendingPathComponent("chart-gallery")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    private func write(_ name: String, _ chart: Chart, width: Double = 640) throws {
        let png = try ChartOutput.png(chart, width: width)
        XCTAssertGreaterThan(png.count, 1000)
        try Data(png).write(to: Self.folder.appendingPathComponent("\(name).png"))
    }

    func testGallery() throws {
        try write("genre-boxes", Gallery.genreBoxes())
        try write("many-group-boxes", Gallery.manyGroupBoxes())
    }
}
