import XCTest

@testable import GroupingCharts

final class ScratchBuffersTests: XCTestCase {
    func testABufferIsLentAgainToRequestsItFits() {
        let pool = ScratchBuffers()
        let first = pool.withBuffer(byteCount: 1_000) { $0 }
        XCTAssertEqual(pool.withBuffer(byteCount: 800) { $0 }, first, "a smaller request reuses the buffer")
        let nested = pool.withBuffer(byteCount: 1_000) { outer in pool.withBuffer(byteCount: 1_000) { $0 == outer } }
        XCTAssertFalse(nested, "a buffer in use is never lent twice")
    }

    func testContentsSurviveTheCallAndParallelUseStaysApart() {
        let pool = ScratchBuffers()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            pool.withBuffer(byteCount: 4_096) { buffer in
                let bytes = buffer.assumingMemoryBound(to: UInt8.self)
                for i in 0..<4_096 { bytes[i] = UInt8(index) }
                usleep(200)
                XCTAssertTrue((0..<4_096).allSatisfy { bytes[$0] == UInt8(index) })
            }
        }
    }
}
