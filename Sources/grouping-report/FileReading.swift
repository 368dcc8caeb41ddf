import Foundation
import GroupingCore

#if canImport(Glibc)
    import Glibc
#endif

/// Reads an input file whole, with a message that says what is wrong with the path: it
/// does not exist, it is a folder or a device (`/dev/null`), or it cannot be read.
enum FileReading {
    /// The contents of the regular file at `path`; `display` names it in messages.
    /// - Throws: `InputError` naming `display`.
    static func contents(atPath path: String, display: String) throws -> Data {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let code = errno
            let reason = code == ENOENT ? "no such file" : String(cString: strerror(code))
            throw InputError(file: display, message: "cannot be read: \(reason)")
        }
        let kind = info.st_mode & S_IFMT
        guard kind == S_IFREG else {
            throw InputError(file: display, message: "is \(Self.describe(kind)), not a regular file; give a file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: display, message: "cannot be read: \(String(cString: strerror(errno)))")
        }
        return data
    }

    static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFDIR: return "a folder"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFIFO: return "a pipe"
        case S_IFSOCK: return "a socket"
        default: return "a special file"
        }
    }
}
