import XCTest

@testable import GroupingCore

final class ChunksTests: XCTestCase {
    func testChunksPartitionTheRangeIndependentlyOfCores() {
        for total in [0, 1, 5, 16, 17, 1000] {
            let chunks = ImputationEstimator.Chunks(count: total, maxChunks: 16)
            XCTAssertEqual(chunks.count, max(1, min(16, total)))
            var covered: [Int] = []
            for k in 0..<chunks.count { covered += Array(chunks.range(k)) }
            XCTAssertEqual(covered, Array(0..<total))
        }
    }

    func testRunVisitsEveryChunkOnce() {
        let chunks = ImputationEstimator.Chunks(count: 100, maxChunks: 8)
        var sums = [Int](repeating: 0, count: chunks.count)
        sums.withUnsafeMutableBufferPointer { sums in
            chunks.run { k, range in sums[k] += range.reduce(0, +) }
        }
        XCTAssertEqual(sums.reduce(0, +), 4950)
    }
}
