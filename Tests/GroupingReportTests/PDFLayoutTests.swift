import GroupingNumerics
import XCTest

@testable import GroupingReport

/// A measurer where every character is half the font size wide: layout tests do not depend
/// on the fonts installed.
struct FixedWidthMeasurer: TextMeasurer {
    func width(_ text: String, font: PDFFont) -> Double { Double(text.count) * font.size * 0.5 }
}

final class PDFLayoutTests: XCTestCase {
    let a4 = PaperSize.a4.points

    func makeLayout() -> PDFLayout {
        PDFLayout(pageWidth: a4.width, pageHeight: a4.height, measurer: FixedWidthMeasurer())
    }

    func twoHundredRowTable() -> ReportTable {
        let rows: [[ReportCell]] = (0..<200).map { index in
            let detail =
                index % 10 == 0
                ? "A long finding that wraps over several lines of the narrow detail column, number \(index), so that rows differ in height."
                : "row \(index)"
            return [
                ReportCell("candidate_\(index)"), ReportCell(NumberFormatting.integer(index * 1_000)),
                ReportCell(detail),
                ReportCell(index % 7 == 0 ? "fail" : "pass", badge: .checklistStatus(index % 7 == 0 ? "fail" : "pass")),
            ]
        }
        return ReportTable(
            id: "long", title: "A long table", caption: "Two hundred rows.",
            columns: [
                ReportColumn("Name"), .number("Value"), ReportColumn("Detail", weight: 1.2),
                ReportColumn("Status", weight: 0.6),
            ],
            rows: rows)
    }

    func testTwoHundredRowTableRepeatsItsHeaderOnEveryPage() throws {
        var layout = makeLayout()
        let table = twoHundredRowTable()
        layout.table(table)
        XCTAssertGreaterThan(layout.pageCount, 3)

        var rowPages: [Int: [PDFPlacedElement]] = [:]
        var headerPages: [Int: [PDFPlacedElement]] = [:]
        var placedIndices: [Int] = []
        for element in layout.elements {
            switch element.role {
            case .tableRow(id: "long", let index, _):
                rowPages[element.page, default: []].append(element)
                placedIndices.append(index)
            case .tableHeader(id: "long"):
                headerPages[element.page, default: []].append(element)
            default: break
            }
        }
        XCTAssertEqual(placedIndices, Array(0..<200), "every row once, in order")
        XCTAssertEqual(Set(rowPages.keys), Set(headerPages.keys), "a header on every page with rows")
        for (page, rows) in rowPages {
            let header = try XCTUnwrap(headerPages[page]?.first)
            XCTAssertEqual(headerPages[page]?.count, 1)
            XCTAssertLessThanOrEqual(
                header.y + header.height, rows.map(\.y).min()! + 1e-9, "header above the rows on page \(page)")
            let sorted = rows.sorted { $0.y < $1.y }
            for (above, below) in zip(sorted, sorted.dropFirst()) {
                XCTAssertLessThanOrEqual(above.y + above.height, below.y + 1e-9, "rows do not overlap")
            }
        }
        assertInsideBody(layout)
        assertNoLinesLost(layout, table: table)
    }

    /// Wherever a ten-row table starts, its last row never stands alone on a page: it takes
    /// the row before it along.
    func testTheLastRowNeverStandsAloneOnAPage() throws {
        let table = ReportTable(
            id: "short", title: "Ten rows", caption: "",
            columns: [ReportColumn("Name"), .number("Value")],
            rows: (0..<10).map { [ReportCell("row \($0)"), ReportCell(String($0))] })
        var carried = 0
        var start = 0.0
        while start < 400 {
            var layout = makeLayout()
            layout.y = layout.bottom - start
            layout.table(table)
            var pages: [Int: [Int]] = [:]
            for element in layout.elements {
                if case .tableRow(id: "short", let index, _) = element.role { pages[element.page, default: []].append(index) }
            }
            XCTAssertEqual(pages.values.flatMap { $0 }.sorted(), Array(0..<10), "start \(start)")
            for (page, rows) in pages where pages.count > 1 {
                XCTAssertGreaterThanOrEqual(rows.count, 2, "page \(page) holds rows \(rows) (start \(start))")
            }
            if pages.count > 1 { carried += 1 }
            assertInsideBody(layout)
            start += 3
        }
        XCTAssertGreaterThan(carried, 10, "some starts split the table")
    }

    func testRowTallerThanAPageSplitsWithoutLosingLines() {
        var layout = makeLayout()
        let huge = (1...260).map { "line\($0)" }.joined(separator: "\n")
        let table = ReportTable(
            id: "tall", title: "Tall", caption: "One enormous cell.",
            columns: [ReportColumn("Key"), ReportColumn("Text", weight: 3)],
            rows: [
                [ReportCell("short"), ReportCell("before")], [ReportCell("huge"), ReportCell(huge)],
                [ReportCell("after"), ReportCell("end")],
            ])
        layout.table(table)
        let parts = layout.elements.compactMap { element -> Int? in
            if case .tableRow(id: "tall", index: 1, let part) = element.role { return part }
            return nil
        }
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertEqual(parts, Array(0..<parts.count))
        assertInsideBody(layout)
        assertNoLinesLost(layout, table: table)
    }

    func testChartKeepsAspectRatioAndMovesToTheNextPage() throws {
        var layout = makeLayout()
        layout.y = layout.bottom - 100
        let chart = FakeCharts.chart("wide", .elbow, caption: "A caption.", aspectRatio: 2)
        layout.chart(chart)
        let placed = try XCTUnwrap(layout.elements.first { $0.role == .chart(id: "wide") })
        XCTAssertEqual(placed.page, 1, "did not fit in 100 pt, so it moved")
        XCTAssertEqual(placed.width / placed.height, 2, accuracy: 1e-9)
        XCTAssertEqual(placed.width, layout.contentWidth * 0.9, accuracy: 1e-9)
        let caption = try XCTUnwrap(layout.elements.first { $0.role == .chartCaption(id: "wide") })
        XCTAssertEqual(caption.page, 1)
        XCTAssertGreaterThanOrEqual(caption.y, placed.y + placed.height)

        var tall = makeLayout()
        tall.chart(FakeCharts.chart("tall", .elbow, caption: "", aspectRatio: 0.5))
        let tallChart = try XCTUnwrap(tall.elements.first { $0.role == .chart(id: "tall") })
        // A tall chart (one row per group) may take up to 85% of the page body …
        XCTAssertLessThanOrEqual(tallChart.height, tall.bodyHeight * 0.85 + 1e-9)
        XCTAssertGreaterThan(tallChart.height, tall.bodyHeight * 0.45)
        XCTAssertEqual(tallChart.width / tallChart.height, 0.5, accuracy: 1e-9)

        // … a wide one at most 45%, so that two share a page.
        var squat = makeLayout()
        squat.chart(FakeCharts.chart("squat", .elbow, caption: "", aspectRatio: 1.2))
        let squatChart = try XCTUnwrap(squat.elements.first { $0.role == .chart(id: "squat") })
        XCTAssertLessThanOrEqual(squatChart.height, squat.bodyHeight * 0.45 + 1e-9)
        XCTAssertEqual(squatChart.width / squatChart.height, 1.2, accuracy: 1e-9)
    }

    func testAHeadingStaysWithTheShortListBelowItWhenBothFit() throws {
        var layout = makeLayout()
        // Room for the heading and two lines, not for the 110 points a long block asks.
        layout.y = layout.bottom - 70
        let list = ReportBlock.bullets(["Use it."])
        layout.heading("What to do next", keepingWith: list)
        layout.block(list)
        let heading = try XCTUnwrap(layout.elements.first { $0.role == .heading })
        let bullet = try XCTUnwrap(layout.elements.first { $0.role == .bullet })
        XCTAssertEqual(heading.page, 0, "the heading and its one-line list fit below")
        XCTAssertEqual(bullet.page, 0)

        var full = makeLayout()
        full.y = full.bottom - 20
        full.heading("What to do next", keepingWith: list)
        full.block(list)
        XCTAssertEqual(full.elements.first { $0.role == .heading }?.page, 1, "no room: both move on")
        XCTAssertEqual(full.elements.first { $0.role == .bullet }?.page, 1)
    }

    func testWrappingNeverExceedsTheWidth() {
        let measurer = FixedWidthMeasurer()
        let font = PDFStyle.body
        let text = "short words then an extraordinarilylongunbrokenwordthatcannotfitonaline and more"
        let lines = TextWrapping.lines(text, font: font, width: 100, measurer: measurer)
        XCTAssertTrue(lines.allSatisfy { measurer.width($0, font: font) <= 100 })
        XCTAssertEqual(
            lines.joined().replacingOccurrences(of: " ", with: ""), text.replacingOccurrences(of: " ", with: ""))
        let hash = String(repeating: "ab12", count: 16)
        let pieces = TextWrapping.lines(hash, font: font, width: 60, measurer: measurer, breakAnywhere: true)
        XCTAssertEqual(pieces.joined(), hash)
        XCTAssertGreaterThan(pieces.count, 1)
    }

    func testWholeReportStaysInsideThePagesAndStartsSectionsOnNewPages() {
        for paper in PaperSize.allCases {
            let document = ReportFixtures.fullDocument()
            let layout = PDFReport.layout(document, paper: paper, measurer: FixedWidthMeasurer())
            assertInsideBody(layout)
            // The sections' marks, and the contents page's after the first.
            let marks = layout.sectionMarks.filter { $0.id != "contents" }
            XCTAssertEqual(marks.count, document.sections.count)
            XCTAssertEqual(layout.sectionMarks[1].id, "contents")
            XCTAssertEqual(marks[0].page, 0, "the executive summary is on the first page")
            XCTAssertEqual(layout.sectionMarks[1].page, 1, "the executive summary fits on one page, the contents follow")
            let pages = layout.sectionMarks.map(\.page)
            XCTAssertEqual(pages, pages.sorted())
            for (section, mark) in zip(document.sections, marks).dropFirst() where section.startsOnNewPage
            {
                XCTAssertEqual(mark.y, layout.top, accuracy: 1e-9, "\(section.id) starts a page")
            }
        }
    }

    /// The contents page lists every section, in order, with the page its heading is on, and
    /// links each line to that heading.
    func testContentsPageMatchesTheHeadings() {
        let document = ReportFixtures.fullDocument()
        let layout = PDFReport.layout(document, paper: .a4, measurer: FixedWidthMeasurer())
        let contentsPage = layout.sectionMarks[1].page
        var listed: [(id: String, number: String, page: String)] = []
        var links: [String: (page: Int, y: Double)] = [:]
        for element in layout.elements where element.page == contentsPage {
            guard case .contentsEntry(let id) = element.role else { continue }
            switch element.kind {
            case .text(let lines, _, _):
                if let index = listed.firstIndex(where: { $0.id == id }) {
                    if element.x > layout.left + layout.contentWidth / 2 { listed[index].page = lines[0] }
                } else {
                    listed.append((id, lines[0], ""))
                }
            case .link(let page, let y): links[id] = (page, y)
            default: break
            }
        }
        XCTAssertEqual(listed.map(\.id), document.sections.map(\.id))
        XCTAssertEqual(listed.map(\.number), document.sectionNumbers)
        for mark in layout.sectionMarks where mark.id != "contents" {
            let entry = listed.first { $0.id == mark.id }
            XCTAssertEqual(entry?.page, String(mark.page + 1), mark.id)
            XCTAssertEqual(links[mark.id]?.page, mark.page, mark.id)
            XCTAssertEqual(links[mark.id]?.y ?? -1, mark.y, accuracy: 1e-9, mark.id)
            // The heading on that page carries the section's number and title.
            let heading = layout.elements.first { $0.role == .sectionHeading(id: mark.id) }
            XCTAssertEqual(heading?.page, mark.page)
        }
    }

    // MARK: - Helpers

    func assertInsideBody(_ layout: PDFLayout, file: StaticString = #filePath, line: UInt = #line) {
        for element in layout.elements {
            XCTAssertGreaterThanOrEqual(
                element.y, layout.top - 1e-9, "\(element.role) above the body", file: file, line: line)
            XCTAssertLessThanOrEqual(
                element.y + element.height, layout.bottom + 1e-6, "\(element.role) cut off at the bottom", file: file,
                line: line)
            XCTAssertGreaterThanOrEqual(element.x, layout.left - 1e-9, file: file, line: line)
            XCTAssertLessThanOrEqual(
                element.x + element.width, layout.left + layout.contentWidth + 1e-6, "\(element.role) too wide",
                file: file, line: line)
            XCTAssertLessThan(element.page, layout.pageCount, file: file, line: line)
        }
    }

    /// The lines placed for each row, summed over its parts, are all the lines it wraps into.
    func assertNoLinesLost(_ layout: PDFLayout, table: ReportTable, file: StaticString = #filePath, line: UInt = #line)
    {
        var placed: [Int: [[String]]] = [:]
        for element in layout.elements {
            guard case .tableRow(id: table.id, let index, _) = element.role, case .tableRow(let row) = element.kind
            else { continue }
            let cells = row.cells.map(\.lines)
            if let previous = placed[index] {
                placed[index] = zip(previous, cells).map { $0 + $1 }
            } else {
                placed[index] = cells
            }
        }
        XCTAssertEqual(placed.count, table.rows.count, file: file, line: line)
        for (index, cells) in placed {
            for (column, lines) in cells.enumerated() {
                let text = table.rows[index][column].text
                XCTAssertEqual(
                    lines.joined(separator: " ").split(separator: " ").joined(),
                    text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(),
                    "row \(index) column \(column)", file: file, line: line)
            }
        }
    }
}

extension PDFLayoutTests {
    /// Many candidates with long names: the eleven-column comparison still fits the line,
    /// and numbers and badges are never broken over two lines.
    func testWideTableKeepsNumbersWhole() {
        var results = SampleResults.full()
        let template = results.candidates[0]
        results.candidates = (0..<12).map { index in
            var candidate = template
            candidate.name = "audience_engagement_quartile_by_region_\(index)"
            return candidate
        }
        let document = ReportDocument(results: results, charts: [], context: ReportFixtures.context)
        let layout = PDFReport.layout(document, paper: .a4, measurer: FixedWidthMeasurer())
        assertInsideBody(layout)
        let rows = layout.elements.compactMap { element -> PDFTableRow? in
            guard case .tableRow(id: "candidate-comparison", _, _) = element.role,
                case .tableRow(let row) = element.kind
            else { return nil }
            return row
        }
        XCTAssertEqual(rows.count, 12)
        for row in rows {
            for cell in row.cells where cell.alignment == .trailing || cell.badge != nil {
                XCTAssertEqual(cell.lines.count, 1, "\(cell.lines)")
            }
        }
    }
}
