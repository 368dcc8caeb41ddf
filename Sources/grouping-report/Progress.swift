import Foundation

/// Progress lines on stderr, phase by phase; silent when quiet.
final class Progress: @unchecked Sendable {
    private let quiet: Bool
    private let start = Date()
    private let lock = NSLock()

    init(quiet: Bool) { self.quiet = quiet }

    /// Writes `[  1.2s] message` to stderr.
    func say(_ message: String) {
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(start)
        let line = String(format: "[%6.1fs] ", elapsed) + message + "\n"
        lock.lock()
        FileHandle.standardError.write(Data(line.utf8))
        lock.unlock()
    }
}
