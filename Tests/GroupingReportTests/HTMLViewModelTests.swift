import GroupingCore
import XCTest

@testable import GroupingReport

/// The HTML view of a table: which tables may leave the text column on a large screen.
final class HTMLViewModelTests: XCTestCase {
    func table(_ columns: [ReportColumn], rows: Int, cell: (Int) -> String) -> ReportTable {
        ReportTable(
            id: "t", title: "T", caption: "",
            columns: columns, rows: (0..<rows).map { _ in columns.indices.map { ReportCell(cell($0)) } })
    }

    func testOnlyATableThatNeedsMoreThanTheTextColumnIsWide() {
        // Thirteen numeric columns of about ten characters: the LOO table's shape.
        let loo = table((0..<13).map { .number("column \($0)") }, rows: 6) { _ in "-2,509.31" }
        XCTAssertEqual(HTMLTable(loo).widthClass, "wide")
        // Five short columns: a posterior table stays in the text column.
        let posterior = table(
            [ReportColumn("Group / parameter"), .number("Creators"), .number("Mean"), .number("Sd"), .number("95% HDI")],
            rows: 9) { $0 == 0 ? "sigma_group (between groups)" : "[-0.009, 0.023]" }
        XCTAssertEqual(HTMLTable(posterior).widthClass, "medium")
        // Long text wraps: four text columns of sentences stay in the column too.
        let checklist = table((0..<4).map { ReportColumn("Text \($0)") }, rows: 10) { _ in
            String(repeating: "a long finding that wraps ", count: 6)
        }
        XCTAssertEqual(HTMLTable(checklist).widthClass, "medium")
        XCTAssertEqual(HTMLTable(table([ReportColumn("Phase"), .number("Time")], rows: 3) { _ in "0.1 s" }).widthClass, "narrow")
    }

    func testTheEstimateGrowsWithTheLongestCellOfANumericColumn() {
        let short = table([.number("n")], rows: 1) { _ in "1" }
        let long = table([.number("n")], rows: 1) { _ in "1,234,567,890" }
        XCTAssertLessThan(HTMLTable.estimatedWidth(short), HTMLTable.estimatedWidth(long))
        XCTAssertEqual(HTMLTable.estimatedWidth(long), 13 * 7.5 + 24)
    }
}
