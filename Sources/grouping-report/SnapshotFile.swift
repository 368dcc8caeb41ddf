import Foundation
import GroupingCore

/// Reading archived `results.json` snapshots (for `diff`, `history` and `production.previous`).
enum SnapshotFile {
    /// A snapshot and its file's modification time.
    static func load(path: String) throws -> (snapshot: Snapshot, modified: Date?) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(file: path, message: "cannot read the snapshot (does it exist?)")
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (try decode(data, file: path), attributes?[.modificationDate] as? Date)
    }

    /// Decodes a snapshot; an error names the file (and `key`, the config key that named it).
    static func decode(_ data: Data, file: String, key: String? = nil) throws -> Snapshot {
        let snapshot: Snapshot
        do {
            snapshot = try JSONDecoder().decode(Snapshot.self, from: data)
        } catch DecodingError.dataCorrupted(let context) {
            throw InputError(
                file: file, key: key, message: "is not valid JSON: \(context.debugDescription)")
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw InputError(
                file: file, key: key ?? String(path.drop(while: { $0 == "." })),
                message: "has an unexpected value\(key == nil ? "" : " at \(path)"): \(context.debugDescription)")
        } catch {
            throw InputError(file: file, key: key, message: "is not a results.json snapshot: \(error)")
        }
        guard snapshot.candidates != nil else {
            throw InputError(file: file, key: key, message: "is not a results.json snapshot (it has no candidates)")
        }
        return snapshot
    }

    /// The snapshot `production.previous` names (relative to the config), or nil without one.
    static func previous(config: AnalysisConfig, sources: InputSources) throws -> PreviousSnapshot? {
        guard let path = config.production?.previous else { return nil }
        let file: (displayName: String, bytes: [UInt8])
        do {
            file = try sources.read(path)
        } catch let error as InputError {
            throw InputError(
                file: error.file ?? path, key: "production.previous",
                message: "cannot read the previous snapshot (does it exist?)")
        }
        return PreviousSnapshot(
            file: path, snapshot: try decode(Data(file.bytes), file: file.displayName, key: "production.previous"))
    }
}
