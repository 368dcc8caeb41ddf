import XCTest

@testable import GroupingReport

final class SlugTests: XCTestCase {
    func testFileNamesKeepASCIILettersDigitsDashAndUnderscore() {
        XCTAssertEqual(Slug.fileName("genre × arpu/Q1"), "genre___arpu_Q1")
        XCTAssertEqual(Slug.fileName("size_quartile-2"), "size_quartile-2")
        XCTAssertEqual(Slug.fileName("género"), "g_nero")
        XCTAssertEqual(Slug.fileName(""), "candidate")
    }

    /// Anchors are lower case, and every run of other characters is one dash, none at the ends.
    func testAnchorsCollapseRunsOfOtherCharacters() {
        XCTAssertEqual(Slug.anchor("genre x arpu"), "genre-x-arpu")
        XCTAssertEqual(Slug.anchor("Genre × ARPU/Q1"), "genre-arpu-q1")
        XCTAssertEqual(Slug.anchor("  genre_plus_content "), "genre-plus-content")
        XCTAssertEqual(Slug.anchor(""), "")
    }
}
