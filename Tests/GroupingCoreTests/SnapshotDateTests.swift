import GroupingCore
import XCTest

final class SnapshotDateTests: XCTestCase {
    func testValidDates() {
        for text in ["2025-03-31", "2025-01-01", "2025-12-31", "1999-02-28", "0001-01-01", "9999-12-31"] {
            XCTAssertTrue(SnapshotDate.isISODate(text), text)
        }
    }

    func testLeapYears() {
        XCTAssertTrue(SnapshotDate.isISODate("2024-02-29"), "divisible by 4")
        XCTAssertFalse(SnapshotDate.isISODate("2025-02-29"))
        XCTAssertFalse(SnapshotDate.isISODate("1900-02-29"), "divisible by 100, not by 400")
        XCTAssertTrue(SnapshotDate.isISODate("2000-02-29"), "divisible by 400")
        XCTAssertFalse(SnapshotDate.isISODate("2024-02-30"))
    }

    func testDaysPerMonth() {
        let lastDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        for (index, last) in lastDays.enumerated() {
            let month = String(format: "%02d", index + 1)
            XCTAssertTrue(SnapshotDate.isISODate("2023-\(month)-\(last)"), "2023-\(month)-\(last)")
            XCTAssertFalse(SnapshotDate.isISODate("2023-\(month)-\(last + 1)"), "2023-\(month)-\(last + 1)")
        }
    }

    func testOutOfRangeFields() {
        for text in ["2025-00-10", "2025-13-01", "2025-01-00", "2025-01-32", "2025-04-31"] {
            XCTAssertFalse(SnapshotDate.isISODate(text), text)
        }
    }

    func testMalformedText() {
        for text in [
            "", "2025", "2025-03", "2025-3-31", "2025-03-1", "25-03-31", "02025-03-31", "2025/03/31",
            "2025-03-31T00:00", "2025-03-31 ", " 2025-03-31", "2025-03-31-", "abcd-ef-gh", "2025--03-31",
            "2025-03-3a",
        ] {
            XCTAssertFalse(SnapshotDate.isISODate(text), "'\(text)'")
        }
    }

    func testEveryFieldIsDigitsOnly() {
        // Int("+1") is 1: a sign must not pass for a digit.
        for text in ["+025-03-31", "2025-+3-31", "2025-03-+1", "2025-03-٣١"] {
            XCTAssertFalse(SnapshotDate.isISODate(text), "'\(text)'")
        }
    }
}
