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

    private func write(_ name: String, _ chart: Chart, width: Double = 640, height: Double? = nil) throws {
        let png = try ChartOutput.png(chart, width: width, height: height)
        XCTAssertGreaterThan(png.count, 1000)
        try Data(png).write(to: Self.folder.appendingPathComponent("\(name).png"))
    }

    func testGallery() throws {
        try write("genre-boxes", Gallery.genreBoxes())
        try write("many-group-boxes", Gallery.manyGroupBoxes())
        try write("small-genre-boxes", Gallery.genreBoxes(), width: 320, height: 220)
        try write("short-many-group-boxes", Gallery.manyGroupBoxes(), width: 640, height: 300)
        try write("small-loo", Gallery.loo(), width: 320, height: 220)
        try write("elbow", Gallery.elbow())
        try write("forest", Gallery.forest())
        try write("scatter-points", Gallery.scatter(800))
        try write("scatter-density", Gallery.scatter(30_000))
        try write("sizes", Gallery.sizes())
        try write("loo", Gallery.loo())
        try write("comparison", Gallery.comparison())
        try write("pit", Gallery.pit())
        var many = Gallery.manyGroupBoxes()
        many.orientation = .vertical
        try write("many-group-boxes-vertical", many)
        try write(
            "sizes-50",
            BarChart(
                title: "Group sizes", labels: Gallery.longLabels(50), values: (0..<50).map { Double(($0 * 37) % 90) },
                referenceLine: 15))
        try write("edge-empty", BoxPlotChart(title: "Empty", valueLabel: "Lift", groups: []))
        try write(
            "edge-nan",
            BoxPlotChart(
                title: "Single value, all equal, NaN", valueLabel: "Lift",
                groups: [
                    BoxGroup(label: "One", values: [0.3]), BoxGroup(label: "Equal", values: [0.2, 0.2, 0.2]),
                    BoxGroup(label: "NaN", values: [.nan, .infinity, 0.1, 0.15, 0.12]),
                ]))
        var generator = Gallery.Generator(state: 5)
        try write(
            "edge-six-orders",
            BoxPlotChart(
                title: "Six orders of magnitude", valueLabel: "Revenue",
                groups: (0..<4).map { g in
                    BoxGroup(label: "G\(g)", values: (0..<200).map { _ in pow(10, -3 + 6 * generator.uniform()) })
                }))
        try write(
            "edge-negative",
            BoxPlotChart(
                title: "Only negative", valueLabel: "Lift",
                groups: (0..<3).map { g in
                    BoxGroup(label: "G\(g)", values: (0..<50).map { _ in -1 - Double(g) - generator.uniform() })
                }))
        try write(
            "edge-single-group",
            ForestChart(
                title: "Single group", rows: [ForestRow(label: "All", mean: 0.1, low: 0.05, high: 0.15, count: 300)],
                globalMean: 0.1))
        try write(
            "edge-mixed-outlier",
            BoxPlotChart(
                title: "Mixed signs with a huge outlier", valueLabel: "Lift",
                groups: (0..<3).map { g in
                    BoxGroup(
                        label: "G\(g)", values: (0..<100).map { _ in generator.normal() * 0.2 } + (g == 1 ? [2e6] : []))
                }))
    }
}
