import GroupingCharts
import XCTest

final class TextFittingTests: XCTestCase {
    let renderer = RecordingRenderer()
    let font = Font(size: 10)  // 6 points per character in the recording model

    func testTruncateKeepsFittingText() {
        XCTAssertEqual(TextFitting.truncate("Music", toWidth: 30, font: font, renderer: renderer), "Music")
        XCTAssertEqual(TextFitting.truncate("Education", toWidth: 30, font: font, renderer: renderer), "Educ…")
        XCTAssertEqual(TextFitting.truncate("Education", toWidth: 3, font: font, renderer: renderer), "…")
    }

    func testWrapBreaksAtSpacesAndShortensTheLastLine() {
        XCTAssertEqual(
            TextFitting.wrap("Música & <Arte>", toWidth: 60, maxLines: 2, font: font, renderer: renderer),
            ["Música &", "<Arte>"])
        let lines = TextFitting.wrap(
            "one two three four five six", toWidth: 60, maxLines: 2, font: font, renderer: renderer)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], "one two")
        XCTAssertTrue(lines[1].hasSuffix("…"))
        XCTAssertEqual(
            TextFitting.wrap("genre_x_arpu", toWidth: 42, maxLines: 2, font: font, renderer: renderer),
            ["genre_", "x_arpu"])
    }

    func testSimilarLabelsStayDistinct() {
        let labels = (1...5).map { "Education_Q\($0)" } + ["Music"]
        let shortened = TextFitting.truncateDistinctly(labels, toWidth: 42, font: font, renderer: renderer)
        XCTAssertEqual(Set(shortened).count, labels.count, "\(shortened)")
        XCTAssertEqual(shortened.last, "Music")
        XCTAssertTrue(shortened[0].hasSuffix("Q1"), shortened[0])
        XCTAssertTrue(shortened.allSatisfy { renderer.measureText($0, font: font).width <= 42 })
    }
}
