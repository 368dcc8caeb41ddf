import GroupingNumerics
import XCTest

final class NumberFormattingTests: XCTestCase {
    func testSignificantDigits() {
        XCTAssertEqual(NumberFormatting.significant(0.123456), "0.123")
        XCTAssertEqual(NumberFormatting.significant(12.3456), "12.3")
        XCTAssertEqual(NumberFormatting.significant(0.5), "0.5")
        XCTAssertEqual(NumberFormatting.significant(-0.0012345), "-0.00123")
        XCTAssertEqual(NumberFormatting.significant(0.99961), "1")
        XCTAssertEqual(NumberFormatting.significant(1234.56), "1,235")
        XCTAssertEqual(NumberFormatting.significant(1234.56, digits: 6), "1,234.56")
        XCTAssertEqual(NumberFormatting.significant(123_456_789), "123,456,789")
        XCTAssertEqual(NumberFormatting.significant(0.000012345), "1.23e-5")
        XCTAssertEqual(NumberFormatting.significant(2.5e12), "2.5e12")
        XCTAssertEqual(NumberFormatting.significant(0), "0")
    }

    func testSpecialValues() {
        XCTAssertEqual(NumberFormatting.significant(nil), "—")
        XCTAssertEqual(NumberFormatting.significant(.nan), "—")
        XCTAssertEqual(NumberFormatting.significant(.infinity), "∞")
        XCTAssertEqual(NumberFormatting.significant(-.infinity), "-∞")
        XCTAssertEqual(NumberFormatting.pValue(nil), "—")
        XCTAssertEqual(NumberFormatting.percent(fraction: nil), "—")
        XCTAssertEqual(NumberFormatting.integer(nil), "—")
        XCTAssertEqual(NumberFormatting.fixed(.nan, decimals: 2), "—")
    }

    func testPValues() {
        XCTAssertEqual(NumberFormatting.pValue(3.2e-12), "3.2e-12")
        XCTAssertEqual(NumberFormatting.pValue(3.24e-12), "3.2e-12")
        XCTAssertEqual(NumberFormatting.pValue(0), "< 1e-300")
        XCTAssertEqual(NumberFormatting.pValue(1e-320), "< 1e-300")
        XCTAssertEqual(NumberFormatting.pValue(0.032), "0.032")
        XCTAssertEqual(NumberFormatting.pValue(0.0321), "0.032")
        XCTAssertEqual(NumberFormatting.pValue(0.0012), "0.0012")
        XCTAssertEqual(NumberFormatting.pValue(0.00099), "9.9e-4")
        XCTAssertEqual(NumberFormatting.pValue(0.05), "0.05")
        XCTAssertEqual(NumberFormatting.pValue(1e-4), "1e-4")
        XCTAssertEqual(NumberFormatting.pValue(0.412), "0.41")
        XCTAssertEqual(NumberFormatting.pValue(1), "1")
    }

    func testPercentAndThousands() {
        XCTAssertEqual(NumberFormatting.percent(fraction: 0.934), "93.4%")
        XCTAssertEqual(NumberFormatting.percent(fraction: 0.93, decimals: 0), "93%")
        XCTAssertEqual(NumberFormatting.percent(points: 46.23), "46.2%")
        XCTAssertEqual(NumberFormatting.integer(1_234_567), "1,234,567")
        XCTAssertEqual(NumberFormatting.integer(-1_234), "-1,234")
        XCTAssertEqual(NumberFormatting.integer(999), "999")
        XCTAssertEqual(NumberFormatting.fixed(-1234.56, decimals: 1), "-1,234.6")
        XCTAssertEqual(NumberFormatting.fixed(-0.04, decimals: 1), "0.0")
        XCTAssertEqual(NumberFormatting.fixed(1_624.8, decimals: 1), "1,624.8")
    }

    func testDurations() {
        XCTAssertEqual(NumberFormatting.duration(seconds: 0.4213), "0.42 s")
        XCTAssertEqual(NumberFormatting.duration(seconds: 12.34), "12.3 s")
        XCTAssertEqual(NumberFormatting.duration(seconds: 125), "2 min 05 s")
    }
}

extension NumberFormattingTests {
    func testAlignedColumnsShareTheirDecimals() {
        XCTAssertEqual(NumberFormatting.aligned([0.12, 0.0812, -0.4, nil]), ["0.120", "0.081", "-0.400", "—"])
        XCTAssertEqual(NumberFormatting.aligned([1_523.4, 12.25]), ["1,523", "12"])
        XCTAssertEqual(NumberFormatting.aligned([0.00001, 0.00002]), ["1e-5", "2e-5"])
        XCTAssertEqual(NumberFormatting.aligned([0, 0]), ["0", "0"])
        XCTAssertEqual(NumberFormatting.aligned([0.000123456, 0.0005]), ["0.000123", "0.000500"])
    }

    /// Numbers inside sentences: no thousands separators (a list "99, 3134, 10026" cannot be
    /// misread), the same digits and notation switches as `significant`, never NaN.
    func testSentenceNumbersHaveNoThousandsSeparators() {
        XCTAssertEqual(NumberFormatting.number(3134), "3134")
        XCTAssertEqual(NumberFormatting.significant(3134, digits: 4), "3,134")
        XCTAssertEqual(NumberFormatting.number(0.052345), "0.0523")
        XCTAssertEqual(NumberFormatting.number(1.2345e-7), "1.23e-7")
        XCTAssertEqual(NumberFormatting.number(2.5e12), "2.5e12")
        XCTAssertEqual(NumberFormatting.number(-0.0000001), "-1e-7")
        XCTAssertEqual(NumberFormatting.number(.nan), "—")
        XCTAssertEqual(NumberFormatting.number(-.infinity), "-∞")
        XCTAssertEqual(NumberFormatting.number(0.99961, digits: 3), "1")
        XCTAssertEqual(NumberFormatting.fixed(-0.04, decimals: 1), "0.0")
        XCTAssertEqual(NumberFormatting.fixed(12345.678, decimals: 1, grouping: false), "12345.7")
        XCTAssertEqual(NumberFormatting.percent(fraction: 0.934), "93.4%")
        XCTAssertEqual(NumberFormatting.pValue(0), "< 1e-300")
        XCTAssertEqual(NumberFormatting.pValue(1.7e-17), "1.7e-17")
    }

    func testAPartOfAWholeTakesTheVerbOfThePart() {
        XCTAssertEqual(NumberFormatting.part(1, of: 4, "groups"), "1 of 4 groups has")
        XCTAssertEqual(NumberFormatting.part(3, of: 4, "groups"), "3 of 4 groups have")
        XCTAssertEqual(NumberFormatting.part(0, of: 2, "crossed cells"), "0 of 2 crossed cells have")
        XCTAssertEqual(NumberFormatting.part(1_200, of: 25_000, "cells"), "1,200 of 25,000 cells have")
    }

    func testAListSwitchesToSemicolonsWhenAnItemHoldsAComma() {
        XCTAssertEqual(NumberFormatting.list(["5", "12"]), "5, 12")
        XCTAssertEqual(NumberFormatting.list(["99", "3,134", "10,026"]), "99; 3,134; 10,026")
        XCTAssertEqual(NumberFormatting.list(["5", "1,264"]), "5; 1,264")
        XCTAssertEqual(NumberFormatting.list([]), "")
        XCTAssertEqual(NumberFormatting.list(["0.5"]), "0.5")
    }
}
