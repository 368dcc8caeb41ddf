import GroupingCharts
import XCTest

final class PlaybookChartsTests: XCTestCase {
    func testEveryPlaybookFigureDrawsCleanly() {
        let groups = Gallery.genreBoxes().groups
        let charts: [Chart] = [
            PlaybookCharts.outcomeByGroup(candidate: "genre", outcomeLabel: "Revenue lift", groups: groups),
            PlaybookCharts.groupSizes(
                candidate: "genre", labels: groups.map(\.label), counts: [250, 12, 250, 3, 250, 250], minGroupSize: 15),
            PlaybookCharts.elbow(ks: Array(2...10), inertias: Gallery.elbow().inertias, chosenK: 4),
            PlaybookCharts.groupEffects(candidate: "genre", rows: Gallery.forest().rows, globalMean: 0.04),
            PlaybookCharts.shrinkageVsPrecision(
                candidate: "genre", precision: Gallery.scatter(300).xs, shrinkage: Gallery.scatter(300).ys),
            PlaybookCharts.shrinkageByGroup(
                candidate: "genre",
                groups: groups.map { BoxGroup(label: $0.label, values: $0.values.map { abs($0) * 100 }) }),
            PlaybookCharts.looComparison(candidates: ["genre", "size_quartile"], elpd: [-10, -12], se: [2, 3]),
        ]
        for chart in charts {
            let recording = RecordingRenderer.record(chart)
            XCTAssertTrue(recording.overlappingTexts().isEmpty, "\(chart.title): \(recording.overlappingTexts())")
            XCTAssertTrue(recording.hasText(containing: chart.title), chart.title)
        }
    }

    func testFiftyForestRowsGetRoom() {
        let rows = Gallery.longLabels(50).enumerated().map {
            ForestRow(
                label: $0.element, mean: Double($0.offset), low: Double($0.offset) - 1, high: Double($0.offset) + 1,
                count: 10)
        }
        let chart = ForestChart(title: "Fifty", rows: rows, globalMean: 25)
        XCTAssertGreaterThanOrEqual(chart.preferredHeight(forWidth: 640), 50 * 20)
        let recording = RecordingRenderer.record(chart)
        XCTAssertTrue(recording.overlappingTexts().isEmpty)
        XCTAssertEqual(recording.texts.filter { $0.text.hasPrefix("Creator segment") }.count, 50)
    }
}
