import XCTest

@testable import GroupingCharts

/// The scaffold's geometry under the recording renderer's measure (a line of text is `size`
/// high, a character 0.6 · size wide, 0.65 · size in bold) and the standard style
/// (padding 12, gap 5; title 14 pt bold, legend 10 pt in 14-pt rows, notes 9 pt).
final class ChartScaffoldTests: XCTestCase {
    let style = ChartStyle.standard
    let frame = Rect(x: 0, y: 0, width: 400, height: 300)

    func testNothingButTheBackgroundLeavesThePaddedFrame() {
        let renderer = RecordingRenderer()
        let body = ChartScaffold.draw(in: frame, title: "", legend: [], notes: [], renderer: renderer, style: style)
        XCTAssertEqual(body, Rect(x: 12, y: 12, width: 376, height: 276))
        XCTAssertEqual(renderer.commands, [.fillRect(frame, .white)])
    }

    func testTitleLegendAndNotesTakeTheirRoom() {
        let renderer = RecordingRenderer()
        let body = ChartScaffold.draw(
            in: frame, title: "Title", legend: [LegendItem(.marker(.black), "abc")], notes: ["A note."],
            renderer: renderer, style: style)
        // Title: one 14-pt line + gap → body from 12 + 19 = 31; legend row 14 + gap → 50.
        // Note: one 9-pt line at the bottom, 288 − 9 = 279; body ends at 288 − 9 − 5 = 274.
        XCTAssertEqual(body, Rect(x: 12, y: 50, width: 376, height: 224))
        guard case .fillRect(frame, .white)? = renderer.commands.first else {
            return XCTFail("the background comes first")
        }
        let title = try! XCTUnwrap(renderer.texts.first { $0.text == "Title" })
        XCTAssertEqual(title.point, Point(x: 200, y: 12))
        XCTAssertEqual(title.anchor, .topMiddle)
        XCTAssertEqual(title.font, style.titleFont)
        let note = try! XCTUnwrap(renderer.texts.first { $0.text == "A note." })
        XCTAssertEqual(note.point, Point(x: 12, y: 279))
        XCTAssertEqual(note.anchor, .topStart)
        XCTAssertEqual(note.color, .mutedInk)
        XCTAssertEqual(renderer.circleCenters.map(\.y), [31 + 7], "the legend right under the title")
        XCTAssertTrue(renderer.overlappingTexts().isEmpty)
    }

    func testALongTitleWrapsToTwoLinesThenShortens() {
        let renderer = RecordingRenderer()
        // 9.1 pt per bold character: about 41 characters fit in 376 pt.
        let title = Array(repeating: "word", count: 40).joined(separator: " ")
        let body = ChartScaffold.draw(in: frame, title: title, legend: [], notes: [], renderer: renderer, style: style)
        let lines = renderer.texts
        XCTAssertEqual(lines.count, 2)
        XCTAssertEqual(lines.map(\.point.y), [12, 26])
        XCTAssertTrue(lines[1].text.hasSuffix("…"), lines[1].text)
        XCTAssertTrue(lines.allSatisfy { $0.box.bounds.width <= 376 + 1e-9 })
        XCTAssertEqual(body.minY, 12 + 28 + 5)
    }

    func testNotesStackUpFromTheBottom() {
        let renderer = RecordingRenderer()
        let body = ChartScaffold.draw(
            in: frame, title: "", legend: [], notes: ["First.", "Second."], renderer: renderer, style: style)
        XCTAssertEqual(renderer.texts.map(\.text), ["First.", "Second."])
        XCTAssertEqual(renderer.texts.map(\.point.y), [270, 279])
        XCTAssertEqual(body.maxY, 288 - 18 - 5)
    }

    func testOmissionIsCentredInADashedFrame() {
        let renderer = RecordingRenderer()
        let body = Rect(x: 10, y: 20, width: 200, height: 100)
        ChartScaffold.drawOmission("No data: nothing to draw.", in: body, renderer: renderer, style: style)
        XCTAssertEqual(renderer.strokedRects.map(\.0), [body])
        XCTAssertEqual(renderer.strokedRects.first?.1.dash, [4, 3])
        // One 11-pt line centred on midY = 70: its top at 70 − 5.5.
        XCTAssertEqual(renderer.texts.map(\.point), [Point(x: 110, y: 64.5)])
        XCTAssertEqual(renderer.texts.first?.anchor, .topMiddle)
    }

    func testThinnedLabelsAddANoteAndTheScaffoldIsDrawnOnce() {
        let renderer = RecordingRenderer()
        let categories = CategoryAxis(labels: (1...150).map { "g\($0)" })
        let values = ValueAxis(minimum: 0, maximum: 1, title: nil, fixedTicks: [0, 0.5, 1])
        let axes = ChartScaffold.drawCategoryAxes(
            in: frame, title: "", legend: [], notes: [], renderer: renderer, style: style, categories: categories,
            values: values, horizontal: true)
        let backgrounds = renderer.filledRects.filter { $0.0 == frame }
        XCTAssertEqual(backgrounds.count, 1, "the trial layout draws nothing")
        XCTAssertGreaterThan(axes.yLabelStride, 1)
        XCTAssertTrue(renderer.hasText(containing: "group label is shown for lack of room"))
        let noteTop = renderer.texts.filter { $0.font == style.noteFont }.map(\.box.bounds.minY).min()!
        XCTAssertLessThanOrEqual(axes.plot.maxY, noteTop, "the axes were laid out in the body left by the note")
    }

    func testFewCategoriesNeedNoNote() {
        let renderer = RecordingRenderer()
        let axes = ChartScaffold.drawCategoryAxes(
            in: frame, title: "T", legend: [], notes: [], renderer: renderer, style: style,
            categories: CategoryAxis(labels: ["a", "b", "c"]),
            values: ValueAxis(minimum: 0, maximum: 1, title: nil), horizontal: false)
        XCTAssertNil(axes.thinnedLabelNote)
        XCTAssertFalse(renderer.texts.contains { $0.font == style.noteFont })
    }
}
