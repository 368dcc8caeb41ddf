import Foundation
import GroupingCore

/// The output folder a run was asked for, and the hidden names beside it.
///
/// Everything a run creates besides the folder itself lives in the same parent folder,
/// named after it with a leading dot (`.report.lock`, `.report.staging-4711`), so that
/// the final rename stays within one file system and a listing shows the run's leftovers
/// next to what they belong to.
struct OutputLocation {
    /// The path as the user gave it, for messages.
    let displayPath: String
    /// The folder's absolute path, symlinks resolved (a symlinked output folder is
    /// replaced where it points, and the link is kept).
    let path: String
    /// Its parent folder.
    let parent: String
    /// Its last path component.
    let name: String

    /// - Throws: `InputError` for an empty path or one without a last component (`/`).
    init(_ requested: String) throws {
        guard !requested.isEmpty else {
            throw InputError(key: "--out", message: "the output folder must not be empty (give a folder name)")
        }
        var url = URL(fileURLWithPath: requested).standardizedFileURL
        url = url.resolvingSymlinksInPath()
        let name = url.lastPathComponent
        guard !name.isEmpty, name != "/", name != ".", name != ".." else {
            throw InputError(file: requested, message: "cannot be the output folder (name a folder inside it)")
        }
        self.displayPath = requested
        self.path = url.path
        self.parent = url.deletingLastPathComponent().path
        self.name = name
    }

    /// The hidden sibling `.NAME.suffix`.
    func sibling(_ suffix: String) -> String {
        (parent as NSString).appendingPathComponent(".\(name).\(suffix)")
    }

    /// The prefix of every staging folder: `.NAME.staging-`.
    var stagingPrefix: String { ".\(name).staging-" }
    /// The prefix of a replaced folder waiting to be removed: `.NAME.previous-`.
    var previousPrefix: String { ".\(name).previous-" }
}
