import Foundation
import GroupingCore

#if canImport(Glibc)
    import Glibc
#endif

/// Publishes a run's files all at once: a reader of the output folder finds the previous
/// run's complete set of files or this run's complete set, never a mix and never a part.
///
/// The steps (README, "What a run writes"):
/// 1. `prepare`, before any computing: take the folder's lock (`OutputLock`), remove the
///    staging folders of runs that died, and check that an existing folder holds only
///    files this command writes (it is replaced whole, so anything else would be lost).
/// 2. `publish`: write every file into a fresh hidden sibling `.NAME.staging-PID`, each
///    flushed to disk (`fsync`), then swap it with the output folder in one step
///    (`AtomicExchange`; where the file system cannot, two renames, with the old folder
///    put back if the second fails). The previous report, now in the staging folder, is
///    removed. Any failure before the swap removes the staging folder and leaves the
///    output folder untouched.
struct OutputFolder {
    let location: OutputLocation
    /// The top-level names this command writes; an existing folder may hold only these.
    let ownNames: Set<String>
    private let lock: OutputLock

    /// Locks the folder for this run, cleans up after dead runs and checks the folder.
    /// - Throws: `InputError` naming the folder: another run holds it, it is a file, or
    ///   it holds files this command does not write.
    static func prepare(_ requested: String, ownNames: Set<String>) throws -> OutputFolder {
        let location = try OutputLocation(requested)
        do {
            try FileManager.default.createDirectory(atPath: location.parent, withIntermediateDirectories: true)
        } catch {
            throw InputError(
                file: requested, message: "cannot create the folder it goes in: \(Self.reason(error))")
        }
        let lock = try OutputLock.acquire(for: location)
        let folder = OutputFolder(location: location, ownNames: ownNames, lock: lock)
        folder.removeLeftoversOfDeadRuns()
        try folder.checkReplaceable()
        return folder
    }

    /// Removes `.NAME.staging-*` and `.NAME.previous-*` beside the folder: with the lock
    /// held, no live run owns them. Failures are ignored (the next run tries again).
    func removeLeftoversOfDeadRuns() {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: location.parent)) ?? []
        for entry in entries
        where entry.hasPrefix(location.stagingPrefix) || entry.hasPrefix(location.previousPrefix) {
            try? FileManager.default.removeItem(atPath: (location.parent as NSString).appendingPathComponent(entry))
        }
    }

    /// An existing output must be a folder holding only names this command writes.
    func checkReplaceable() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw InputError(file: location.displayPath, message: "exists and is not a folder; give --out a folder")
        }
        let entries = try FileManager.default.contentsOfDirectory(atPath: location.path).sorted()
        let foreign = entries.filter { !ownNames.contains($0) && !Self.isLegacyTemporary($0) }
        if !foreign.isEmpty {
            throw InputError(
                file: location.displayPath,
                message: "holds files grouping-report does not write (\(MessageText.list(foreign, limit: 3))); "
                    + "the folder is replaced whole, so give --out a new or empty folder")
        }
    }

    /// `.estimates.csv.tmp-123`: what earlier versions left behind when killed.
    static func isLegacyTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else { return false }
        let digits = name[range.upperBound...]
        return !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }

    /// Writes `files` (paths relative to the folder) and publishes them in one step.
    /// - Throws: `InputError` naming the file that could not be written; the output
    ///   folder is then as it was before the run.
    func publish(_ files: [(path: String, data: Data)]) throws {
        let staging = location.sibling("staging-\(getpid())")
        try? FileManager.default.removeItem(atPath: staging)
        do {
            try makeFolder(staging)
            try writeAll(files, into: staging)
            try checkReplaceable()
            try swapIntoPlace(staging)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        syncFolder(location.parent)
        // The staging name now holds the previous report (or nothing): remove it.
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func writeAll(_ files: [(path: String, data: Data)], into staging: String) throws {
        var folders: Set<String> = [staging]
        for file in files {
            let target = (staging as NSString).appendingPathComponent(file.path)
            let folder = (target as NSString).deletingLastPathComponent
            if !folders.contains(folder) {
                try makeFolder(folder)
                folders.insert(folder)
            }
            let code = DurableFile.write(file.data, to: target)
            guard code == 0 else { throw failure(writing: file.path, code) }
        }
        for folder in folders { syncFolder(folder) }
    }

    /// Puts the staging folder at the output path: swapped with an existing folder, or
    /// renamed when there is none.
    private func swapIntoPlace(_ staging: String) throws {
        guard FileManager.default.fileExists(atPath: location.path) else {
            guard rename(staging, location.path) == 0 else { throw failure(publishing: errno) }
            return
        }
        switch AtomicExchange.swap(staging, location.path) {
        case .swapped: return
        case .failed(let code): throw failure(publishing: code)
        case .unsupported: try replaceByTwoRenames(staging)
        }
    }

    /// Where the exchange is not available: old folder aside, new one in, old one back if
    /// that fails. Between the two renames the output path is briefly absent, never mixed.
    private func replaceByTwoRenames(_ staging: String) throws {
        let previous = location.sibling("previous-\(getpid())")
        guard rename(location.path, previous) == 0 else { throw failure(publishing: errno) }
        guard rename(staging, location.path) == 0 else {
            let code = errno
            _ = rename(previous, location.path)
            throw failure(publishing: code)
        }
        try? FileManager.default.removeItem(atPath: previous)
    }

    private func makeFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw InputError(
                file: location.displayPath,
                message: "cannot create a folder to write the report in: \(Self.reason(error)); nothing was changed")
        }
    }

    private func syncFolder(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    private func failure(writing relativePath: String, _ code: Int32) -> InputError {
        InputError(
            file: (location.displayPath as NSString).appendingPathComponent(relativePath),
            message: "cannot write: \(String(cString: strerror(code))); nothing was changed in the output folder")
    }

    private func failure(publishing code: Int32) -> InputError {
        InputError(
            file: location.displayPath,
            message: "cannot put the new report in place: \(String(cString: strerror(code))); nothing was changed")
    }

    static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return error.localizedDescription
    }
}
