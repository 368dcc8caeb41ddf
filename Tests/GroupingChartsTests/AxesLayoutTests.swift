import XCTest

@testable import GroupingCharts

/// Axes geometry under the recording renderer's measure (a character is 0.6 · size wide, a
/// line `size` high) and the standard style (ticks 10 pt, tick length 4, gap 5).
final class AxesLayoutTests: XCTestCase {
    let style = ChartStyle.standard
    let body = Rect(x: 0, y: 0, width: 400, height: 300)

    private func valueAxis(title: String? = nil) -> ValueAxis {
        ValueAxis(minimum: 0, maximum: 10, title: title, fixedTicks: [0, 5, 10])
    }

    func testTwoValueAxesMarginsFromTheirLabels() {
        let renderer = RecordingRenderer()
        let axes = AxesLayout(
            body: body, x: .value(valueAxis()), y: .value(valueAxis()), renderer: renderer, style: style)
        // Left: tick 4 + gap 5 + "10" (12) = 21. Right: half of "10" + 2 = 8. Bottom: 4 + 5 +
        // 10 = 19, and half a tick label (5) at the top.
        XCTAssertEqual(axes.plot, Rect(x: 21, y: 5, width: 371, height: 276))
        XCTAssertEqual(axes.xPosition(0), 21)
        XCTAssertEqual(axes.xPosition(10), 392)
        XCTAssertEqual(axes.xPosition(5), 206.5)
        XCTAssertEqual(axes.yPosition(0), 281, "y grows upwards")
        XCTAssertEqual(axes.yPosition(10), 5)
        XCTAssertEqual(axes.categoryCount, 0)
        XCTAssertEqual(axes.countTexts, [])
        XCTAssertNil(axes.thinnedLabelNote)
    }

    func testDrawingPlacesTicksGridAndLabelsAtTheMappedPositions() {
        let renderer = RecordingRenderer()
        let axes = AxesLayout(
            body: body, x: .value(valueAxis()), y: .value(valueAxis()), renderer: renderer, style: style)
        axes.draw(renderer: renderer)
        let texts = renderer.texts
        let xLabels = texts.filter { $0.anchor == .topMiddle }
        let yLabels = texts.filter { $0.anchor == .middleEnd }
        XCTAssertEqual(xLabels.map(\.text), ["0", "5", "10"])
        XCTAssertEqual(xLabels.map(\.point), [0.0, 5, 10].map { Point(x: axes.xPosition($0), y: 281 + 4 + 5) })
        XCTAssertEqual(yLabels.map(\.text), ["0", "5", "10"])
        XCTAssertEqual(yLabels.map(\.point), [0.0, 5, 10].map { Point(x: 21 - 4 - 5, y: axes.yPosition($0)) })
        // A grid line across the plot and a tick below it, per x tick.
        let lines = renderer.polylines
        XCTAssertTrue(
            lines.contains { $0.0 == [Point(x: 206.5, y: 5), Point(x: 206.5, y: 281)] && $0.1 == style.gridStroke })
        XCTAssertTrue(
            lines.contains { $0.0 == [Point(x: 206.5, y: 281), Point(x: 206.5, y: 285)] && $0.1 == style.axisStroke })
        XCTAssertTrue(
            lines.contains { $0.0 == [Point(x: 21, y: 143), Point(x: 392, y: 143)] && $0.1 == style.gridStroke })
        // The axis lines: left and bottom, one polyline.
        XCTAssertTrue(
            lines.contains { $0.0 == [Point(x: 21, y: 5), Point(x: 21, y: 281), Point(x: 392, y: 281)] })
        XCTAssertTrue(renderer.overlappingTexts().isEmpty)
    }

    func testAxisTitlesWidenTheMargins() {
        let renderer = RecordingRenderer()
        let axes = AxesLayout(
            body: body, x: .value(valueAxis(title: "Effect")), y: .value(valueAxis(title: "Share")),
            renderer: renderer, style: style)
        // The titles' line (11 pt) and a gap on the left and at the bottom.
        XCTAssertEqual(axes.plot, Rect(x: 37, y: 5, width: 355, height: 260))
        axes.draw(renderer: renderer)
        let x = try! XCTUnwrap(renderer.texts.first { $0.text == "Effect" })
        XCTAssertEqual(x.point, Point(x: 37 + 355 / 2, y: 265 + 4 + 5 + 10 + 5))
        let y = try! XCTUnwrap(renderer.texts.first { $0.text == "Share" })
        XCTAssertEqual(y.rotation, 90)
        XCTAssertEqual(y.point, Point(x: 37 - 4 - 5 - 12 - 5, y: 5 + 130))
        XCTAssertGreaterThanOrEqual(y.box.bounds.minX, body.minX - 1e-9, "inside the body")
        XCTAssertTrue(renderer.overlappingTexts().isEmpty)
    }

    func testCategoriesAlongX() {
        let renderer = RecordingRenderer()
        let categories = CategoryAxis(labels: ["A", "B", "C"], counts: [5, 250, 1000])
        let axes = AxesLayout(
            body: body, categories: categories, values: valueAxis(), horizontal: false, renderer: renderer, style: style
        )
        XCTAssertTrue(axes.categoriesAlongX)
        XCTAssertEqual(axes.categoryCount, 3)
        XCTAssertEqual(axes.countTexts, ["n=5", "n=250", "n=1,000"])
        XCTAssertEqual(axes.band, axes.plot.width / 3, accuracy: 1e-12)
        for index in 0..<3 {
            XCTAssertEqual(
                axes.categoryCenter(index), axes.plot.minX + (Double(index) + 0.5) * axes.band, accuracy: 1e-12)
        }
        XCTAssertEqual(axes.point(category: 1, value: 10), Point(x: axes.plot.midX, y: axes.plot.minY))
        XCTAssertEqual(axes.valuePosition(0), axes.plot.maxY)
        axes.draw(renderer: renderer)
        let labels = renderer.texts.filter { ["A", "B", "C"].contains($0.text) }
        XCTAssertEqual(labels.count, 3)
        for (index, label) in labels.enumerated() {
            XCTAssertEqual(label.point.x, axes.categoryCenter(index), accuracy: 1e-9)
            XCTAssertGreaterThan(label.point.y, axes.plot.maxY)
        }
        XCTAssertEqual(renderer.texts.filter { $0.text.hasPrefix("n=") }.map(\.text), ["n=5", "n=250", "n=1,000"])
        XCTAssertTrue(renderer.overlappingTexts().isEmpty, "\(renderer.overlappingTexts())")
        XCTAssertLessThanOrEqual(renderer.texts.map(\.box.bounds.maxY).max()!, body.maxY + 1e-9)
    }

    func testCategoriesDownTheYAxisFirstAtTheTop() {
        let renderer = RecordingRenderer()
        let categories = CategoryAxis(labels: ["first", "second"], counts: [3, 40])
        let axes = AxesLayout(
            body: body, categories: categories, values: valueAxis(), horizontal: true, renderer: renderer, style: style)
        XCTAssertFalse(axes.categoriesAlongX)
        XCTAssertLessThan(axes.categoryCenter(0), axes.categoryCenter(1), "first category at the top")
        XCTAssertEqual(axes.categoryCenter(0), axes.plot.minY + axes.plot.height / 4, accuracy: 1e-12)
        XCTAssertEqual(axes.point(category: 1, value: 5).x, axes.plot.midX, accuracy: 1e-12)
        // Left margin: tick + gap + the widest label "second" (36) + the widest count
        // "n=40" (9 pt: 21.6) + two gaps.
        XCTAssertEqual(axes.plot.minX, 4 + 5 + 36 + 21.6 + 10, accuracy: 1e-12)
        axes.draw(renderer: renderer)
        let first = try! XCTUnwrap(renderer.texts.first { $0.text == "first" })
        XCTAssertEqual(first.point.y, axes.categoryCenter(0), accuracy: 1e-12)
        XCTAssertEqual(first.anchor, .middleEnd)
        XCTAssertTrue(renderer.overlappingTexts().isEmpty, "\(renderer.overlappingTexts())")
    }

    func testLongYLabelsAreShortenedToAThirdOfTheWidthAndStayDistinct() {
        let renderer = RecordingRenderer()
        let long = String(repeating: "x", count: 60)
        let axes = AxesLayout(
            body: body, categories: CategoryAxis(labels: [long + "1", long + "2"]), values: valueAxis(),
            horizontal: true, renderer: renderer, style: style)
        XCTAssertEqual(axes.yCategoryLabels.count, 2)
        XCTAssertNotEqual(axes.yCategoryLabels[0], axes.yCategoryLabels[1])
        XCTAssertTrue(axes.yCategoryLabels.allSatisfy { Double($0.count) * 6 <= 400 * 0.35 + 1e-9 })
    }

    /// A horizontal chart in a body 324 high: the plot is 300 high (bottom 19, top 5), so n
    /// rows are 300/n apart and a 10-pt label needs every ⌈11 n / 300⌉-th row.
    func testThinnedLabelNoteStatesTheStrideAsAnOrdinal() {
        let tall = Rect(x: 0, y: 0, width: 400, height: 324)
        func note(_ count: Int) -> (Int, String?) {
            let axes = AxesLayout(
                body: tall, categories: CategoryAxis(labels: (0..<count).map { "g\($0)" }), values: valueAxis(),
                horizontal: true, renderer: RecordingRenderer(), style: style)
            XCTAssertEqual(axes.plot.height, 300)
            return (axes.yLabelStride, axes.thinnedLabelNote)
        }
        XCTAssertEqual(note(20).0, 1)
        XCTAssertNil(note(20).1)
        let expected: [(Int, Int, String)] = [
            (30, 2, "2nd"), (80, 3, "3rd"), (150, 6, "6th"), (300, 11, "11th"), (550, 21, "21st"),
            (600, 22, "22nd"), (620, 23, "23rd"),
        ]
        for (count, stride, ordinal) in expected {
            let (actual, text) = note(count)
            XCTAssertEqual(actual, stride, "\(count) rows")
            XCTAssertEqual(
                text,
                "Only every \(ordinal) group label is shown for lack of room (\(count) groups); a taller chart lists them all."
            )
        }
    }

    func testOrdinals() {
        let expected = [
            1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 10: "10th", 11: "11th", 12: "12th", 13: "13th", 21: "21st",
            22: "22nd", 23: "23rd", 101: "101st", 111: "111th", 112: "112th",
        ]
        for (n, text) in expected { XCTAssertEqual(AxesLayout.ordinal(n), text) }
    }
}
