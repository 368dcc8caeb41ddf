import XCTest

@testable import GroupingCharts

/// Under the recording renderer's measure a character is 0.6 · size wide and a line is
/// `size` high, so with the legend font (10 pt) a label of n characters is 6n wide, an item
/// 22 (swatch) + 5 (gap) + 6n, and a row 10 + 4 = 14 high; items are 16 apart.
final class LegendTests: XCTestCase {
    let style = ChartStyle.standard

    func testNoItemsDrawNothing() {
        let renderer = RecordingRenderer()
        XCTAssertEqual(
            LegendLayout.draw([], in: Rect(x: 0, y: 0, width: 100, height: 50), renderer: renderer, style: style), 0)
        XCTAssertEqual(renderer.commands, [])
    }

    func testOneRowIsCentredWithSwatchesAndLabels() {
        let renderer = RecordingRenderer()
        let line = Stroke(color: .ink, width: 2)
        let items = [
            LegendItem(.line(line), "abcd"),  // 22 + 5 + 24 = 51
            LegendItem(.box(fill: .grid, stroke: Stroke(color: .black)), "efghij"),  // 22 + 5 + 36 = 63
        ]
        let height = LegendLayout.draw(
            items, in: Rect(x: 10, y: 20, width: 200, height: 50), renderer: renderer, style: style)
        XCTAssertEqual(height, 14)
        // Row width 51 + 16 + 63 = 130, centred in 200: starts at 10 + 35 = 45; midY = 20 + 7.
        XCTAssertEqual(renderer.polylines.map(\.0), [[Point(x: 45, y: 27), Point(x: 67, y: 27)]])
        XCTAssertEqual(renderer.polylines.map(\.1), [line])
        // The second item starts at 45 + 51 + 16 = 112; its box is inset 4 and 10 high.
        let box = Rect(x: 116, y: 22, width: 14, height: 10)
        XCTAssertEqual(renderer.filledRects.map(\.0), [box])
        XCTAssertEqual(renderer.filledRects.map(\.1), [.grid])
        XCTAssertEqual(renderer.strokedRects.map(\.0), [box])
        let texts = renderer.texts
        XCTAssertEqual(texts.map(\.text), ["abcd", "efghij"])
        XCTAssertEqual(texts.map(\.point), [Point(x: 72, y: 27), Point(x: 139, y: 27)])
        XCTAssertTrue(texts.allSatisfy { $0.anchor == .middleStart && $0.font == style.legendFont })
    }

    func testItemsWrapIntoRows() {
        let renderer = RecordingRenderer()
        let items = [LegendItem(.marker(.black), "abcd"), LegendItem(.marker(.white), "efghij")]
        // 51 + 16 + 63 = 130 > 100: the second item starts a row of its own.
        let height = LegendLayout.draw(
            items, in: Rect(x: 0, y: 0, width: 100, height: 50), renderer: renderer, style: style)
        XCTAssertEqual(height, 28)
        // Markers at the swatch's centre: row 1 starts at (100 − 51)/2, row 2 at (100 − 63)/2.
        XCTAssertEqual(renderer.circleCenters, [Point(x: 24.5 + 11, y: 7), Point(x: 18.5 + 11, y: 21)])
        XCTAssertEqual(renderer.texts.map(\.point.y), [7, 21])
    }

    func testAnItemWiderThanTheFrameIsShortenedToFit() {
        let renderer = RecordingRenderer()
        let frame = Rect(x: 0, y: 0, width: 60, height: 30)
        LegendLayout.draw(
            [LegendItem(.marker(.black), "a label far too long for the frame")], in: frame, renderer: renderer,
            style: style)
        let text = try! XCTUnwrap(renderer.texts.first)
        XCTAssertTrue(text.text.hasSuffix("…"), text.text)
        XCTAssertEqual(text.point.x, 27, "starts at the frame's edge: the item is as wide as the frame")
        XCTAssertLessThanOrEqual(text.box.bounds.maxX, frame.maxX + 1e-9)
    }

    func testRampIsTwelveStepsOfTheSequentialPalette() {
        let renderer = RecordingRenderer()
        LegendLayout.draw(
            [LegendItem(.ramp, "density")], in: Rect(x: 0, y: 0, width: 107, height: 30), renderer: renderer,
            style: style)
        // Item width 60 + 5 + 42 = 107: it starts at 0.
        let steps = renderer.filledRects
        XCTAssertEqual(steps.count, 12)
        XCTAssertEqual(steps.map(\.0.minX), (0..<12).map { Double($0) * 5 })
        XCTAssertTrue(steps.allSatisfy { abs($0.0.width - 5.3) < 1e-12 && $0.0.height == 10 && $0.0.minY == 2 })
        XCTAssertEqual(steps.first?.1, Palette.sequential(0))
        XCTAssertEqual(steps.last?.1, Palette.sequential(1))
        XCTAssertEqual(renderer.texts.first?.point, Point(x: 65, y: 7), "label after the 60-wide ramp")
    }
}
