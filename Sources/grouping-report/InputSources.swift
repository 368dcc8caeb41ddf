import Foundation
import GroupingCore

/// Where a run's config and data come from: files next to a config, or the built-in example.
struct InputSources {
    /// The config's name for messages, and its text.
    let configName: String
    let configText: String
    /// Reads a data file named in the config (a path relative to the config).
    let read: (String) throws -> (displayName: String, bytes: [UInt8])

    /// Files on disk; paths in the config are relative to the config's folder.
    static func files(configPath: String) throws -> InputSources {
        let configURL = URL(fileURLWithPath: configPath)
        let data = try FileReading.contents(atPath: configURL.path, display: configPath)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputError(file: configPath, message: "is not UTF-8 text")
        }
        let folder = configURL.deletingLastPathComponent()
        return InputSources(configName: configPath, configText: text) { relative in
            let url = relative.hasPrefix("/") ? URL(fileURLWithPath: relative) : folder.appendingPathComponent(relative)
            let display =
                relative.hasPrefix("/")
                ? relative : url.path.replacingOccurrences(of: FileManager.default.currentDirectoryPath + "/", with: "")
            let contents = try FileReading.contents(atPath: url.path, display: display)
            return (display, [UInt8](contents))
        }
    }

    /// The example built into the binary: the simulated platform with seed 42.
    static func builtInExample() -> InputSources {
        let files = CreatorPlatformSimulator(creators: 1500, seed: 42).files()
        let byName = Dictionary(uniqueKeysWithValues: files.map { ($0.name, $0.contents) })
        return InputSources(configName: "built-in example config.yml", configText: byName["config.yml"] ?? "") { name in
            guard let text = byName[name] else {
                throw InputError(file: name, message: "is not part of the built-in example")
            }
            return ("example/\(name)", Array(text.utf8))
        }
    }
}
