import Dispatch

extension ImputationEstimator {
    /// A fixed split of `0..<count` into contiguous chunks, run in parallel.
    ///
    /// The number of chunks depends only on the input size, never on the number of
    /// cores, and partial results are combined in chunk order: results are the same bit
    /// for bit on every machine.
    struct Chunks {
        /// Chunks used for passes over creators: enough to balance 2–16 cores.
        static let defaultCount = 16

        let count: Int
        private let total: Int

        /// - Parameters:
        ///   - count: The number of items to split.
        ///   - maxChunks: At most this many chunks (at least one, even when `count` is 0).
        init(count total: Int, maxChunks: Int) {
            self.total = total
            self.count = Swift.max(1, Swift.min(maxChunks, total))
        }

        /// The items of chunk `k`.
        func range(_ k: Int) -> Range<Int> {
            (total * k / count)..<(total * (k + 1) / count)
        }

        /// Calls `body(k, range(k))` for every chunk, concurrently.
        ///
        /// `body` may write through unsafe pointers, so it is not `Sendable`; the caller
        /// guarantees that chunk `k` writes only memory no other chunk touches (its own
        /// items, its own accumulator) and only reads shared data.
        func run(_ body: (Int, Range<Int>) -> Void) {
            if count == 1 {
                body(0, range(0))
                return
            }
            withoutActuallyEscaping(body) { body in
                let work = DisjointWork(body: body)
                let chunks = self
                DispatchQueue.concurrentPerform(iterations: count) { k in work.body(k, chunks.range(k)) }
            }
        }
    }

    /// A chunk body whose writes are disjoint across chunks (see `Chunks.run`).
    private struct DisjointWork: @unchecked Sendable {
        let body: (Int, Range<Int>) -> Void
    }
}
