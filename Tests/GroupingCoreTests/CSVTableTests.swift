import GroupingCore
import TestSupport
import XCTest

final class CSVTableTests: XCTestCase {
    func parse(_ text: String) throws -> CSVTable {
        try CSVTable(bytes: Array(text.utf8), fileName: "t.csv")
    }

    func testQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws {
        let table = try parse("id,name,note\n1,\"Smith, J\",\"said \"\"hi\"\"\"\n2,\"two\nlines\",x\n")
        XCTAssertEqual(table.header, ["id", "name", "note"])
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertEqual(table.strings(1), ["Smith, J", "two\nlines"])
        XCTAssertEqual(table.strings(2), ["said \"hi\"", "x"])
    }

    func testCRLFAndByteOrderMarkAndNoFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,4".utf8)
        let table = try CSVTable(bytes: bytes, fileName: "t.csv")
        XCTAssertEqual(table.header, ["a", "b"])
        XCTAssertEqual(try table.numbers(0), [1, 3])
        XCTAssertEqual(try table.numbers(1), [2, 4])
    }

    func testEmptyCellsAndMarkersAreMissing() throws {
        let table = try parse("a,b\n,NA\n1.5, 2 \nnan,\n")
        let a = try table.numbers(0)
        XCTAssertTrue(a[0].isMissing)
        XCTAssertEqual(a[1], 1.5)
        XCTAssertTrue(a[2].isMissing)
        XCTAssertEqual(table.strings(1), [nil, "2", nil])
    }

    func testNumberWithTrailingLettersIsAnErrorNamingRowAndColumn() throws {
        let table = try parse("id,arpu\nx,1\ny,12abc\n")
        XCTAssertThrowsError(try table.numbers(1)) { error in
            let e = error as! InputError
            XCTAssertEqual(e.file, "t.csv")
            XCTAssertEqual(e.row, 3)
            XCTAssertEqual(e.column, "arpu")
            XCTAssertTrue(e.description.contains("\"12abc\" is not a number"), e.description)
        }
    }

    func testInfinityAndHexAreNotNumbers() throws {
        XCTAssertThrowsError(try parse("a\ninf\n").numbers(0))
        XCTAssertThrowsError(try parse("a\n0x10\n").numbers(0))
        XCTAssertEqual(try parse("a\n-1.5e-3\n+2\n").numbers(0), [-0.0015, 2])
    }

    func testRowWithWrongFieldCountNamesTheRow() {
        XCTAssertThrowsError(try parse("a,b\n1,2\n3\n")) { error in
            XCTAssertEqual((error as! InputError).row, 3)
        }
        XCTAssertThrowsError(try parse("a,b\n1,2,3\n")) { error in
            XCTAssertEqual((error as! InputError).row, 2)
        }
    }

    func testEmptyFileDuplicateHeaderAndUnclosedQuote() {
        XCTAssertThrowsError(try parse(""))
        XCTAssertThrowsError(try parse("a,a\n1,2\n")) { error in
            XCTAssertEqual((error as! InputError).column, "a")
        }
        XCTAssertThrowsError(try parse("a\n\"open\n")) { error in
            XCTAssertEqual((error as! InputError).row, 2)
        }
    }

    func testBlankLinesAreSkippedButRowNumbersStayFileRows() throws {
        let table = try parse("a\n1\n\nx\n")
        XCTAssertEqual(table.rowCount, 2)
        XCTAssertThrowsError(try table.numbers(0)) { error in
            // "x" is the second record: row 3 (blank lines are not rows).
            XCTAssertEqual((error as! InputError).row, 3)
        }
    }

    func testMissingColumnListsTheHeader() throws {
        let table = try parse("a,b\n1,2\n")
        XCTAssertThrowsError(try table.columnIndex("c", key: "outcome.column")) { error in
            let e = error as! InputError
            XCTAssertEqual(e.column, "c")
            XCTAssertEqual(e.key, "outcome.column")
            XCTAssertTrue(e.description.contains("a, b"))
        }
    }

    /// Issue 16: the duplicate check was quadratic (58,700 fields took 6 s). A 200,000-field
    /// header loads (no timing here; `grouping-bench` measures it).
    func testAHeaderOf200000FieldsLoads() throws {
        let names = (0..<200_000).map { "column_\($0)" }
        let text =
            names.joined(separator: ",") + "\n" + Array(repeating: "1", count: names.count).joined(separator: ",")
        let table = try parse(text + "\n")
        XCTAssertEqual(table.header.count, 200_000)
        XCTAssertEqual(table.rowCount, 1)
        XCTAssertEqual(try table.columnIndex("column_199999"), 199_999)
    }

    func testADuplicateAmongManyFieldsNamesBothPositions() {
        let names = (0..<50_000).map { "c\($0)" } + ["c17"]
        XCTAssertThrowsError(try parse(names.joined(separator: ",") + "\n")) { error in
            let e = error as! InputError
            XCTAssertEqual(e.column, "c17")
            XCTAssertTrue(e.message.contains("fields 18 and 50001"), e.message)
        }
    }

    func testAMissingColumnOfALongHeaderIsCountedAndCut() throws {
        let names = ["creator_id", "effect_hat", "sx"] + (3..<214_000).map { "extra_\($0)" }
        let table = try parse(names.joined(separator: ",") + "\n")
        XCTAssertThrowsError(try table.columnIndex("se")) { error in
            let text = (error as! InputError).description
            XCTAssertTrue(
                text.contains("214,000 columns, starting: creator_id, effect_hat, sx, extra_3, extra_4, …"), text)
            XCTAssertTrue(text.hasSuffix("did you mean \"sx\"?"), text)
            XCTAssertTrue(MessageText.keepsTheRules(text))
        }
    }

    func testANULByteMeansNotAText() {
        XCTAssertThrowsError(try parse("SHELL=/bin/sh\u{0}SECRET=x\n")) { error in
            let text = (error as! InputError).description
            XCTAssertTrue(text.contains("NUL byte"), text)
            XCTAssertFalse(text.contains("SECRET"))
        }
    }

    func testACellWithALineBreakIsEscapedInTheMessage() throws {
        let table = try parse("a\n\"12\nabc\"\n")
        XCTAssertThrowsError(try table.numbers(0)) { error in
            let text = (error as! InputError).description
            XCTAssertEqual(text, #"t.csv, row 2, column "a": "12\nabc" is not a number"#)
        }
    }

    func testNonASCIIText() throws {
        let table = try parse("g\nMúsica & <Arte>\nÄsthetik\n")
        XCTAssertEqual(table.strings(0), ["Música & <Arte>", "Ästhetik"])
    }
}
