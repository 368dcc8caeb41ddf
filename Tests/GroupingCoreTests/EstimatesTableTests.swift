import XCTest

@testable import GroupingCore

/// estimates.csv's fields: numbers that read back as the same double (empty when missing),
/// labels neutralised for spreadsheets and quoted per RFC 4180 when they need it.
final class EstimatesTableTests: XCTestCase {
    func testNumbersReadBackExactlyAndMissingIsEmpty() {
        for value in [0.1, -1.0 / 3, 1e-300, 123456789.125, 0] {
            XCTAssertEqual(Double(EstimatesTable.number(value)), value)
        }
        XCTAssertEqual(EstimatesTable.number(.nan), "")
        XCTAssertEqual(EstimatesTable.number(.infinity), "")
    }

    func testLabelsAreNeutralisedThenQuoted() {
        XCTAssertEqual(EstimatesTable.quoted("Gaming"), "Gaming")
        XCTAssertEqual(EstimatesTable.quoted("a,b"), "\"a,b\"")
        XCTAssertEqual(EstimatesTable.quoted("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(EstimatesTable.quoted("two\nlines"), "\"two\nlines\"")
        XCTAssertEqual(EstimatesTable.quoted("=SUM(A1)"), "'=SUM(A1)")
        XCTAssertEqual(EstimatesTable.quoted("=A1,B1"), "\"'=A1,B1\"")
    }

    func testHeaderNamesTheContractColumns() {
        XCTAssertEqual(
            EstimatesTable.header.split(separator: ",").map(String.init),
            ["creator_id", "grouping", "group", "effect_hat", "se", "effect_hat_hbm", "sd_hbm", "ci_lower", "ci_upper"])
    }
}
