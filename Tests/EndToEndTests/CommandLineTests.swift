import Foundation
import XCTest

/// Runs the built `grouping-report` executable as a user would and checks what it writes.
final class CommandLineTests: EndToEndTestCase {
    /// Runs `run` on a broken copy of the example and checks the one-line error and that
    /// nothing was written.
    func assertRunFails(
        contains expected: [String], file: StaticString = #filePath, line: UInt = #line, breaking: (URL) throws -> Void
    ) throws {
        let data = try exampleCopy()
        try breaking(data)
        let out = try temporaryDirectory().appendingPathComponent("out")
        let result = try run(["run", data.appendingPathComponent("config.yml").path, "--out", out.path, "--quiet"])
        XCTAssertNotEqual(result.status, 0, file: file, line: line)
        let errorLines = result.stderr.split(separator: "\n").filter { $0.contains("error:") }
        XCTAssertEqual(errorLines.count, 1, result.stderr, file: file, line: line)
        for text in expected {
            XCTAssertTrue(
                result.stderr.contains(text), "expected \"\(text)\" in: \(result.stderr)", file: file, line: line)
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        XCTAssertEqual(written, [], "a failed run wrote files", file: file, line: line)
    }

    func testMissingFile() throws {
        try assertRunFails(contains: ["ites.csv", "cannot be read: no such file"]) { data in
            try FileManager.default.removeItem(at: data.appendingPathComponent("ites.csv"))
        }
    }

    func testMissingColumn() throws {
        try assertRunFails(contains: ["creators.csv", "column \"revenue_pre\"", "outcome.pre"]) { data in
            try self.edit(data.appendingPathComponent("creators.csv")) { lines in
                lines[0] = lines[0].replacingOccurrences(of: "revenue_pre", with: "revenue_before")
            }
        }
    }

    func testNonNumericCell() throws {
        try assertRunFails(contains: ["creators.csv", "row 5", "column \"arpu\"", "\"12abc\" is not a number"]) {
            data in
            try self.edit(data.appendingPathComponent("creators.csv")) { lines in
                var fields = lines[4].components(separatedBy: ",")
                fields[4] = "12abc"
                lines[4] = fields.joined(separator: ",")
            }
        }
    }

    func testDuplicateID() throws {
        try assertRunFails(contains: [
            "creators.csv", "row 4", "column \"creator_id\"", "duplicate id", "also on row 2",
        ]) { data in
            try self.edit(data.appendingPathComponent("creators.csv")) { lines in
                let firstID = lines[1].components(separatedBy: ",")[0]
                var fields = lines[3].components(separatedBy: ",")
                fields[0] = firstID
                lines[3] = fields.joined(separator: ",")
            }
        }
    }

    func testUnknownConfigKey() throws {
        try assertRunFails(contains: ["config.yml", "candidates[2].quantile", "unknown key"]) { data in
            try self.edit(data.appendingPathComponent("config.yml")) { lines in
                for i in lines.indices where lines[i].contains("quantiles: follower_count") {
                    lines[i] = lines[i].replacingOccurrences(of: "quantiles:", with: "quantile:")
                }
            }
        }
    }

    func testEmptyTable() throws {
        try assertRunFails(contains: ["creators.csv", "no data rows"]) { data in
            try self.edit(data.appendingPathComponent("creators.csv")) { lines in lines = [lines[0], ""] }
        }
    }

    func testCandidateColumnAbsent() throws {
        try assertRunFails(contains: ["creators.csv", "column \"platform\"", "candidates[1]"]) { data in
            try self.edit(data.appendingPathComponent("config.yml")) { lines in
                for i in lines.indices where lines[i] == "  - content_type" { lines[i] = "  - platform" }
            }
        }
    }

    /// The README's verbatim block under "`grouping-report help run`, verbatim" is what the
    /// built tool prints for `grouping-report help run` (at 80 columns, the width without a
    /// terminal), up to trailing whitespace.
    func testREADMEShowsTheHelpOfRun() throws {
        let readme = Self.example.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md")
        let lines = try String(contentsOf: readme, encoding: .utf8).components(separatedBy: "\n")
        let heading = try XCTUnwrap(
            lines.firstIndex { $0.hasPrefix("#") && $0.contains("`grouping-report help run`") },
            "README.md has no heading naming `grouping-report help run`")
        let opening = try XCTUnwrap(
            lines[(heading + 1)...].firstIndex { $0.hasPrefix("```") }, "no fenced block after the heading")
        let closing = try XCTUnwrap(
            lines[(opening + 1)...].firstIndex { $0.hasPrefix("```") }, "the fenced block is not closed")
        let documented = lines[(opening + 1)..<closing].joined(separator: "\n")

        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["help", "run"]
        process.environment = ProcessInfo.processInfo.environment.merging(["COLUMNS": "80"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)

        func trimmed(_ text: String) -> String {
            let lines = text.components(separatedBy: "\n").map { line in
                String(line.reversed().drop(while: \.isWhitespace).reversed())
            }
            return String(lines.joined(separator: "\n").reversed().drop(while: \.isWhitespace).reversed())
        }
        XCTAssertEqual(
            trimmed(documented), trimmed(printed),
            "README.md's block under \"`grouping-report help run`, verbatim\" differs from "
                + "`grouping-report help run`: update the README with the tool's output")
    }

    func testSimulateWritesAConfigThatRuns() throws {
        let folder = try temporaryDirectory()
        let simulated = try run(["simulate", "--out", folder.path, "--creators", "300", "--seed", "7"])
        XCTAssertEqual(simulated.status, 0, simulated.stderr)
        for name in ["creators.csv", "ites.csv", "panel.csv", "truth.csv", "config.yml"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path), name)
        }
        let out = folder.appendingPathComponent("out")
        let result = try run([
            "run", folder.appendingPathComponent("config.yml").path, "--out", out.path, "--formats", "json", "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stderr, "", "--quiet must silence progress")
        let json =
            try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json")))
            as? [String: Any]
        XCTAssertEqual(json?["schema_version"] as? Int, 2)
        XCTAssertEqual((json?["candidates"] as? [Any])?.count, 7)
    }

    func testSameSeedGivesTheSameResults() throws {
        let folder = try temporaryDirectory()
        var outputs: [Data] = []
        for name in ["a", "b"] {
            let out = folder.appendingPathComponent(name)
            let result = try run([
                "run", Self.example.appendingPathComponent("config.yml").path, "--out", out.path, "--formats", "json",
                "--quiet",
            ])
            XCTAssertEqual(result.status, 0, result.stderr)
            outputs.append(try Data(contentsOf: out.appendingPathComponent("results.json")))
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertFalse(String(decoding: outputs[0], as: UTF8.self).contains("NaN"))
    }

    /// The same inputs give the same results.json bytes on one core (`taskset -c 0`) and on all.
    func testResultsAreTheSameOnOneCoreAndOnAll() throws {
        let taskset = URL(fileURLWithPath: "/usr/bin/taskset")
        guard FileManager.default.isExecutableFile(atPath: taskset.path) else {
            throw XCTSkip("taskset is not installed")
        }
        let config = try smallConfig()
        let folder = try temporaryDirectory()
        var outputs: [Data] = []
        for (name, pinned) in [("all", false), ("one", true)] {
            let out = folder.appendingPathComponent(name)
            let arguments = ["run", config.path, "--out", out.path, "--formats", "json", "--quiet"]
            let process = Process()
            process.executableURL = pinned ? taskset : Self.executable
            process.arguments = pinned ? ["-c", "0", Self.executable.path] + arguments : arguments
            try process.run()
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, name)
            outputs.append(try Data(contentsOf: out.appendingPathComponent("results.json")))
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    func testDiffOfIdenticalSnapshotsExitsZeroAndOfADegradedOneExitsOne() throws {
        let folder = try temporaryDirectory()
        let out = folder.appendingPathComponent("q1")
        let result = try run([
            "run", Self.example.appendingPathComponent("config.yml").path, "--out", out.path, "--formats", "json",
            "--quiet",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let snapshot = out.appendingPathComponent("results.json")

        let same = try run(["diff", snapshot.path, snapshot.path])
        XCTAssertEqual(same.status, 0, same.stdout + same.stderr)
        XCTAssertTrue(same.stdout.contains("No change."), same.stdout)

        // Next quarter: genre's quality collapsed, its coverage fell, and the ranking flipped.
        var json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: snapshot)) as? [String: Any])
        var candidates = try XCTUnwrap(json["candidates"] as? [[String: Any]])
        let genre = try XCTUnwrap(candidates.firstIndex { $0["name"] as? String == "genre" })
        candidates[genre]["quality_score"] = 12.5
        var hbm = try XCTUnwrap(candidates[genre]["hbm"] as? [String: Any])
        var coverage = try XCTUnwrap(hbm["coverage"] as? [String: Any])
        coverage["hbm"] = 0.81
        hbm["coverage"] = coverage
        candidates[genre]["hbm"] = hbm
        json["candidates"] = candidates
        var comparison = try XCTUnwrap(json["comparison"] as? [[String: Any]])
        (comparison[0]["rank"], comparison[1]["rank"]) = (comparison[1]["rank"]!, comparison[0]["rank"]!)
        // … by more than the noise of LOO: the old best is now 25 elpd behind, dse 5.
        (comparison[1]["elpd_diff"], comparison[1]["dse"]) = (0.0, 0.0)
        (comparison[0]["elpd_diff"], comparison[0]["dse"]) = (25.0, 5.0)
        json["comparison"] = comparison
        let degraded = folder.appendingPathComponent("q2.json")
        try JSONSerialization.data(withJSONObject: json).write(to: degraded)

        let alert = try run(["diff", snapshot.path, degraded.path])
        XCTAssertEqual(alert.status, 1, alert.stdout + alert.stderr)
        for key in ["quality_below_threshold", "coverage_below_90", "loo_ranking_changed"] {
            XCTAssertTrue(alert.stdout.contains("ALERT \(key)"), alert.stdout)
        }
        let asJSON = try run(["diff", snapshot.path, degraded.path, "--json"])
        XCTAssertEqual(asJSON.status, 1)
        let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(asJSON.stdout.utf8)) as? [String: Any])
        XCTAssertEqual((parsed["alerts"] as? [Any])?.count, 3)

        let missing = try run(["diff", snapshot.path, folder.appendingPathComponent("nope.json").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nope.json"), missing.stderr)
    }

    func testDemoWritesEveryOutputFromAnyDirectory() throws {
        let elsewhere = try temporaryDirectory()
        let result = try run(["demo", "--out", "report", "--quiet"], in: elsewhere)
        XCTAssertEqual(result.status, 0, result.stderr)
        let out = elsewhere.appendingPathComponent("report")
        let pdf = try Data(contentsOf: out.appendingPathComponent("report.pdf"))
        XCTAssertEqual(String(decoding: pdf.prefix(5), as: UTF8.self), "%PDF-")
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<svg"), "charts are inline")
        XCTAssertTrue(html.contains(">n=204</text>"), "chart labels are text a reader can find")
        XCTAssertLessThan(html.utf8.count, 1_500_000, "the example's page stays under 1.5 MB")
        XCTAssertTrue(html.contains("Use the hierarchical model grouped by genre"), "the recommendation leads the page")
        XCTAssertNil(html.range(of: #"(src|href)="(https?:)?//"#, options: .regularExpression), "no external reference")
        assertEachCaptionSaysItsGuidanceOnce(html)
        let csv = try String(contentsOf: out.appendingPathComponent("estimates.csv"), encoding: .utf8)
        XCTAssertTrue(
            csv.hasPrefix("creator_id,grouping,group,effect_hat,se,effect_hat_hbm,sd_hbm,ci_lower,ci_upper\n"))
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 1270)
        let charts = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("charts").path)
        for name in [
            "elbow", "loo-comparison", "genre-outcome", "genre-sizes", "genre-forest", "genre-shrinkage",
            "genre-shrinkage-by-group",
        ] {
            XCTAssertTrue(
                charts.contains("\(name).svg") && charts.contains("\(name).png"), "charts/\(name).svg and .png")
        }
        let results = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json")))
                as? [String: Any])
        let recommendation = try XCTUnwrap(results["recommendation"] as? [String: Any])
        XCTAssertEqual(recommendation["decision"] as? String, "use_hbm")
        XCTAssertEqual(recommendation["grouping"] as? String, "genre")
    }

    /// No figure caption repeats a sentence or a clause: the chart's own words and the
    /// playbook's guidance appended to them say different things.
    private func assertEachCaptionSaysItsGuidanceOnce(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        let captions = html.components(separatedBy: "<figcaption").dropFirst().compactMap { piece -> String? in
            guard let start = piece.firstIndex(of: ">"), let end = piece.range(of: "</figcaption>") else { return nil }
            return String(piece[piece.index(after: start)..<end.lowerBound])
                .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        }
        XCTAssertGreaterThan(captions.count, 20, file: file, line: line)
        for caption in captions {
            let clauses = caption.split(whereSeparator: { ".;:".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                .filter { $0.split(separator: " ").count >= 4 }
            XCTAssertEqual(Set(clauses).count, clauses.count, "a clause said twice: \(caption)", file: file, line: line)
            for phrase in ["look for", "sensible pattern", "merge them", "stops paying off", "95% hdi of each"] {
                let count = caption.lowercased().components(separatedBy: phrase).count - 1
                XCTAssertLessThanOrEqual(count, 1, "\(phrase) twice: \(caption)", file: file, line: line)
            }
        }
    }
}
