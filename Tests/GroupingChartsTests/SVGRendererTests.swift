import XCTest

@testable import GroupingCharts

/// The SVG writer: well-formed XML whatever the labels, real text placed where Cairo would
/// place it, a title and a description, compact shapes, ids under the prefix.
final class SVGRendererTests: XCTestCase {
    private let tricky = "<b>&\"'"

    private func parsed(_ renderer: SVGRenderer, title: String = "T", description: String = "D") throws -> ParsedSVG {
        let markup = renderer.markup(title: title, description: description)
        return try XCTUnwrap(ParsedSVG(markup), "not well-formed:\n\(markup)")
    }

    func testTrickyLabelsAreEscapedAndReadBackAsText() throws {
        let chart = BarChart(title: "Sizes \(tricky)", labels: [tricky, "Música & <Arte>", "日本語"], values: [3, 20, 7])
        let markup = ChartOutput.svgMarkup(chart, width: 500, idPrefix: "p-")
        XCTAssertFalse(markup.contains(tricky), "the raw label must never reach the markup")
        XCTAssertTrue(markup.contains("&lt;b&gt;&amp;&quot;&apos;"))
        let svg = try XCTUnwrap(ParsedSVG(markup))
        XCTAssertEqual(svg.elements.first?.name, "svg")
        for label in [tricky, "Música & <Arte>", "日本語", "Sizes \(tricky)"] {
            XCTAssertTrue(svg.texts.contains(label), "\(label) not drawn as text: \(svg.texts)")
        }
        XCTAssertEqual(svg.all("title").first?.text, "Sizes \(tricky)")
        XCTAssertTrue(try XCTUnwrap(svg.all("desc").first).text.contains("\(tricky): 3"))
    }

    func testForbiddenControlCharactersBecomeReplacementCharacters() throws {
        let renderer = SVGRenderer(size: Size(width: 100, height: 50))
        renderer.drawText("a\u{01}b\u{1B}", at: Point(x: 10, y: 10), font: Font(size: 10), anchor: .topStart)
        XCTAssertEqual(try parsed(renderer).texts, ["a\u{FFFD}b\u{FFFD}"])
    }

    func testTitleAndDescriptionComeFirstAndLabelTheImage() throws {
        let chart = Gallery.forest()
        let svg = try XCTUnwrap(ParsedSVG(ChartOutput.svgMarkup(chart, width: 500, idPrefix: "f-")))
        let root = try XCTUnwrap(svg.elements.first)
        XCTAssertEqual(root.attributes["role"], "img")
        XCTAssertEqual(svg.elements.dropFirst().prefix(2).map(\.name), ["title", "desc"])
        XCTAssertEqual(svg.all("title").first?.text, chart.title)
        XCTAssertEqual(svg.all("desc").first?.text, chart.dataDescription)
        XCTAssertEqual(root.attributes["aria-labelledby"], "f-title")
        XCTAssertEqual(root.attributes["aria-describedby"], "f-desc")
    }

    func testTextSitsWhereCairoPutsItWithCairosWidth() throws {
        let measurer = CairoTextMeasurer()
        let renderer = SVGRenderer(size: Size(width: 300, height: 200), measurer: measurer)
        let font = Font(size: 12, bold: true)
        let point = Point(x: 150, y: 40)
        renderer.drawText("Gaming", at: point, font: font, color: .ink, anchor: .topMiddle, rotation: 0)
        let metrics = measurer.measure("Gaming", font: font)
        let text = try XCTUnwrap(try parsed(renderer).all("text").first)
        // Start of the baseline: centred horizontally, one ascent below the top.
        XCTAssertEqual(Double(try XCTUnwrap(text.attributes["x"]))!, 150 - metrics.width / 2, accuracy: 0.006)
        XCTAssertEqual(Double(try XCTUnwrap(text.attributes["y"]))!, 40 + metrics.ascent, accuracy: 0.006)
        XCTAssertEqual(Double(try XCTUnwrap(text.attributes["textLength"]))!, metrics.width, accuracy: 0.006)
        XCTAssertEqual(text.attributes["lengthAdjust"], "spacingAndGlyphs")
        XCTAssertEqual(text.attributes["font-weight"], "bold")
        XCTAssertEqual(text.attributes["font-size"], "12")
        XCTAssertNil(text.attributes["transform"])
    }

    func testRotatedTextTurnsAboutItsAnchor() throws {
        let measurer = CairoTextMeasurer()
        let renderer = SVGRenderer(size: Size(width: 300, height: 200), measurer: measurer)
        let font = Font(size: 11)
        renderer.drawText("Lift", at: Point(x: 20, y: 100), font: font, color: .ink, anchor: .center, rotation: 90)
        let metrics = measurer.measure("Lift", font: font)
        let text = try XCTUnwrap(try parsed(renderer).all("text").first)
        // Reading upwards (counter-clockwise 90°) is SVG's rotate(-90) about the anchor.
        XCTAssertEqual(text.attributes["transform"], "rotate(-90 20 100)")
        XCTAssertEqual(Double(text.attributes["x"]!)!, 20 - metrics.width / 2, accuracy: 0.006)
        XCTAssertEqual(Double(text.attributes["y"]!)!, 100 + metrics.ascent - metrics.height / 2, accuracy: 0.006)
    }

    func testChartTextsMatchTheLayoutUnderCairosMeasure() throws {
        // The same chart drawn into a recording renderer measuring with Cairo: every label,
        // in order, at the start point of its unrotated box.
        let chart = Gallery.genreBoxes()
        let measurer = CairoTextMeasurer()
        let recording = RecordingRenderer(measure: measurer.measure)
        chart.draw(in: recording, frame: Rect(x: 0, y: 0, width: 600, height: 400))
        let renderer = SVGRenderer(size: Size(width: 600, height: 400), measurer: measurer)
        chart.draw(in: renderer, frame: Rect(x: 0, y: 0, width: 600, height: 400))
        let texts = try parsed(renderer).all("text")
        XCTAssertEqual(texts.map(\.text), recording.texts.map(\.text))
        for (svgText, recorded) in zip(texts, recording.texts) where recorded.rotation == 0 {
            let box = recorded.box.bounds
            XCTAssertEqual(Double(svgText.attributes["x"]!)!, box.minX, accuracy: 0.006, recorded.text)
            XCTAssertEqual(Double(svgText.attributes["textLength"]!)!, box.width, accuracy: 0.006, recorded.text)
        }
    }

    func testCirclesShareOneGroupWithTheirPaint() throws {
        let renderer = SVGRenderer(size: Size(width: 100, height: 100))
        let centers = [Point(x: 1, y: 2), Point(x: 3.333, y: 4), Point(x: .nan, y: 5), Point(x: 7, y: 8)]
        renderer.drawCircles(centers, radius: 2.3, fill: Color(hex: 0x0072B2, alpha: 0.5), stroke: nil)
        let svg = try parsed(renderer)
        let groups = svg.all("g")
        XCTAssertEqual(groups.count, 1)
        XCTAssertEqual(groups[0].attributes["fill"], "#0072b2")
        XCTAssertEqual(groups[0].attributes["fill-opacity"], "0.5")
        let circles = svg.all("circle")
        XCTAssertEqual(circles.map { $0.attributes["cx"]! }, ["1", "3.33", "7"], "the NaN point is skipped")
        XCTAssertTrue(circles.allSatisfy { $0.attributes["r"] == "2.3" && $0.attributes["fill"] == nil })
    }

    func testOpaquePolygonsOfOneColourShareAPathAndTranslucentOnesDoNot() throws {
        let renderer = SVGRenderer(size: Size(width: 100, height: 100))
        let triangle = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 5, y: 8)]
        let shifted = triangle.map { Point(x: $0.x + 20, y: $0.y) }
        renderer.fillPolygon(triangle, color: .ink)
        renderer.fillPolygon(shifted, color: .ink)
        renderer.fillPolygon(triangle, color: .grid)
        renderer.fillPolygon(triangle, color: Color.ink.withAlpha(0.3))
        renderer.fillPolygon(shifted, color: Color.ink.withAlpha(0.3))
        let paths = try parsed(renderer).all("path")
        XCTAssertEqual(
            paths.map { $0.attributes["d"]! },
            ["M0 0 10 0 5 8ZM20 0 30 0 25 8Z", "M0 0 10 0 5 8Z", "M0 0 10 0 5 8Z", "M20 0 30 0 25 8Z"])
        XCTAssertEqual(paths.map { $0.attributes["fill"]! }, ["#222222", "#e3e3e3", "#222222", "#222222"])
        XCTAssertEqual(paths.map { $0.attributes["fill-opacity"] }, [nil, nil, "0.3", "0.3"])
    }

    func testStrokesCarryWidthAndDash() throws {
        let renderer = SVGRenderer(size: Size(width: 100, height: 100))
        renderer.drawPolyline(
            [Point(x: 0, y: 1), Point(x: 50.125, y: 1)], stroke: Stroke(color: .black, width: 1.3, dash: [5, 3]))
        renderer.strokeRect(Rect(x: 1, y: 2, width: 3, height: 4), stroke: Stroke(color: .black))
        let svg = try parsed(renderer)
        let path = try XCTUnwrap(svg.all("path").first)
        XCTAssertEqual(path.attributes["d"], "M0 1 50.13 1")
        XCTAssertEqual(path.attributes["fill"], "none")
        XCTAssertEqual(path.attributes["stroke-width"], "1.3")
        XCTAssertEqual(path.attributes["stroke-dasharray"], "5 3")
        let rect = try XCTUnwrap(svg.all("rect").first)
        XCTAssertEqual(rect.attributes["fill"], "none")
        XCTAssertNil(rect.attributes["stroke-width"], "1 is SVG's default")
    }

    func testClipsNestWithPrefixedIdsThatResolve() throws {
        let renderer = SVGRenderer(size: Size(width: 100, height: 100), idPrefix: "chart-7-")
        renderer.pushClip(Rect(x: 0, y: 0, width: 50, height: 50))
        renderer.pushClip(Rect(x: 10, y: 10, width: 20, height: 20))
        renderer.fillRect(Rect(x: 0, y: 0, width: 100, height: 100), color: .ink)
        renderer.popClip()
        renderer.popClip()
        renderer.pushClip(Rect(x: 0, y: 0, width: 5, height: 5))  // left open: closed by the writer
        let svg = try parsed(renderer)
        XCTAssertEqual(svg.all("clipPath").count, 3)
        XCTAssertEqual(Set(svg.ids).count, svg.ids.count, "ids are unique")
        XCTAssertTrue(svg.ids.allSatisfy { $0.hasPrefix("chart-7-") }, "\(svg.ids)")
        XCTAssertTrue(Set(svg.references).isSubset(of: Set(svg.ids)), "dangling reference in \(svg.references)")
        XCTAssertEqual(svg.references.filter { $0.contains("clip") }.count, 3)
    }

    func testEveryGalleryChartIsWellFormedWithResolvedIds() throws {
        let charts: [Chart] = [
            Gallery.genreBoxes(), Gallery.manyGroupBoxes(), Gallery.elbow(), Gallery.forest(), Gallery.scatter(500),
            Gallery.scatter(30_000), Gallery.sizes(), Gallery.loo(), Gallery.comparison(), Gallery.pit(),
        ]
        for chart in charts {
            let svg = try XCTUnwrap(ParsedSVG(ChartOutput.svgMarkup(chart, width: 480, idPrefix: "g-")), chart.title)
            XCTAssertTrue(svg.texts.contains(chart.title), chart.title)
            XCTAssertTrue(Set(svg.references).isSubset(of: Set(svg.ids)), chart.title)
        }
    }
}
