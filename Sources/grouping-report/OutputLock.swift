import Foundation
import GroupingCore

#if canImport(Glibc)
    import Glibc
#endif

/// An advisory lock that one run holds on an output folder from start to finish.
///
/// The lock is `flock(2)` on a hidden file beside the folder, `.NAME.lock`, which stays
/// there between runs (removing it would let two runs lock two different files). The
/// kernel releases the lock when the process ends, however it ends, so a run that was
/// killed never blocks the next one. While a run holds the lock no other run can be
/// writing the folder, so every staging folder beside it belongs to a dead run.
final class OutputLock {
    private let descriptor: Int32
    let path: String

    private init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { close(descriptor) }

    /// Takes the lock for `folder`, or says who holds it.
    /// - Throws: `InputError` naming the folder when another run holds the lock, or the
    ///   lock file cannot be created.
    static func acquire(for folder: OutputLocation) throws -> OutputLock {
        let path = folder.sibling("lock")
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw InputError(
                file: folder.displayPath,
                message: "cannot create the lock file \(MessageText.piece(path, limit: 80)) beside the output folder: "
                    + String(cString: strerror(errno)))
        }
        if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            close(descriptor)
            if code == EWOULDBLOCK {
                throw InputError(
                    file: folder.displayPath,
                    message: "another grouping-report run is writing this folder; wait for it to finish and try again")
            }
            throw InputError(
                file: folder.displayPath, message: "cannot lock the output folder: " + String(cString: strerror(code)))
        }
        return OutputLock(descriptor: descriptor, path: path)
    }
}
