import Dispatch

/// Runs `count` independent tasks on all cores and collects their results by task index.
///
/// Each task writes only its own slot, so no two threads touch the same memory and the
/// collected array does not depend on the order in which the tasks ran: parallel code
/// built on it is deterministic whenever each task is.
///
/// - Parameters:
///   - count: number of tasks.
///   - task: computes the result of one task from its index; called concurrently.
/// - Returns: the results, in task order.
func parallelMap<Result: Sendable>(
    count: Int, _ task: @Sendable (Int) -> Result
) -> [Result] {
    guard count > 0 else { return [] }
    let slots = ResultSlots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { index in
        slots.store(task(index), at: index)
    }
    return slots.collect()
}

/// Uninitialised storage for `count` results, each written once by exactly one task.
private final class ResultSlots<Result>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result>

    init(count: Int) { buffer = .allocate(capacity: count) }

    /// Stores the result of task `index`; each index exactly once.
    func store(_ result: Result, at index: Int) {
        (buffer.baseAddress! + index).initialize(to: result)
    }

    /// Moves every stored result out; call once, after all tasks finished.
    func collect() -> [Result] {
        let results = Array(buffer)
        _ = buffer.deinitialize()
        return results
    }

    deinit { buffer.deallocate() }
}
