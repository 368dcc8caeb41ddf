import GroupingCore
import XCTest

final class SuggestionTests: XCTestCase {
    func testTheNearestNameWithinTwoEdits() {
        XCTAssertEqual(Suggestion.closest("quantile", in: ["name", "quantiles", "bins"]), "quantiles")
        XCTAssertEqual(Suggestion.closest("se", in: ["effect_hat", "sx"]), "sx")
        XCTAssertNil(Suggestion.closest("genre", in: ["arpu", "tenure_months"]))
    }

    func testLongNamesAreNotCompared() {
        let long = String(repeating: "a", count: Suggestion.maxLength + 1)
        XCTAssertNil(Suggestion.closest(long, in: [long]))
        XCTAssertEqual(Suggestion.phrase("x", in: [long]), "")
    }
}
