import XCTest

@testable import GroupingCore

final class InsertionSortTests: XCTestCase {
    /// Sorts `values[start..<end]` in a copy and returns the copy.
    private func sorted(_ values: [Double], _ start: Int, _ end: Int) -> [Double] {
        var copy = values
        copy.withUnsafeMutableBufferPointer { InsertionSort.sort($0, start, end) }
        return copy
    }

    func testSortsTheWholeBuffer() {
        XCTAssertEqual(sorted([3, 1, 2], 0, 3), [1, 2, 3])
        XCTAssertEqual(sorted([5, 4, 3, 2, 1], 0, 5), [1, 2, 3, 4, 5], "reversed: the most inversions")
        XCTAssertEqual(sorted([1, 2, 3, 4], 0, 4), [1, 2, 3, 4], "already sorted")
        XCTAssertEqual(sorted([2, -1, 2, 0, -1], 0, 5), [-1, -1, 0, 2, 2], "ties")
        XCTAssertEqual(sorted([.infinity, 0, -.infinity], 0, 3), [-.infinity, 0, .infinity])
    }

    func testEmptyAndSingleRangesAreLeftAlone() {
        XCTAssertEqual(sorted([], 0, 0), [])
        XCTAssertEqual(sorted([7], 0, 1), [7])
        XCTAssertEqual(sorted([3, 2, 1], 1, 1), [3, 2, 1], "empty range")
        XCTAssertEqual(sorted([3, 2, 1], 2, 1), [3, 2, 1], "end before start: nothing to do")
        XCTAssertEqual(sorted([3, 2, 1], 1, 2), [3, 2, 1], "one element")
    }

    func testSortsOnlyTheGivenRange() {
        XCTAssertEqual(sorted([9, 8, 7, 3, 1, 2, 0, -5], 2, 6), [9, 8, 1, 2, 3, 7, 0, -5])
        XCTAssertEqual(sorted([9, 8, 7, 3], 0, 2), [8, 9, 7, 3])
    }

    func testIsStable() {
        // Equal keys keep their order: 0.0 and -0.0 compare equal and are told apart by sign.
        let values: [Double] = [1, -0.0, 0.0, -1, 0.0, -0.0]
        let result = sorted(values, 0, values.count)
        XCTAssertEqual(result, [-1, 0, 0, 0, 0, 1])
        XCTAssertEqual(result[1...4].map { $0.sign }, [.minus, .plus, .plus, .minus])
    }

    func testAgreesWithTheStandardSortOnSeededData() {
        var generator = SeededGenerator(seed: 7)
        for length in [2, 3, 10, 57] {
            let values = (0..<length).map { _ in Double(Int.random(in: -20...20, using: &generator)) / 4 }
            XCTAssertEqual(sorted(values, 0, length), values.sorted(), "length \(length)")
        }
    }
}
