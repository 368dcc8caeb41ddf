import GroupingCore
import XCTest

final class MessageTextTests: XCTestCase {
    func testControlCharactersAreEscapedAndEscapingTwiceChangesNothing() {
        let raw = "a\nb\tc\r\u{1B}[31m\u{7F}\u{85}\u{2028}d\\n"
        let once = MessageText.escaped(raw)
        XCTAssertEqual(once, #"a\nb\tc\r\u{1B}[31m\u{7F}\u{85}\u{2028}d\n"#)
        XCTAssertEqual(MessageText.escaped(once), once)
        XCTAssertTrue(MessageText.keepsTheRules(once))
    }

    func testCutKeepsTheLimitAndMarksTheCut() {
        XCTAssertEqual(MessageText.cut("abcdef", to: 4), "abc…")
        XCTAssertEqual(MessageText.cut("abc", to: 4), "abc")
        let long = String(repeating: "é", count: 10_000)
        XCTAssertEqual(MessageText.line(long).unicodeScalars.count, MessageText.lineLimit)
    }

    func testListsAreCutWithAnEllipsis() {
        XCTAssertEqual(MessageText.list(["a", "b"]), "a, b")
        XCTAssertEqual(MessageText.list((1...9).map(String.init)), "1, 2, 3, 4, 5, …")
    }

    func testCountsHaveThousandsSeparators() {
        XCTAssertEqual(MessageText.count(0), "0")
        XCTAssertEqual(MessageText.count(999), "999")
        XCTAssertEqual(MessageText.count(214_000), "214,000")
        XCTAssertEqual(MessageText.count(-1_000_000_000), "-1,000,000,000")
    }

    func testTheRules() {
        XCTAssertTrue(MessageText.keepsTheRules("one\ntwo"))
        XCTAssertFalse(MessageText.keepsTheRules("one\ntwo\nthree"))
        XCTAssertFalse(MessageText.keepsTheRules(String(repeating: "x", count: 301)))
        XCTAssertFalse(MessageText.keepsTheRules("tab\there"))
    }

    func testAnInputErrorWithHugeOrMultilinePartsIsOneShortLine() {
        let error = InputError(
            file: "dir\n/" + String(repeating: "f", count: 1_000), row: 3,
            column: String(repeating: "c", count: 10_000), key: "k",
            message: String(repeating: "m", count: 10_000))
        let text = error.description
        XCTAssertTrue(MessageText.keepsTheRules(text))
        XCTAssertFalse(text.contains("\n"))
        XCTAssertTrue(text.hasPrefix(#"dir\n/fff"#), text)
        XCTAssertLessThanOrEqual(text.unicodeScalars.count, InputError.descriptionLimit)
    }
}
