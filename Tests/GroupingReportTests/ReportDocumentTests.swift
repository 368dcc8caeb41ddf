import GroupingCore
import XCTest

@testable import GroupingReport

final class ReportDocumentTests: XCTestCase {
    func testSectionsInReadingOrder() {
        let document = ReportFixtures.fullDocument()
        XCTAssertEqual(
            document.sections.map(\.id),
            [
                "executive-summary", "summary", "candidates", "phase-4", "phase-5", "pitfalls", "phase-1", "phase-2",
                "phase-3", "other-candidates", "methods",
            ])
        XCTAssertEqual(document.sectionNumbers, ["1.", "2.", "3.", "4.", "5.", "6.", "A.", "B.", "C.", "D.", "E."])
        XCTAssertEqual(document.sections.map(\.appendix), [false, false, false, false, false, false] + [Bool](repeating: true, count: 5))
        XCTAssertFalse(document.isExplorationOnly)
        guard case .recommendation(let view)? = document.sections[1].blocks.first else {
            return XCTFail("the summary after page 1 starts with the recommendation and its reasons")
        }
        XCTAssertEqual(view.headline, "Use the hierarchical model grouped by genre")
        XCTAssertEqual(view.reasons.count, 3)
    }

    func testCandidatesTableFollowsLOORankAndFormatsNumbers() throws {
        let document = ReportFixtures.fullDocument()
        let table = try XCTUnwrap(tables(in: document).first { $0.id == "candidate-comparison" })
        XCTAssertEqual(
            table.rows.map { $0[0].text }, ["genre", "size_quartile", "data_driven_cluster", "genre_x_arpu"])
        let genre = table.rows[0]
        XCTAssertEqual(
            genre.map(\.text),
            ["genre", "categorical", "5", "46.2%", "good", "3.2e-12", "0.27", "118", "0.0", "0.0", "0.82"])
        XCTAssertTrue(genre[0].emphasis, "the recommended grouping is emphasised")
        XCTAssertEqual(table.rows[3][5].text, "< 1e-300")
        XCTAssertEqual(table.rows[3][8].text, "skipped")
    }

    func testEveryChartIsPlacedOnceWithGuidance() {
        let document = ReportFixtures.fullDocument()
        let placed = document.sections.flatMap(\.blocks).compactMap { block -> ReportChart? in
            if case .chart(let chart) = block { return chart }
            return nil
        }
        // The size charts of candidates whose groups all hold 118+ creators become a sentence.
        let expected = FakeCharts.all(
            for: ["genre", "size_quartile", "data_driven_cluster", "genre_x_arpu"],
            fitted: ["genre", "size_quartile", "data_driven_cluster"]
        ).filter { !["sizes-genre", "sizes-size_quartile", "sizes-data_driven_cluster"].contains($0.id) }
        XCTAssertEqual(Set(placed.map(\.id)), Set(expected.map(\.id)))
        XCTAssertEqual(placed.count, expected.count)
        let boxplot = placed.first { $0.id == "boxplot-genre" }
        XCTAssertTrue(boxplot?.caption.contains("What to look for") ?? false)
    }

    func testEveryTableHasACaption() {
        for table in tables(in: ReportFixtures.fullDocument()) {
            XCTAssertFalse(table.caption.isEmpty, table.id)
            XCTAssertFalse(table.title.isEmpty, table.id)
        }
    }

    func testExplorationReportSaysWhatIsMissing() throws {
        let document = ReportFixtures.explorationDocument()
        XCTAssertTrue(document.isExplorationOnly)
        let phase4 = try XCTUnwrap(document.sections.first { $0.id == "phase-4" })
        guard case .notice(.warning, let text)? = phase4.blocks.first else {
            return XCTFail("Phase 4 explains what is missing")
        }
        XCTAssertTrue(text.contains("data.ites"))
        let checklist = try XCTUnwrap(tables(in: document).first { $0.id == "checklist" })
        XCTAssertEqual(checklist.rows.filter { $0[2].text == "not assessed" }.count, 4)
        XCTAssertFalse(tables(in: document).contains { $0.id == "loo" })
    }

    private func tables(in document: ReportDocument) -> [ReportTable] {
        document.sections.flatMap(\.blocks).compactMap { block in
            if case .table(let table) = block { return table }
            return nil
        }
    }
}

extension ReportDocumentTests {
    func testEmptyResultsStillRender() throws {
        let document = ReportDocument(results: Results(), charts: [], context: ReportFixtures.context)
        XCTAssertEqual(document.title, "Grouping selection report")
        XCTAssertTrue(document.isExplorationOnly)
        let html = try HTMLReport.render(document, templates: TemplateSet.builtIn())
        XCTAssertTrue(html.contains("The run had no candidates."))
        XCTAssertTrue(html.contains("No recommendation"))
        let pdf = try PDFReport.render(document, paper: .letter)
        XCTAssertEqual(Array(pdf.prefix(4)), Array("%PDF".utf8))
    }

    func testPitfallsUseThePlaybookNames() throws {
        let document = ReportFixtures.fullDocument()
        let table = try XCTUnwrap(
            document.sections.first { $0.id == "pitfalls" }?.blocks.compactMap { block -> ReportTable? in
                if case .table(let table) = block { return table }
                return nil
            }.first)
        XCTAssertEqual(
            table.rows.map { $0[0].text }, ["Small crossed cells (Strategy 3)", "Pitfall 3: Ignoring interpretability"])
    }
}

extension ReportDocumentTests {
    /// Backticks mark code only in running text; table cells show text as it is.
    func testTableCellsCarryNoMarkup() {
        for document in [ReportFixtures.fullDocument(), ReportFixtures.explorationDocument()] {
            for table in tables(in: document) {
                for row in table.rows {
                    for cell in row { XCTAssertFalse(cell.text.contains("`"), "\(table.id): \(cell.text)") }
                }
            }
        }
    }
}

final class ReportNumberingTests: XCTestCase {
    /// Figures and tables are numbered 1, 2, … in reading order, every reference in the text
    /// resolves, and the contents lists every section once with its number.
    func testFiguresTablesAndReferencesAreNumberedInReadingOrder() {
        let document = ReportFixtures.fullDocument()
        var figures: [Int] = []
        var tables: [Int] = []
        var texts: [String] = []
        for section in document.sections {
            texts.append(section.lead)
            for block in section.blocks {
                switch block {
                case .chart(let chart):
                    figures.append(chart.number ?? 0)
                    XCTAssertTrue(chart.numberedCaption.hasPrefix("Figure \(chart.number ?? 0). "))
                    texts.append(chart.caption)
                case .table(let table):
                    tables.append(table.number ?? 0)
                    XCTAssertTrue(table.numberedTitle.hasPrefix("Table \(table.number ?? 0). "))
                    texts.append(table.caption)
                case .paragraph(let text), .notice(_, let text): texts.append(text)
                case .bullets(let items): texts += items
                default: break
                }
            }
        }
        XCTAssertEqual(figures, Array(stride(from: 1, through: figures.count, by: 1)))
        XCTAssertEqual(tables, Array(stride(from: 1, through: tables.count, by: 1)))
        XCTAssertGreaterThan(tables.count, 5)
        for text in texts { XCTAssertFalse(text.contains("⟦") || text.contains("⟧"), text) }
        XCTAssertTrue(texts.contains { $0.contains("Appendix E") }, "Phase 4 points to the methods appendix")
        XCTAssertEqual(document.contents.map(\.id), document.sections.map(\.id))
        XCTAssertEqual(document.contents.map(\.number), document.sectionNumbers)
    }

    func testUnknownReferencesReadAsNothing() {
        let section = ReportSection(
            id: "x", title: "X", lead: "See ⟦figure:nowhere⟧ and ⟦section:x⟧.", blocks: [.paragraph("⟦table:none⟧ text")])
        let numbered = ReportDocument.numberingFiguresAndTables([section])
        XCTAssertEqual(numbered[0].lead, "See  and Section 1.")
        guard case .paragraph(let text) = numbered[0].blocks[0] else { return XCTFail() }
        XCTAssertEqual(text, " text")
    }
}

final class GroupSizeBlocksTests: XCTestCase {
    /// Groups of 118+ creators against a minimum of 15: a sentence instead of the size chart;
    /// the crossed candidate with groups of 3 keeps its chart.
    func testSizeChartShrinksToASentenceWhenEveryGroupIsFarAboveTheMinimum() throws {
        let document = ReportFixtures.fullDocument()
        let phase1 = try XCTUnwrap(document.sections.first { $0.id == "phase-1" })
        var sizeCharts: [String] = []
        var sentences: [String] = []
        for block in phase1.blocks {
            if case .chart(let chart) = block, chart.id.hasPrefix("sizes-") { sizeCharts.append(chart.id) }
            if case .paragraph(let text) = block, text.hasPrefix("Group sizes:") { sentences.append(text) }
        }
        XCTAssertTrue(sizeCharts.allSatisfy { $0.contains("genre_x_arpu") }, "\(sizeCharts)")
        XCTAssertFalse(sentences.isEmpty)
        for sentence in sentences {
            XCTAssertTrue(sentence.contains("far above the minimum of 15 creators"), sentence)
            XCTAssertTrue(sentence.contains("groups have 118 to "), sentence)
        }
    }
}
