import Foundation
import GroupingCore

/// Writes a run's files so that a reader never sees a half-written report.
///
/// Every file is first written in full to a hidden temporary file in the same directory and
/// then renamed over its final name (an atomic replacement on POSIX file systems). Outputs
/// are produced in memory before anything is written, so a failed run writes nothing.
struct OutputWriter {
    let directory: URL

    init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw InputError(
                file: directory.path, message: "cannot create the output directory: \(error.localizedDescription)")
        }
    }

    /// Writes `data` to `relativePath` atomically (temporary file, then rename).
    func write(_ data: Data, to relativePath: String) throws {
        let target = directory.appendingPathComponent(relativePath)
        let folder = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).tmp-\(getpid())")
        do {
            try data.write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw InputError(
                    file: target.path, message: "cannot rename into place: \(String(cString: strerror(errno)))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            if let error = error as? InputError { throw error }
            throw InputError(file: target.path, message: "cannot write: \(error.localizedDescription)")
        }
    }

    func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }
}
