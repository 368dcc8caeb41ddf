import GroupingCharts
import XCTest

final class XMLTextTests: XCTestCase {
    func testMarkupCharactersBecomeEntities() {
        XCTAssertEqual(XMLText.escaped("<b>&\"'"), "&lt;b&gt;&amp;&quot;&apos;")
        XCTAssertEqual(XMLText.escaped("Música 日本語"), "Música 日本語")
        XCTAssertEqual(XMLText.escaped(""), "")
    }

    func testCharactersXMLForbidsAreReplaced() {
        XCTAssertEqual(XMLText.escaped("a\u{0}b\u{1F}c\u{FFFE}"), "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        XCTAssertEqual(XMLText.escaped("tab\there\nline\r"), "tab\there\nline\r", "whitespace controls are allowed")
    }
}
