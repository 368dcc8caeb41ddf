import Foundation
import XCTest

/// One test per defect of issue 16, each with the issue's reproduction as its input: the
/// run exits non-zero with one short line naming the file and row and column, or the key,
/// and writes nothing (or, for the items that must now work, succeeds).
final class InputDefectTests: EndToEndTestCase {
    /// Runs the small config after `breaking` edits its folder; returns the outcome after
    /// checking that it failed with one short line containing each of `expected`.
    @discardableResult
    func assertFails(
        _ expected: [String], extra: String = "", ites: String = "ites.csv", file: StaticString = #filePath,
        line: UInt = #line, breaking: (URL) throws -> Void = { _ in }
    ) throws -> Outcome {
        let config = try smallConfig(extra: extra, ites: ites)
        try breaking(config.deletingLastPathComponent())
        let out = try temporaryDirectory().appendingPathComponent("out")
        let outcome = try run(["run", config.path, "--out", out.path, "--quiet", "--formats", "json"])
        XCTAssertEqual(outcome.status, 2, outcome.stderr, file: file, line: line)
        XCTAssertEqual(errorLines(outcome).count, 1, outcome.stderr, file: file, line: line)
        assertShortMessage(outcome, file: file, line: line)
        XCTAssertFalse(outcome.stderr.contains("Fatal error"), file: file, line: line)
        for text in expected {
            XCTAssertTrue(
                outcome.stderr.contains(text), "expected \"\(text)\" in: \(outcome.stderr)", file: file, line: line)
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), "a failed run wrote", file: file, line: line)
        return outcome
    }

    func replaceLine(_ file: URL, starting prefix: String, with replacement: String) throws {
        try edit(file) { lines in
            for i in lines.indices where lines[i].hasPrefix(prefix) { lines[i] = replacement }
        }
    }

    // MARK: 1. Crashes on extreme numbers

    func testAnITEOf1e155IsARangeErrorNotACrash() throws {
        try assertFails(["ites.csv", "row 5", "column \"se\"", "must lie within"]) { data in
            try self.replaceLine(
                data.appendingPathComponent("ites.csv"), starting: "c00004,", with: "c00004,0.064107,1e155")
        }
    }

    func testEffectsOf1e90AreARangeErrorNamingTheRow() throws {
        try assertFails(["ites.csv", "row 2", "column \"effect_hat\"", "must lie within"]) { data in
            try self.edit(data.appendingPathComponent("ites.csv")) { lines in
                for i in 1..<lines.count where !lines[i].isEmpty {
                    var fields = lines[i].components(separatedBy: ",")
                    fields[1] = String(Double(fields[1])! * 1e90)
                    fields[2] = String(Double(fields[2])! * 1e90)
                    lines[i] = fields.joined(separator: ",")
                }
            }
        }
    }

    func testATinyTauScaleIsRefusedByKey() throws {
        try assertFails(["small.yml", "key model.priors.tau_scale", "must lie within"], extra: "") { data in
            try self.replaceLine(
                data.appendingPathComponent("small.yml"), starting: "model:",
                with: "model: {chains: 2, draws: 200, warmup: 200, seed: 1, priors: {tau_scale: 1e-300}}")
        }
    }

    func panelConfig(_ panel: String) -> String {
        """
        data:
          creators: creators.csv
          panel: {file: panel.csv, period: period, outcome: log_revenue, first_treated: first_treated\(panel)}
        candidates: [genre]
        model: {chains: 2, draws: 200, warmup: 200, seed: 1}
        """
    }

    func testAHugeSEMultiplierIsRefusedByKey() throws {
        try assertFails(["key data.panel.se_multiplier", "must lie in"]) { data in
            try self.panelConfig(", se_multiplier: 1e308").write(
                to: data.appendingPathComponent("small.yml"), atomically: true, encoding: .utf8)
        }
    }

    func testAPanelOutcomeOf1e308IsRefusedByRowAndColumn() throws {
        try assertFails(["panel.csv", "row 5", "column \"log_revenue\"", "must lie within"]) { data in
            try self.panelConfig("").write(
                to: data.appendingPathComponent("small.yml"), atomically: true, encoding: .utf8)
            try self.edit(data.appendingPathComponent("panel.csv")) { lines in
                var fields = lines[4].components(separatedBy: ",")
                fields[2] = "1e308"
                lines[4] = fields.joined(separator: ",")
            }
        }
    }

    func testABillionDrawsIsRefusedByKey() throws {
        try assertFails(["key model.draws", "at most 100,000"]) { data in
            try self.replaceLine(
                data.appendingPathComponent("small.yml"), starting: "model:",
                with: "model: {chains: 2, draws: 1000000000, warmup: 200, seed: 1}")
        }
    }

    func testABillionBinsIsRefusedByKey() throws {
        try assertFails(["key candidates[1].bins", "at most 1,000"]) { data in
            try self.replaceLine(
                data.appendingPathComponent("small.yml"), starting: "candidates:",
                with: "candidates: [genre, {name: q, quantiles: arpu, bins: 1000000000}]")
        }
    }

    // MARK: 3-5. Long headers, short messages

    func testAMissingColumnOfAHugeHeaderIsCutWithASuggestion() throws {
        let outcome = try assertFails(["ites.csv", "214,000 columns, starting:", "did you mean \"sx\"?"]) { data in
            let names = ["creator_id", "effect_hat", "sx"] + (3..<214_000).map { "extra_\($0)" }
            var text = names.joined(separator: ",") + "\n"
            text += "c00001,0.1" + String(repeating: ",1", count: names.count - 2) + "\n"
            try text.write(to: data.appendingPathComponent("ites.csv"), atomically: true, encoding: .utf8)
        }
        XCTAssertFalse(outcome.stderr.contains("extra_100"))
    }

    func testADuplicateYAMLKeyIsOneLineWithoutTheConfig() throws {
        let outcome = try assertFails(["small.yml", "line 1, column 1", "`data` is given twice"]) { data in
            let config = data.appendingPathComponent("small.yml")
            var text = try String(contentsOf: config, encoding: .utf8)
            text = "data: {creators: creators.csv}\n" + text
            try text.write(to: config, atomically: true, encoding: .utf8)
        }
        XCTAssertFalse(outcome.stderr.contains("revenue_pre"), "the config is not echoed")
    }

    func testAHundredThousandNestingLevelsGiveAShortMessage() throws {
        try assertFails(["small.yml", "line 1"]) { data in
            let deep = "title: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            try deep.write(to: data.appendingPathComponent("small.yml"), atomically: true, encoding: .utf8)
        }
    }

    func testACellWithANewlineIsEscaped() throws {
        try assertFails(["ites.csv", "row 5", "column \"effect_hat\"", #""12\nabc" is not a number"#]) { data in
            try self.replaceLine(
                data.appendingPathComponent("ites.csv"), starting: "c00004,", with: "c00004,\"12\nabc\",0.05")
        }
    }

    func testTheEnvironmentIsNotPrinted() throws {
        let outcome = try assertFails(["/proc/self/environ", "NUL byte"], ites: "/proc/self/environ")
        XCTAssertFalse(outcome.stderr.contains("PATH="))
    }

    func testDevNullIsNotARegularFile() throws {
        try assertFails(["/dev/null", "is a device, not a regular file"], ites: "/dev/null")
    }

    // MARK: 6. Smaller items

    func testThresholdsHaveRanges() throws {
        try assertFails(["key thresholds.anova_p", "must lie in [0, 1], not -1"], extra: "thresholds: {anova_p: -1}")
        try assertFails(["key thresholds.coverage", "must lie in [0, 1], not 5"], extra: "thresholds: {coverage: 5}")
    }

    func testAnEmptyOutFolderIsRefused() throws {
        let folder = try temporaryDirectory()
        let outcome = try run(["run", try smallConfig().path, "--out", "", "--quiet"], in: folder)
        XCTAssertEqual(outcome.status, 2)
        XCTAssertTrue(outcome.stderr.contains("--out"), outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testDiffOfEmptyObjectsIsAnError() throws {
        let folder = try temporaryDirectory()
        let empty = folder.appendingPathComponent("empty.json")
        try Data("{}".utf8).write(to: empty)
        let outcome = try run(["diff", empty.path, empty.path])
        XCTAssertEqual(outcome.status, 2, outcome.stdout)
        XCTAssertTrue(outcome.stderr.contains("empty.json"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("not a results.json snapshot"), outcome.stderr)
    }

    func testThePanelWindowErrorNamesTheKey() throws {
        try assertFails(["key data.panel.window", "starts before it"]) { data in
            try self.panelConfig(", window: [-2, 3]").write(
                to: data.appendingPathComponent("small.yml"), atomically: true, encoding: .utf8)
        }
    }

    func testAYAMLSeedAbove2To63IsAccepted() throws {
        let config = try smallConfig()
        try replaceLine(
            config, starting: "model:", with: "model: {chains: 2, draws: 200, warmup: 200, seed: 18446744073709551615}")
        let out = try temporaryDirectory().appendingPathComponent("out")
        let outcome = try run(["run", config.path, "--out", out.path, "--quiet", "--formats", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let json = try XCTUnwrap(
            JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("results.json")))
                as? [String: Any])
        XCTAssertNotNil(json["candidates"])
    }

    func testFormulaLeadingLabelsAreNeutralisedInEstimatesCSV() throws {
        let config = try smallConfig()
        let data = config.deletingLastPathComponent()
        for name in ["creators.csv", "ites.csv", "truth.csv"] {
            try edit(data.appendingPathComponent(name)) { lines in
                for i in lines.indices {
                    lines[i] = lines[i].replacingOccurrences(of: "c00001,", with: "=c00001,")
                        .replacingOccurrences(of: "c00002,", with: "-17,")
                        .replacingOccurrences(of: ",Gaming,", with: ",@Gaming,")
                }
            }
        }
        let out = try temporaryDirectory().appendingPathComponent("out")
        let outcome = try run(["run", config.path, "--out", out.path, "--quiet", "--formats", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let csv = try String(contentsOf: out.appendingPathComponent("estimates.csv"), encoding: .utf8)
        let rows = csv.split(separator: "\n")
        XCTAssertTrue(
            rows.contains { $0.hasPrefix("'=c00001,genre,'@Gaming,") }, String(rows.prefix(3).joined(separator: "\n")))
        XCTAssertTrue(rows.contains { $0.hasPrefix("-17,genre,") }, "a label that reads as a number is left as it is")
        XCTAssertFalse(rows.contains { $0.contains(",@Gaming,") })
    }
}
