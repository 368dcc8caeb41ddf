import XCTest

@testable import GroupingCore

final class YAMLErrorMessageTests: XCTestCase {
    // MARK: offendingLine

    func testOffendingLineIsOneBased() {
        let text = "first\nsecond\nthird"
        XCTAssertEqual(YAMLErrorMessage.offendingLine(1, in: text), "first")
        XCTAssertEqual(YAMLErrorMessage.offendingLine(2, in: text), "second")
        XCTAssertEqual(YAMLErrorMessage.offendingLine(3, in: text), "third", "the last line has no newline")
    }

    func testOffendingLineOutOfRange() {
        let text = "a\nb\n"
        XCTAssertNil(YAMLErrorMessage.offendingLine(0, in: text))
        XCTAssertNil(YAMLErrorMessage.offendingLine(-1, in: text))
        XCTAssertEqual(YAMLErrorMessage.offendingLine(3, in: text), "", "the empty line after the last newline")
        XCTAssertNil(YAMLErrorMessage.offendingLine(4, in: text))
    }

    func testOffendingLineOfEmptyText() {
        XCTAssertEqual(YAMLErrorMessage.offendingLine(1, in: ""), "")
        XCTAssertNil(YAMLErrorMessage.offendingLine(2, in: ""))
    }

    func testOffendingLineWithCRLFAndEmptyLines() {
        let text = "a: 1\r\n\r\nc: 3\r\n"
        XCTAssertEqual(YAMLErrorMessage.offendingLine(1, in: text), "a: 1", "the CR is not part of the line")
        XCTAssertEqual(YAMLErrorMessage.offendingLine(2, in: text), "")
        XCTAssertEqual(YAMLErrorMessage.offendingLine(3, in: text), "c: 3")
    }

    // MARK: located

    func testLocatedMessageHasLineColumnReasonContextAndTheLine() {
        let error = YAMLErrorMessage.located(
            "mapping values are not allowed in this context", context: "while scanning", line: 2, column: 9,
            text: "title: x\n  k: v: w\n", fileName: "config.yml")
        XCTAssertEqual(error.file, "config.yml")
        XCTAssertEqual(
            error.message,
            #"line 2, column 9: mapping values are not allowed in this context (while scanning); the line: "  k: v: w""#
        )
    }

    func testLocatedWithoutContextOrLine() {
        let error = YAMLErrorMessage.located(
            "problem", context: "", line: 5, column: 1, text: "only\none line\n", fileName: "c.yml")
        XCTAssertEqual(error.message, "line 5, column 1: problem", "no context, no line to show")
    }

    func testLocatedCutsLongPartsAndEscapesControlCharacters() {
        let long = String(repeating: "x", count: 200)
        let error = YAMLErrorMessage.located(
            String(repeating: "p", count: 150), context: nil, line: 1, column: 1, text: "\t" + long,
            fileName: "c.yml")
        let expectedReason = String(repeating: "p", count: 99) + "…"
        let expectedLine = "\\t" + String(repeating: "x", count: YAMLErrorMessage.lineExcerpt - 3) + "…"
        XCTAssertEqual(error.message, "line 1, column 1: \(expectedReason); the line: \"\(expectedLine)\"")
        XCTAssertFalse(error.message.contains("\t"))
    }

    // MARK: inputError

    func testAnErrorThatIsNotYAMLsIsDescribedInOnePiece() {
        struct Odd: Error, CustomStringConvertible { var description: String { "odd\nthing" } }
        let error = YAMLErrorMessage.inputError(Odd(), text: "", fileName: "config.yml")
        XCTAssertEqual(error, InputError(file: "config.yml", message: #"is not valid YAML: odd\nthing"#))
    }

    func testParserErrorsThroughTheConfigParser() {
        // The parser's reason, with its line and column, and the line itself: one line only.
        XCTAssertThrowsError(try ConfigParser.parse("title: x\nk: v: w\n", fileName: "config.yml")) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.file, "config.yml")
            let message = input?.message ?? ""
            XCTAssertTrue(message.hasPrefix("line 2, column 5: mapping values are not allowed"), message)
            XCTAssertTrue(message.hasSuffix(#"; the line: "k: v: w""#), message)
            XCTAssertFalse(message.contains("\n"))
        }
    }

    func testDuplicateKeysNameTheKeyAndItsMapping() {
        XCTAssertThrowsError(try ConfigParser.parse("a: 1\nb: 2\na: 3\n", fileName: "config.yml")) { error in
            let message = (error as? InputError)?.message ?? ""
            XCTAssertTrue(message.contains("the key `a` is given twice in one mapping"), message)
            XCTAssertTrue(message.hasPrefix("line "), message)
            XCTAssertFalse(message.contains("\n"))
        }
    }
}
