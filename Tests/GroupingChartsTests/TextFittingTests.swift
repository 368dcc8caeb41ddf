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

    func testTextBoxOverlapHonoursRotation() {
        let metrics = TextMetrics(width: 100, ascent: 8, descent: 2)
        let a = TextBox(metrics: metrics, at: Point(x: 0, y: 0), anchor: .middleEnd, rotation: 45)
        let b = TextBox(metrics: metrics, at: Point(x: 16, y: 0), anchor: .middleEnd, rotation: 45)
        let c = TextBox(metrics: metrics, at: Point(x: 12, y: 0), anchor: .middleEnd, rotation: 45)
        // Parallel rotated boxes 16 apart along x are 11.3 apart across: no overlap; 12 apart (8.5 across): overlap.
        XCTAssertFalse(a.overlaps(b))
        XCTAssertTrue(a.overlaps(c))
        // Their axis-aligned bounds would overlap, which is why the test is exact.
        XCTAssertTrue(a.bounds.intersects(b.bounds))
    }
}
