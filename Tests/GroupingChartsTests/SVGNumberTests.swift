import XCTest

@testable import GroupingCharts

final class SVGNumberTests: XCTestCase {
    func testHundredthsWithoutTrailingZeros() {
        XCTAssertEqual(SVGNumber.format(12), "12")
        XCTAssertEqual(SVGNumber.format(12.5), "12.5")
        XCTAssertEqual(SVGNumber.format(12.05), "12.05")
        XCTAssertEqual(SVGNumber.format(0.125), "0.13", "half a hundredth rounds away from zero")
        XCTAssertEqual(SVGNumber.format(-0.3), "-0.3")
        XCTAssertEqual(SVGNumber.format(-12.345678), "-12.35")
        XCTAssertEqual(SVGNumber.format(719.999), "720")
    }

    func testZeroHasNoSign() {
        XCTAssertEqual(SVGNumber.format(-0.0), "0")
        XCTAssertEqual(SVGNumber.format(-0.004), "0")
        XCTAssertEqual(SVGNumber.format(0.004), "0")
    }

    func testSpecialValuesKeepTheDocumentWellFormed() {
        XCTAssertEqual(SVGNumber.format(.nan), "0")
        XCTAssertEqual(SVGNumber.format(.infinity), "0")
        XCTAssertEqual(SVGNumber.format(2.5e15), "2500000000000000", "huge values as whole numbers")
        XCTAssertEqual(SVGNumber.format(-1e14), "-100000000000000")
    }
}
