import GroupingCore
import XCTest

final class ParallelMapTests: XCTestCase {
    func testNoTasksGiveAnEmptyArray() {
        XCTAssertEqual(parallelMap(count: 0) { $0 }, [])
        XCTAssertEqual(parallelMap(count: -3) { $0 }, [], "a negative count is no tasks")
    }

    func testOneTask() {
        XCTAssertEqual(parallelMap(count: 1) { $0 * 10 + 7 }, [7])
    }

    func testResultsComeInTaskOrderAndEqualASerialMap() {
        // Tasks of very different lengths finish out of order; the slots keep task order.
        @Sendable func task(_ index: Int) -> Double {
            var sum = 0.0
            for k in 0..<((index % 7) * 2_000) { sum += Double(k % 13) }
            return Double(index) * 1_000_000 + sum
        }
        let count = 257
        let parallel = parallelMap(count: count, task)
        XCTAssertEqual(parallel, (0..<count).map(task))
    }

    func testEveryTaskRunsExactlyOnce() {
        let results = parallelMap(count: 1_000) { [$0, $0 * $0] }
        XCTAssertEqual(results.count, 1_000)
        for (index, result) in results.enumerated() { XCTAssertEqual(result, [index, index * index]) }
    }

    func testNonTrivialResultTypesAreMovedOutIntact() {
        // Strings and arrays own heap storage: initialize/deinitialize must neither leak nor
        // double-free them (a wrong ownership transfer crashes here or under ASan).
        let results = parallelMap(count: 64) { index in String(repeating: "ab", count: index) }
        XCTAssertEqual(results, (0..<64).map { String(repeating: "ab", count: $0) })
    }
}
