import XCTest

@testable import GroupingCore

final class CodeInternerTests: XCTestCase {
    func testCodesAreDenseInOrderOfFirstAppearance() {
        var interner = CodeInterner<String>()
        let codes = ["b", "a", "b", "c", "a", "a", "d"].map { interner.code(for: $0) }
        XCTAssertEqual(codes, [0, 1, 0, 2, 1, 1, 3])
        XCTAssertEqual(interner.keys, ["b", "a", "c", "d"])
        for (code, key) in interner.keys.enumerated() { XCTAssertEqual(interner.code(for: key), Int32(code)) }
        XCTAssertEqual(interner.keys.count, 4, "looking a key up again assigns nothing")
    }

    func testEmptyInterner() {
        let interner = CodeInterner<Int>()
        XCTAssertEqual(interner.keys, [])
        let sorted = interner.sorted(by: <)
        XCTAssertEqual(sorted.remap, [])
        XCTAssertEqual(sorted.sorted, [])
    }

    func testOneKey() {
        var interner = CodeInterner<Int>()
        XCTAssertEqual(interner.code(for: 42), 0)
        XCTAssertEqual(interner.code(for: 42), 0)
        let sorted = interner.sorted(by: >)
        XCTAssertEqual(sorted.remap, [0])
        XCTAssertEqual(sorted.sorted, [42])
    }

    func testSortedRenumbersCodesConsistently() {
        var interner = CodeInterner<String>()
        let raw = ["pear", "apple", "fig", "apple", "pear", "banana"]
        let codes = raw.map { interner.code(for: $0) }
        let (remap, sorted) = interner.sorted(by: <)
        XCTAssertEqual(sorted, ["apple", "banana", "fig", "pear"])
        // keys: pear 0, apple 1, fig 2, banana 3 → new codes pear 3, apple 0, fig 2, banana 1.
        XCTAssertEqual(remap, [3, 0, 2, 1])
        // Re-coding every value through remap and reading back gives the original values.
        XCTAssertEqual(codes.map { sorted[Int(remap[Int($0)])] }, raw)
        XCTAssertEqual(Set(remap), Set(0..<4), "the new codes are a permutation of 0..<4")
    }

    func testSortedLeavesTheInternerUnchanged() {
        var interner = CodeInterner<Int>()
        _ = [5, 3, 9].map { interner.code(for: $0) }
        _ = interner.sorted(by: <)
        XCTAssertEqual(interner.keys, [5, 3, 9])
        XCTAssertEqual(interner.code(for: 9), 2)
    }

    func testDistinctDoublesIncludingSignedZeroAndNaN() {
        // Hashable Double: 0.0 and -0.0 are equal (one code); every NaN is unequal to itself,
        // so each NaN gets a fresh code: callers must map missing values before interning.
        var interner = CodeInterner<Double>()
        XCTAssertEqual(interner.code(for: 0.0), 0)
        XCTAssertEqual(interner.code(for: -0.0), 0)
        XCTAssertEqual(interner.code(for: 1.5), 1)
        XCTAssertEqual(interner.code(for: .nan), 2)
        XCTAssertEqual(interner.code(for: .nan), 3)
    }
}
