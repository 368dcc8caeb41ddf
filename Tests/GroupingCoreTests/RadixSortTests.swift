import TestSupport
import XCTest

@testable import GroupingCore

/// `RadixSort` against the standard library's sort, above and below its small-input cutoff.
final class RadixSortTests: XCTestCase {
    func testMatchesStandardSortIncludingSignedZerosAndExtremes() {
        var generator = SeededGenerator(seed: 11)
        for count in [0, 1, 5, RadixSort.smallInput + 17, 50_000] {
            var values = (0..<count).map { _ in Double.random(in: -1e3..<1e3, using: &generator).rounded() / 8 }
            if count > 10 {
                values[0] = -0.0
                values[1] = 0.0
                values[2] = -.infinity
                values[3] = .greatestFiniteMagnitude
                values[4] = -Double.leastNonzeroMagnitude
            }
            let expected = values.sorted()
            let sorted = RadixSort.sorted(values)
            XCTAssertEqual(sorted, expected, "n = \(count)")
            XCTAssertFalse(sorted.contains { $0 == 0 && $0.sign == .minus }, "−0.0 normalised")

            let payload = (0..<count).map { Int32($0) }
            let carried = RadixSort.sorted(values, payload: payload)
            XCTAssertEqual(carried.values, expected, "n = \(count)")
            for index in carried.values.indices {
                XCTAssertEqual(values[Int(carried.payload[index])] + 0.0, carried.values[index])
                if index > 0 && carried.values[index] == carried.values[index - 1] {
                    XCTAssertLessThan(carried.payload[index - 1], carried.payload[index], "stable")
                }
            }
        }
    }
}
