import GroupingCharts
import XCTest

final class FiniteValuesTests: XCTestCase {
    func testKeepsFiniteValuesInOrderAndCountsTheRest() {
        let split = FiniteValues([1, .nan, -2, .infinity, 0, -.infinity, 3.5, .nan])
        XCTAssertEqual(split.values, [1, -2, 0, 3.5])
        XCTAssertEqual(split.skipped, 4)
    }

    func testEmptyInput() {
        let split = FiniteValues([])
        XCTAssertEqual(split.values, [])
        XCTAssertEqual(split.skipped, 0)
    }

    func testAllFiniteAndNoneFinite() {
        let values = [Double.greatestFiniteMagnitude, -Double.leastNonzeroMagnitude, -0.0]
        XCTAssertEqual(FiniteValues(values).values, values)
        XCTAssertEqual(FiniteValues(values).skipped, 0)
        let none = FiniteValues([.nan, .infinity, -.infinity])
        XCTAssertEqual(none.values, [])
        XCTAssertEqual(none.skipped, 3)
    }

    func testOneValue() {
        XCTAssertEqual(FiniteValues([2]).values, [2])
        XCTAssertEqual(FiniteValues([.nan]).skipped, 1)
    }
}
