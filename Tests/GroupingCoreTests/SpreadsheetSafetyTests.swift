import GroupingCore
import XCTest

final class SpreadsheetSafetyTests: XCTestCase {
    func testFormulaLeadingLabelsGetAQuote() {
        XCTAssertEqual(SpreadsheetSafety.neutralised("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(SpreadsheetSafety.neutralised("+cmd"), "'+cmd")
        XCTAssertEqual(SpreadsheetSafety.neutralised("-x"), "'-x")
        XCTAssertEqual(SpreadsheetSafety.neutralised("@Gaming"), "'@Gaming")
    }

    func testOtherLabelsAndNumbersStay() {
        XCTAssertEqual(SpreadsheetSafety.neutralised("Gaming"), "Gaming")
        XCTAssertEqual(SpreadsheetSafety.neutralised("-17"), "-17")
        XCTAssertEqual(SpreadsheetSafety.neutralised("+4.5e3"), "+4.5e3")
        XCTAssertEqual(SpreadsheetSafety.neutralised(""), "")
        XCTAssertEqual(SpreadsheetSafety.neutralised("-inf"), "'-inf")
    }
}
