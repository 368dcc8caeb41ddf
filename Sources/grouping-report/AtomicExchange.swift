import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Swaps two paths in one step: Linux `renameat2(2)` with `RENAME_EXCHANGE`.
///
/// Both paths must exist; afterwards each names what the other named, and no process ever
/// sees either path missing or a mix of the two. Swift's Glibc module does not declare
/// `renameat2` (it is a GNU extension), so the C library's symbol is looked up once at
/// run time. Where it is absent, or the file system refuses the flag (`EINVAL`), `swap`
/// reports `.unsupported` and the caller falls back to two renames.
enum AtomicExchange {
    enum Outcome: Equatable {
        case swapped
        case unsupported
        case failed(errno: Int32)
    }

    private typealias RenameAt2 =
        @convention(c) (
            Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32
        ) -> Int32

    /// `RENAME_EXCHANGE` from <linux/fs.h>.
    private static let exchangeFlag: UInt32 = 2

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
            guard let handle = dlopen(nil, RTLD_NOW), let symbol = dlsym(handle, "renameat2") else { return nil }
            return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
            return nil
        #endif
    }()

    /// Exchanges `a` and `b`.
    static func swap(_ a: String, _ b: String) -> Outcome {
        #if os(Linux)
            guard let renameat2 else { return .unsupported }
            if renameat2(AT_FDCWD, a, AT_FDCWD, b, exchangeFlag) == 0 { return .swapped }
            let code = errno
            return code == EINVAL || code == ENOSYS || code == ENOTSUP ? .unsupported : .failed(errno: code)
        #else
            return .unsupported
        #endif
    }
}
