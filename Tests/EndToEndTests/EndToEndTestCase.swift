import Foundation
import XCTest

/// What every end-to-end test needs: the built executable, running it, scratch folders and
/// an editable copy of the example data. Test classes derive from it (it has no tests).
class EndToEndTestCase: XCTestCase {
    /// The folder holding the built products (the test bundle sits next to them).
    static let productsDirectory: URL = {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent()
        }
        return Bundle.main.bundleURL
    }()

    static let executable = productsDirectory.appendingPathComponent("grouping-report")
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/creator-platform")

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    @discardableResult
    func run(_ arguments: [String], in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "grouping-report-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// A copy of the example dataset whose files a test may edit.
    func exampleCopy() throws -> URL {
        let folder = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.copyItem(at: Self.example, to: folder)
        return folder
    }

    func edit(_ file: URL, _ change: (inout [String]) -> Void) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        change(&lines)
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
    }

    /// Runs the executable under `/bin/sh` after `prelude` (e.g. `ulimit -f 100`), so a test
    /// can give it the limits a full disk or a killed process would.
    func runInShell(_ prelude: String, _ arguments: [String]) throws -> Outcome {
        let quoted = ([Self.executable.path] + arguments).map {
            "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", prelude + "; exec " + quoted.joined(separator: " ")]
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, stdout: "", stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A small config over the example data (one candidate, 2 × 200 draws: about 2 s in a
    /// debug build), written beside a copy of the data; returns the config's path.
    func smallConfig(seed: Int = 1, extra: String = "", ites: String = "ites.csv") throws -> URL {
        let data = try exampleCopy()
        let config = data.appendingPathComponent("small.yml")
        try """
        data: {creators: creators.csv, ites: \(ites), truth: truth.csv}
        outcome: {pre: revenue_pre, post: revenue_post}
        candidates: [genre]
        model: {chains: 2, draws: 200, warmup: 200, seed: \(seed)}
        \(extra)
        """.write(to: config, atomically: true, encoding: .utf8)
        return config
    }

    /// Every file under `folder` (relative path → bytes), or nil when it does not exist.
    func contents(of folder: URL) -> [String: Data]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder.path) else { return nil }
        var files: [String: Data] = [:]
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = (try? Data(contentsOf: url)) ?? Data()
            }
        }
        return files
    }

    /// Names beside `folder` that a run leaves while it works (`.NAME.staging-PID`, …).
    func leftovers(beside folder: URL) -> [String] {
        let parent = folder.deletingLastPathComponent()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return entries.filter { $0.hasPrefix(".\(folder.lastPathComponent).") && !$0.hasSuffix(".lock") }
    }

    /// Lines of the error output that come from the tool.
    func errorLines(_ outcome: Outcome) -> [Substring] {
        outcome.stderr.split(separator: "\n").filter { $0.contains("error:") }
    }

    /// The message rules of issue 16: at most 2 lines of at most 300 characters.
    func assertShortMessage(_ outcome: Outcome, file: StaticString = #filePath, line: UInt = #line) {
        let lines = outcome.stderr.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        XCTAssertTrue(
            (1...2).contains(lines.count), "\(lines.count) lines: \(outcome.stderr.prefix(500))", file: file, line: line
        )
        for text in lines {
            XCTAssertLessThanOrEqual(text.unicodeScalars.count, 300, String(text.prefix(400)), file: file, line: line)
        }
    }
}
