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

    func testInlinedSVGIdsArePrefixedPerChart() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><defs><g id="glyph0-1"><path d="M0 0"/></g>\
            <clipPath id='clip1'><rect/></clipPath></defs><g clip-path="url(#clip1)"><use xlink:href="#glyph0-1" x="1"/></g></svg>
            """
        let inlined = SVGInlining.prepare(svg, idPrefix: "forest genre")
        XCTAssertTrue(inlined.hasPrefix("<svg"))
        XCTAssertTrue(inlined.contains(#"id="chart-forest-genre-glyph0-1""#))
        XCTAssertTrue(inlined.contains("id='chart-forest-genre-clip1'"))
        XCTAssertTrue(inlined.contains("url(#chart-forest-genre-clip1)"))
        XCTAssertTrue(inlined.contains(##"xlink:href="#chart-forest-genre-glyph0-1""##))
        XCTAssertTrue(inlined.contains(#"xmlns="http://www.w3.org/2000/svg""#), "namespaces untouched")
    }

    func testSectionsAppearInReadingOrderWithContents() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        let ids = [
            "summary", "candidates", "phase-1", "phase-2", "phase-3", "phase-4", "phase-5", "pitfalls", "methods",
        ]
        let positions = ids.map { html.range(of: #"id="\#($0)">"#)?.lowerBound }
        XCTAssertFalse(positions.contains(nil))
        XCTAssertEqual(positions.compactMap { $0 }, positions.compactMap { $0 }.sorted())
        for id in ids { XCTAssertTrue(html.contains(##"<a href="#\##(id)">"##), id) }
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
