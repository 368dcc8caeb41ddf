import Foundation
import GroupingCore
import XCTest

/// The whole pipeline runs from in-memory inputs: `Analysis.run(config:read:)` on the bytes of
/// the files gives the binary's `results.json`, byte for byte, the panel estimation included.
final class InMemoryRunTests: EndToEndTestCase {
    func testAnalysisFromBytesMatchesTheBinarysResults() throws {
        let data = try exampleCopy()
        let configURL = data.appendingPathComponent("panel-small.yml")
        let configText = """
            title: "In-memory run"
            data:
              creators: creators.csv
              id: creator_id
              panel: {file: panel.csv, period: period, outcome: log_revenue, first_treated: first_treated}
              truth: truth.csv
            outcome: {pre: revenue_pre, post: revenue_post}
            candidates: [genre, content_type, {name: arpu_quintile, quantiles: arpu, bins: 5}]
            model: {chains: 2, draws: 200, warmup: 200, seed: 3}
            """
        try configText.write(to: configURL, atomically: true, encoding: .utf8)
        let out = data.appendingPathComponent("out")
        let binary = try run(["run", configURL.path, "--out", out.path, "--formats", "json", "--quiet"])
        XCTAssertEqual(binary.status, 0, binary.stderr)
        let written = try Data(contentsOf: out.appendingPathComponent("results.json"))

        // The same files, read into memory first; names as the binary reports an absolute path.
        var files: [String: [UInt8]] = [:]
        for name in ["creators.csv", "panel.csv", "truth.csv"] {
            files[name] = [UInt8](try Data(contentsOf: data.appendingPathComponent(name)))
        }
        let config = try ConfigParser.parse(configText, fileName: configURL.path)
        let lines = LockedLines()
        let output = try Analysis.run(
            config: config,
            read: { name in
                guard let bytes = files[name] else { throw InputError(file: name, message: "not in memory") }
                return (data.appendingPathComponent(name).path, bytes)
            }, progress: { lines.append($0) })
        let progress = lines.all
        let inMemory = try output.results.jsonData()

        XCTAssertNotNil(output.results.panel, "the panel estimation is part of the in-memory run")
        XCTAssertEqual(output.results.input.files.map(\.role), ["creators", "truth", "panel"])
        XCTAssertEqual(output.timings.first?.phase, "Reading inputs")
        XCTAssertTrue(progress.contains { $0.hasPrefix("panel: ") }, "\(progress)")
        XCTAssertEqual(
            inMemory, written,
            "Analysis.run from bytes and the binary disagree: "
                + firstDifference(String(decoding: inMemory, as: UTF8.self), String(decoding: written, as: UTF8.self)))
    }

    /// Where two texts first differ, with a little context, for the failure message.
    private func firstDifference(_ a: String, _ b: String) -> String {
        let a = Array(a), b = Array(b)
        let index = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
        let from = max(0, index - 60)
        return "at character \(index): «\(String(a[from..<min(a.count, index + 60)]))» vs «\(String(b[from..<min(b.count, index + 60)]))»"
    }
}

/// Progress lines collected from a `@Sendable` callback.
private final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
