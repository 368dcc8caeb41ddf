import Foundation

/// Large byte buffers lent out and taken back, so that drawing 30 PNG charts in a row does
/// not map fresh memory for every image.
///
/// A chart's pixels (about 5 MB at 2×) and its filtered rows (4 MB) are bigger than
/// glibc's mmap threshold: each allocation would come fresh from the kernel, which faults
/// in and clears every page on first touch; in the example report that cost about a tenth
/// of the run. Buffers are kept after use (at most `keptBuffers`) and lent again to any
/// request they are large enough for. Thread-safe: charts are drawn in parallel.
final class ScratchBuffers: @unchecked Sendable {
    static let shared = ScratchBuffers()

    /// Buffers kept for reuse: a PNG needs three at once (pixels, filtered rows, compressed
    /// bytes), and two charts are drawn at once.
    static let keptBuffers = 6

    private let lock = NSLock()
    private var idle: [(pointer: UnsafeMutableRawPointer, capacity: Int)] = []

    /// Calls `body` with an uninitialised buffer of at least `byteCount` bytes, valid only
    /// during the call.
    func withBuffer<R>(byteCount: Int, _ body: (UnsafeMutableRawPointer) throws -> R) rethrows -> R {
        let buffer = take(Swift.max(1, byteCount))
        defer { giveBack(buffer) }
        return try body(buffer.pointer)
    }

    private func take(_ byteCount: Int) -> (pointer: UnsafeMutableRawPointer, capacity: Int) {
        lock.lock()
        // The smallest idle buffer that fits.
        let fitting = idle.indices.filter { idle[$0].capacity >= byteCount }.min {
            idle[$0].capacity < idle[$1].capacity
        }
        let reused = fitting.map { idle.remove(at: $0) }
        lock.unlock()
        if let reused { return reused }
        return (UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 64), byteCount)
    }

    private func giveBack(_ buffer: (pointer: UnsafeMutableRawPointer, capacity: Int)) {
        lock.lock()
        idle.append(buffer)
        var dropped: [UnsafeMutableRawPointer] = []
        if idle.count > Self.keptBuffers {
            // Keep the largest ones: they serve every request the small ones would.
            idle.sort { $0.capacity > $1.capacity }
            dropped = idle[Self.keptBuffers...].map(\.pointer)
            idle.removeLast(idle.count - Self.keptBuffers)
        }
        lock.unlock()
        for pointer in dropped { pointer.deallocate() }
    }
}
