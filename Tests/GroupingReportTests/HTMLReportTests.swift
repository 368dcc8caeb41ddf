import GroupingCharts
import XCTest

@testable import GroupingReport

final class HTMLReportTests: XCTestCase {
    func testLabelsAreEscaped() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        XCTAssertFalse(html.contains(SampleResults.trickyLabel), "raw <b>&\"' must never reach the page")
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(html.contains("&lt;b&gt;&amp;&quot;&#39;"))
        XCTAssertTrue(html.contains("<title>Creator revenue boost, Q4 rollout &lt;b&gt;&amp;&quot;&#39;</title>"))
        ReportFixtures.prepareOutputFolder()
        ReportFixtures.save(Array(html.utf8), as: "report.html")
    }

    func testInlineMarkupEscapesBeforeAddingCode() {
        XCTAssertEqual(
            InlineMarkup.html("set `data.ites` <b>&\"'"), "set <code>data.ites</code> &lt;b&gt;&amp;&quot;&#39;")
        XCTAssertEqual(InlineMarkup.plain("set `data.ites`"), "set data.ites")
    }

    func testPageIsSelfContained() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        XCTAssertEqual(ExternalReferences.find(in: html), [])
        XCTAssertTrue(html.contains("<style>"))
        XCTAssertFalse(html.contains("stylesheet\""), "no linked stylesheet")
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("<svg"), "charts are inline SVG")
        XCTAssertTrue(html.contains(#"name="viewport""#))
        XCTAssertTrue(html.contains("@media print"))
    }

    func testExternalReferencesAreFound() {
        let page = #"""
            <a href="#phase-1">ok</a><img src="data:image/png;base64,AAAA"><a href="https://example.com/x">bad</a>
            <img src='//cdn.example.com/a.png'><style>body { background: url("https://x.test/b.png") } .a { background: url(#ok) }</style>
            <svg><image xlink:href="http://x.test/c.svg"/></svg><img srcset="https://x.test/d.png 2x"><div data-x="y">
            """#
        XCTAssertEqual(
            Set(ExternalReferences.find(in: page)),
            [
                "https://example.com/x", "//cdn.example.com/a.png", "http://x.test/c.svg", "https://x.test/b.png",
                "https://x.test/d.png 2x",
            ])
        XCTAssertEqual(ExternalReferences.find(in: "<style>@import 'x.css';</style>"), ["@import"])
    }

    /// A document whose first two charts are real ones, drawn by the SVG writer as the
    /// report's chart builder draws them.
    private func documentWithRealCharts() -> ReportDocument {
        let results = SampleResults.full()
        var charts = FakeCharts.all(
            for: results.candidates.map(\.name), fitted: ["genre", "size_quartile", "data_driven_cluster"])
        let boxes = PlaybookCharts.outcomeByGroup(
            candidate: "genre", outcomeLabel: "Lift",
            groups: [
                BoxGroup(label: SampleResults.trickyLabel, values: (0..<204).map { Double($0 % 17) / 100 }),
                BoxGroup(label: "Gaming", values: (0..<31).map { Double($0 % 5) / 50 }),
            ])
        let sizes = PlaybookCharts.groupSizes(
            candidate: "genre", labels: ["Education", "Gaming"], counts: [204, 31], minGroupSize: 15)
        for (index, chart) in [boxes as Chart, sizes].enumerated() {
            charts[index].svg = ChartOutput.svgMarkup(
                chart, width: ChartRendering.width, idPrefix: ChartRendering.svgIdPrefix(charts[index].id))
        }
        return ReportDocument(results: results, charts: charts, context: ReportFixtures.context)
    }

    func testChartLabelsAreTextInThePage() throws {
        let html = try HTMLReport.render(documentWithRealCharts(), templates: TemplateSet.builtIn())
        XCTAssertTrue(html.contains(">n=204</text>"), "a boxplot's count label is findable as text")
        XCTAssertTrue(html.contains(">Education</text>"))
        XCTAssertTrue(html.contains(">Lift by genre</text>"), "the chart title is drawn as text")
        XCTAssertTrue(html.contains("&lt;b&gt;&amp;&quot;&apos;</text>"), "a tricky group label arrives escaped")
        XCTAssertTrue(html.contains("<desc id=\"chart-"), "each chart states its data")
        XCTAssertFalse(html.contains("<?xml"), "no XML declaration inside the page")
        XCTAssertFalse(html.contains("<use "), "no glyph outlines")
    }

    func testInlinedChartIdsAreUniqueAcrossThePage() throws {
        let html = try HTMLReport.render(documentWithRealCharts(), templates: TemplateSet.builtIn())
        var ids: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: #" id=""#) {
            ids.append(String(rest[range.upperBound...].prefix { $0 != "\"" }))
            rest = rest[range.upperBound...]
        }
        XCTAssertGreaterThanOrEqual(ids.filter { $0.hasSuffix("clip0") }.count, 2, "both charts clip their plot")
        XCTAssertEqual(ids.count, Set(ids).count, "duplicate ids")
        var references = Substring(html)
        while let range = references.range(of: "url(#") {
            let id = references[range.upperBound...].prefix { $0 != ")" }
            XCTAssertTrue(ids.contains(String(id)), "dangling reference \(id)")
            references = references[range.upperBound...]
        }
    }

    func testSectionsAppearInReadingOrderWithContents() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        let document = ReportFixtures.fullDocument()
        let ids = document.sections.map(\.id)
        XCTAssertEqual(
            ids,
            [
                "executive-summary", "summary", "candidates", "phase-4", "phase-5", "pitfalls", "phase-1", "phase-2",
                "phase-3", "other-candidates", "methods",
            ])
        let positions = ids.map { html.range(of: #"id="\#($0)">"#)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        // The contents: one link per section heading, with the heading's number.
        for (id, number) in zip(ids, document.sectionNumbers) {
            XCTAssertTrue(html.contains(##"<a href="#\##(id)"><span class="number">\##(number)</span>"##), id)
            XCTAssertTrue(html.contains(#"<h2><span class="number">\#(number)</span>"#), id)
        }
        XCTAssertTrue(html.contains(#"<span class="badge tone-negative">fail</span>"#))
        XCTAssertTrue(html.contains("3.2e-12"))
    }

    func testExplorationReport() throws {
        let html = try HTMLReport.render(ReportFixtures.explorationDocument(), templates: TemplateSet.builtIn())
        XCTAssertTrue(html.contains("Exploration report"))
        XCTAssertTrue(html.contains("<code>data.ites</code>"))
        XCTAssertTrue(html.contains("not assessed"))
        XCTAssertEqual(ExternalReferences.find(in: html), [])
        ReportFixtures.prepareOutputFolder()
        ReportFixtures.save(Array(html.utf8), as: "exploration.html")
    }

    func testTemplatesDirectoryOverridesBuiltIns() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "<html><title>{{title}}</title><style>{{{stylesheet}}}</style>{{#sections}}[{{id}}]{{/sections}}</html>"
            .write(to: directory.appendingPathComponent("report.mustache"), atomically: true, encoding: .utf8)
        try "body { color: teal }".write(
            to: directory.appendingPathComponent("report.css"), atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(directory: directory)
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: set)
        XCTAssertTrue(html.hasPrefix("<html><title>Creator revenue boost, Q4 rollout &lt;b&gt;"))
        XCTAssertTrue(html.contains("body { color: teal }"))
        XCTAssertTrue(html.contains("[summary][candidates]"))
        XCTAssertEqual(
            set.sources["table"], try TemplateSet.builtIn().sources["table"],
            "missing templates come from the built-in set")
    }

    func testBrokenTemplateNamesTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "{{#sections}} never closed".write(
            to: directory.appendingPathComponent("block.mustache"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TemplateSet.load(directory: directory)) { error in
            XCTAssertEqual((error as? TemplateError)?.file, "block.mustache")
        }
        XCTAssertThrowsError(try TemplateSet.load(directory: directory.appendingPathComponent("missing")))
    }

    func testEmbeddedFilesStaySmall() throws {
        let set = try TemplateSet.builtIn()
        for (name, source) in set.sources { XCTAssertLessThan(source.utf8.count, 30_000, name) }
        XCTAssertLessThan(set.stylesheet.utf8.count, 30_000)
        XCTAssertTrue(set.stylesheet.contains("@media print"))
    }
}

extension HTMLReportTests {
    func testIdsAreUnique() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        var ids: [String] = []
        var rest = Substring(html)
        while let range = rest.range(of: #" id=""#) {
            let value = rest[range.upperBound...].prefix { $0 != "\"" }
            ids.append(String(value))
            rest = rest[range.upperBound...]
        }
        XCTAssertEqual(
            ids.count, Set(ids).count, "duplicate ids: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }
}

extension HTMLReportTests {
    /// A sub-heading and the block after it share one unbreakable box for print.
    func testHeadingsAreKeptWithTheirFirstBlock() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        XCTAssertTrue(
            html.contains(
                "<div class=\"keep-together\">\n<h3>size_quartile</h3>\n<figure class=\"table\" id=\"groups-size-quartile\">"
            ))
        XCTAssertEqual(
            html.components(separatedBy: "<div class=\"keep-together\">").count - 1,
            html.components(separatedBy: "<h3>").count - 1, "one box per sub-heading")
    }
}
