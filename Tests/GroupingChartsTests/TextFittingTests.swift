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
        XCTAssertEqual(TextFitting.wrap("Música & <Arte>", toWidth: 60, maxLines: 2, font: font, renderer: renderer), ["Música &", "<Arte>"])
        let lines = TextFitting.wrap("one two three four five six", toWidth: 60, maxLines: 2, font: font, renderer: renderer)
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines[0], "one two")
        XCTAssertTrue(lines[1].hasSuffix("…"))
        XCTAssertEqual(TextFitting.wrap("genre_x_arpu", toWidth: 42, maxLines: 2, font: font, renderer: renderer), ["genre_", "x_arpu"])
    }
}
