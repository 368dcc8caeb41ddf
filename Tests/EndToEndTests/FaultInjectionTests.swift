import Foundation
import XCTest

/// Issue 16's fault injection: whatever goes wrong while a run writes (a name taken by a
/// folder, a write that fails, the writer killed, a second writer), the output folder holds
/// the previous report intact or the new one complete, never a mix, and the next run leaves
/// no temporary folder behind.
final class FaultInjectionTests: EndToEndTestCase {
    /// What identifies one run's report: its file names, the two deterministic files, the
    /// seed the HTML report names, and whether the HTML and PDF end as complete files do.
    struct ReportIdentity: Equatable {
        var names: Set<String>
        var results: Data?
        var estimates: Data?
        var htmlSeed: String?
        var complete: Bool
    }

    func identity(of folder: URL) -> ReportIdentity? {
        guard let files = contents(of: folder) else { return nil }
        let html = files["report.html"].map { String(decoding: $0, as: UTF8.self) }
        let seed = html.flatMap { text in
            text.range(of: #"seed \d+"#, options: .regularExpression).map { String(text[$0]) }
        }
        let pdfComplete = files["report.pdf"].map { String(decoding: $0.suffix(6), as: UTF8.self) == "%%EOF\n" }
        return ReportIdentity(
            names: Set(files.keys), results: files["results.json"], estimates: files["estimates.csv"], htmlSeed: seed,
            complete: (html?.hasSuffix("</html>\n") ?? false) && (pdfComplete ?? false))
    }

    /// Runs `config` (the small config with `seed`) into a fresh folder and returns its
    /// identity. results.json names the input files, so a run compared with a reference
    /// must read the same config.
    func reference(seed: Int, config: URL? = nil) throws -> (folder: URL, identity: ReportIdentity) {
        let folder = try temporaryDirectory().appendingPathComponent("reference-\(seed)")
        let config = try config ?? smallConfig(seed: seed)
        let outcome = try run(["run", config.path, "--out", folder.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let identity = try XCTUnwrap(self.identity(of: folder))
        XCTAssertTrue(identity.complete)
        XCTAssertEqual(identity.htmlSeed, "seed \(seed)")
        return (folder, identity)
    }

    /// A scratch output folder holding a copy of `previous`.
    func outputFolder(holding previous: URL) throws -> URL {
        let out = try temporaryDirectory().appendingPathComponent("out")
        try FileManager.default.copyItem(at: previous, to: out)
        return out
    }

    func assertPreviousOrNew(
        _ out: URL, previous: ReportIdentity, new: ReportIdentity, _ context: String,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let found = identity(of: out)
        XCTAssertTrue(
            found == previous || found == new,
            "\(context): a mix or a part: \(String(describing: found?.names.sorted()))", file: file, line: line)
    }

    /// The issue's case: a folder named `report.pdf` in the output folder.
    func testAnOutputNameTurnedIntoAFolderDoesNotBreakTheNextReport() throws {
        let previous = try reference(seed: 1)
        let out = try outputFolder(holding: previous.folder)
        try FileManager.default.removeItem(at: out.appendingPathComponent("report.pdf"))
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("report.pdf/inner"), withIntermediateDirectories: true)
        let outcome = try run(["run", try smallConfig(seed: 2).path, "--out", out.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let found = try XCTUnwrap(identity(of: out))
        XCTAssertTrue(found.complete)
        XCTAssertEqual(found.htmlSeed, "seed 2")
        XCTAssertEqual(leftovers(beside: out), [])
    }

    /// A write that fails (the file-size limit, EFBIG, as a full disk gives ENOSPC): exit 2,
    /// the file named, the previous report untouched, nothing left beside it.
    func testAFailedWriteLeavesThePreviousReport() throws {
        let previous = try reference(seed: 1)
        let out = try outputFolder(holding: previous.folder)
        let config = try smallConfig(seed: 2)
        let outcome = try runInShell(
            "trap '' XFSZ; ulimit -f 64", ["run", config.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(outcome.status, 2, outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("cannot write: File too large"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("nothing was changed"), outcome.stderr)
        assertShortMessage(outcome)
        XCTAssertEqual(identity(of: out), previous.identity)
        XCTAssertEqual(leftovers(beside: out), [])
    }

    /// The writer killed at several points: by SIGXFSZ in the middle of a file of each size
    /// class, and by SIGKILL at several moments after its staging folder appears.
    func testAKilledWriterLeavesThePreviousReportOrTheNewOne() throws {
        let previous = try reference(seed: 1)
        let config = try smallConfig(seed: 2)
        let new = try reference(seed: 2, config: config)
        // Limits inside the smallest, a middle and the largest file of the new report (sizes
        // follow the report's content, so they are read off it rather than fixed).
        let sizes = try FileManager.default.subpathsOfDirectory(atPath: new.folder.path).compactMap { name in
            try FileManager.default.attributesOfItem(atPath: new.folder.appendingPathComponent(name).path)[.size]
                as? Int
        }.filter { $0 > 4096 }.sorted()
        let largest = try XCTUnwrap(sizes.last)
        for kilobytes in [4, max(sizes[sizes.count / 2] / 2048, 5), max(largest * 3 / 4096, 6)] {
            let out = try outputFolder(holding: previous.folder)
            let outcome = try runInShell("ulimit -f \(kilobytes)", ["run", config.path, "--out", out.path, "--quiet"])
            XCTAssertNotEqual(outcome.status, 0, "ulimit -f \(kilobytes) should kill the writer")
            assertPreviousOrNew(out, previous: previous.identity, new: new.identity, "SIGXFSZ at \(kilobytes) KB")
            try assertNextRunCleansUp(out, config: config, new: new.identity)
        }
        for delay in [0, 20] {
            let out = try outputFolder(holding: previous.folder)
            let process = Process()
            process.executableURL = Self.executable
            process.arguments = ["run", config.path, "--out", out.path, "--quiet"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while process.isRunning && leftovers(beside: out).isEmpty && Date() < deadline { usleep(200) }
            if delay > 0 { usleep(useconds_t(delay * 1000)) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            assertPreviousOrNew(out, previous: previous.identity, new: new.identity, "SIGKILL \(delay) ms into writing")
            try assertNextRunCleansUp(out, config: config, new: new.identity)
        }
    }

    func assertNextRunCleansUp(
        _ out: URL, config: URL, new: ReportIdentity, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let outcome = try run(["run", config.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr, file: file, line: line)
        XCTAssertEqual(identity(of: out), new, file: file, line: line)
        XCTAssertEqual(leftovers(beside: out), [], "the next run removes what a dead run left", file: file, line: line)
    }

    /// Two writers into one folder at once: one is refused with the lock message (or runs
    /// after the other), and the folder ends as one of them wrote it.
    func testTwoConcurrentWritersNeverMix() throws {
        let previous = try reference(seed: 1)
        let configs = [try smallConfig(seed: 2), try smallConfig(seed: 3)]
        let a = try reference(seed: 2, config: configs[0])
        let b = try reference(seed: 3, config: configs[1])
        for round in 0..<2 {
            let out = try outputFolder(holding: previous.folder)
            let processes = configs.map { config -> (Process, Pipe) in
                let process = Process()
                process.executableURL = Self.executable
                process.arguments = ["run", config.path, "--out", out.path, "--quiet"]
                let err = Pipe()
                process.standardError = err
                return (process, err)
            }
            for (process, _) in processes { try process.run() }
            var succeeded = 0
            for (process, err) in processes {
                let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                if process.terminationStatus == 0 {
                    succeeded += 1
                } else {
                    XCTAssertEqual(process.terminationStatus, 2, message)
                    XCTAssertTrue(message.contains("another grouping-report run is writing this folder"), message)
                }
            }
            XCTAssertGreaterThanOrEqual(succeeded, 1, "round \(round)")
            let found = identity(of: out)
            XCTAssertTrue(found == a.identity || found == b.identity, "round \(round): a mix")
            XCTAssertEqual(leftovers(beside: out), [])
        }
    }

    /// An existing folder with files this tool does not write is not replaced.
    func testAFolderWithOtherFilesIsRefusedAndKept() throws {
        let out = try temporaryDirectory().appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: out.appendingPathComponent("notes.txt"))
        let outcome = try run(["run", try smallConfig().path, "--out", out.path, "--quiet", "--formats", "json"])
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("holds files grouping-report does not write (notes.txt)"), outcome.stderr)
        XCTAssertEqual(contents(of: out), ["notes.txt": Data("keep me".utf8)])
    }
}
