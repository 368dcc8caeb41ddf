import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a new file in full and flushes it to the disk before returning.
enum DurableFile {
    /// Creates `path` (it must not exist), writes `data`, `fsync`s and closes it.
    /// - Returns: 0, or the `errno` of the step that failed (`ENOSPC` on a full disk,
    ///   `EFBIG` over the file-size limit); the partial file is then removed.
    static func write(_ data: Data, to path: String) -> Int32 {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        var code: Int32 = 0
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    code = errno
                    return
                }
                offset += written
            }
        }
        if code == 0 && fsync(descriptor) != 0 { code = errno }
        if close(descriptor) != 0 && code == 0 { code = errno }
        if code != 0 { unlink(path) }
        return code
    }
}
