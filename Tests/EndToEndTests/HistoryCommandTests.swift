import Foundation
import XCTest

/// `history`, `simulate --quarters` and the config's `production:` section, run through the
/// built executable.
final class HistoryCommandTests: XCTestCase {
    typealias Outcome = CommandLineTests.Outcome

    @discardableResult
    func run(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = arguments
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
            "grouping-report-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Makes a quarter's run quick: 2 chains of 300 draws are enough for the trend (the
    /// grid quadrature that gives LOO and the posterior summaries does not depend on them).
    func quicken(_ config: URL) throws {
        let text = try String(contentsOf: config, encoding: .utf8)
        let quick = text.replacingOccurrences(
            of: "model: {chains: 4, draws: 1000, warmup: 1000", with: "model: {chains: 2, draws: 300, warmup: 300")
        XCTAssertNotEqual(text, quick, "the quarter config has no model line to shorten")
        try quick.write(to: config, atomically: true, encoding: .utf8)
    }

    func runQuarter(_ folder: URL) throws {
        try quicken(folder.appendingPathComponent("config.yml"))
        let result = try run([
            "run", folder.appendingPathComponent("config.yml").path, "--out", folder.appendingPathComponent("out").path,
            "--formats", "json", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, "\(folder.lastPathComponent): \(result.stderr)")
    }

    func historyJSON(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("history.json"))
        return try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// 8 simulated quarters with a drift from quarter 6, and 8 without: the first flags
    /// quarter 6 onward and names what changed, the second is stable. Quarters 1 to 5 are the
    /// same in both (same seeds, no drift yet), so they are run once.
    func testEightQuartersWithAndWithoutDrift() throws {
        let root = try temporaryDirectory()
        let drift = root.appendingPathComponent("drift")
        let steady = root.appendingPathComponent("steady")
        for (folder, extra) in [(drift, ["--drift-at", "6"]), (steady, [])] {
            let result = try run(
                ["simulate", "--out", folder.path, "--quarters", "8", "--creators", "400"] + extra)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let dates = [
            "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30",
            "2026-09-30", "2026-12-31",
        ]
        for quarter in 1...8 {
            let config = try String(
                contentsOf: drift.appendingPathComponent("q\(quarter)/config.yml"), encoding: .utf8)
            XCTAssertTrue(config.contains("snapshot_date: \(dates[quarter - 1])"), config)
            XCTAssertTrue(config.contains("production:\n  grouping: genre"), config)
        }
        for quarter in 1...5 {
            for file in ["creators.csv", "ites.csv", "truth.csv"] {
                XCTAssertEqual(
                    try Data(contentsOf: drift.appendingPathComponent("q\(quarter)/\(file)")),
                    try Data(contentsOf: steady.appendingPathComponent("q\(quarter)/\(file)")),
                    "q\(quarter)/\(file) differs before the drift")
            }
        }
        XCTAssertNotEqual(
            try Data(contentsOf: drift.appendingPathComponent("q6/truth.csv")),
            try Data(contentsOf: steady.appendingPathComponent("q6/truth.csv")))

        for quarter in 1...8 { try runQuarter(steady.appendingPathComponent("q\(quarter)")) }
        // Quarter 6 of the drifting series also compares itself with quarter 5 (production.previous).
        let q6Config = drift.appendingPathComponent("q6/config.yml")
        var q6Text = try String(contentsOf: q6Config, encoding: .utf8)
        q6Text = q6Text.replacingOccurrences(
            of: "  # previous: ../q5/out/results.json", with: "  previous: ../../steady/q5/out/results.json  #")
        try q6Text.write(to: q6Config, atomically: true, encoding: .utf8)
        for quarter in 6...8 { try runQuarter(drift.appendingPathComponent("q\(quarter)")) }

        let q6Results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: drift.appendingPathComponent("q6/out/results.json")))
                as? [String: Any])
        let production = try XCTUnwrap(q6Results["production"] as? [String: Any])
        XCTAssertEqual(production["grouping"] as? String, "genre")
        XCTAssertEqual(production["holds"] as? Bool, false)
        let statement = try XCTUnwrap(production["statement"] as? String)
        XCTAssertTrue(
            statement.hasPrefix("Switch from genre to ") || statement.hasPrefix("Stop using genre"), statement)
        XCTAssertEqual(production["previous"] as? String, "../../steady/q5/out/results.json")
        let alertKeys = (production["alerts"] as? [[String: Any]] ?? []).compactMap { $0["key"] as? String }
        XCTAssertTrue(alertKeys.contains("quality_below_threshold"), "\(alertKeys)")

        func snapshot(_ folder: URL, _ quarter: Int) -> String {
            folder.appendingPathComponent("q\(quarter)/out/results.json").path
        }
        // Given newest first: history orders by snapshot_date, not by argument order.
        let stable = try run(
            ["history"] + (1...8).reversed().map { snapshot(steady, $0) }
                + ["--out", root.appendingPathComponent("steady-history").path, "--formats", "json"])
        XCTAssertEqual(stable.status, 0, stable.stdout + stable.stderr)
        XCTAssertTrue(stable.stdout.contains("verdict: stable"), stable.stdout)
        let stableJSON = try historyJSON(root.appendingPathComponent("steady-history"))
        let stableEntries = try XCTUnwrap(stableJSON["entries"] as? [[String: Any]])
        XCTAssertEqual(stableEntries.compactMap { $0["label"] as? String }, dates)
        XCTAssertTrue(stableEntries.allSatisfy { ($0["flags"] as? [Any])?.isEmpty == true })

        let driftOut = root.appendingPathComponent("drift-history")
        let drifting = try run(
            ["history"] + (1...5).map { snapshot(steady, $0) } + (6...8).map { snapshot(drift, $0) } + [
                "--out", driftOut.path,
            ])
        XCTAssertEqual(drifting.status, 1, drifting.stdout + drifting.stderr)
        let json = try historyJSON(driftOut)
        XCTAssertEqual(json["production_grouping"] as? String, "genre")
        let entries = try XCTUnwrap(json["entries"] as? [[String: Any]])
        let flagged = entries.map { !((($0["flags"] as? [Any]) ?? []).isEmpty) }
        XCTAssertEqual(flagged, [false, false, false, false, false, true, true, true])
        let verdict = try XCTUnwrap(json["verdict"] as? [String: Any])
        XCTAssertEqual(verdict["status"] as? String, "changed")
        XCTAssertEqual(verdict["first_flagged"] as? String, "2026-06-30")
        let changes = try XCTUnwrap(verdict["changes"] as? [String])
        XCTAssertTrue(changes.first?.hasPrefix("at 2026-06-30: use_hbm (genre) → ") ?? false, "\(changes)")
        let degradations = (verdict["degradations"] as? [String] ?? []).joined(separator: "\n")
        XCTAssertTrue(
            degradations.contains("quality score below quality_poor (from 2026-06-30, 3 of 8 snapshots)"), degradations)
        XCTAssertTrue(degradations.contains("LOO: another model predicts better (from 2026-06-30"), degradations)
        // The report in both formats, self-contained and free of NaN.
        let html = try String(contentsOf: driftOut.appendingPathComponent("history.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Quarterly re-validation: genre"))
        XCTAssertTrue(html.contains("2026-06-30"))
        XCTAssertFalse(html.contains("NaN"))
        let pdf = try Data(contentsOf: driftOut.appendingPathComponent("history.pdf"))
        XCTAssertEqual(pdf.prefix(5), Data("%PDF-".utf8))
        XCTAssertTrue(
            FileManager.default.fileExists(
                atPath: driftOut.appendingPathComponent("charts/history-between-share.svg").path))
    }

    func testACorruptSnapshotExitsTwoNamingTheFile() throws {
        let folder = try temporaryDirectory()
        let good = folder.appendingPathComponent("good.json")
        try Data(#"{"schema_version": 2, "snapshot_date": "2025-03-31", "candidates": []}"#.utf8).write(to: good)
        let corrupt = folder.appendingPathComponent("corrupt-q2.json")
        try Data(#"{"schema_version": 2, "candidates": [{"name": "#.utf8).write(to: corrupt)
        let out = folder.appendingPathComponent("out")
        let result = try run(["history", good.path, corrupt.path, "--out", out.path])
        XCTAssertEqual(result.status, 2, result.stdout + result.stderr)
        XCTAssertTrue(result.stderr.contains("corrupt-q2.json"), result.stderr)
        XCTAssertTrue(result.stderr.contains("not valid JSON"), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "a failed history wrote files")

        let notSnapshot = folder.appendingPathComponent("other.json")
        try Data(#"{"name": "something else"}"#.utf8).write(to: notSnapshot)
        let other = try run(["history", good.path, notSnapshot.path, "--out", out.path])
        XCTAssertEqual(other.status, 2)
        XCTAssertTrue(other.stderr.contains("other.json: is not a results.json snapshot"), other.stderr)

        let missing = try run(["history", good.path, folder.appendingPathComponent("nope.json").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.json"), missing.stderr)
    }

    func testAMissingOrUnreadablePreviousSnapshotNamesTheKeyAndTheFile() throws {
        let data = try temporaryDirectory().appendingPathComponent("data")
        try FileManager.default.copyItem(at: CommandLineTests.example, to: data)
        let config = data.appendingPathComponent("config.yml")
        try
            (String(contentsOf: config, encoding: .utf8)
            + "\nproduction: {grouping: genre, previous: last-quarter/results.json}\n").write(
                to: config, atomically: true, encoding: .utf8)
        let out = data.appendingPathComponent("out")

        let missing = try run(["run", config.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(missing.status, 2, missing.stderr)
        XCTAssertTrue(missing.stderr.contains("key production.previous"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("last-quarter/results.json"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("cannot read the previous snapshot"), missing.stderr)

        let previous = data.appendingPathComponent("last-quarter")
        try FileManager.default.createDirectory(at: previous, withIntermediateDirectories: true)
        try Data("not json at all".utf8).write(to: previous.appendingPathComponent("results.json"))
        let unreadable = try run(["run", config.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(unreadable.status, 2, unreadable.stderr)
        XCTAssertTrue(unreadable.stderr.contains("key production.previous"), unreadable.stderr)
        XCTAssertTrue(unreadable.stderr.contains("last-quarter/results.json"), unreadable.stderr)
        XCTAssertTrue(unreadable.stderr.contains("not valid JSON"), unreadable.stderr)
        XCTAssertEqual((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [], [])
    }

    func testDriftNeedsQuarters() throws {
        let folder = try temporaryDirectory()
        let result = try run(["simulate", "--out", folder.path, "--drift-at", "3"])
        XCTAssertNotEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("--drift-at needs --quarters"), result.stderr)
        let late = try run(["simulate", "--out", folder.path, "--quarters", "4", "--drift-at", "5"])
        XCTAssertNotEqual(late.status, 0)
        XCTAssertTrue(late.stderr.contains("between 1 and 4"), late.stderr)
    }
}
