import Foundation
import GroupingCore

/// `grouping-bench fuzz`: a seeded mutation harness for the CSV reader and the config parser.
///
///     grouping-bench fuzz [--inputs N] [--seed S] [--corpus DIR] [--only I]
///
/// Each input is a corpus file (`benchmarks/fuzz-corpus`: CSVs and configs) changed by a few
/// seeded mutations: bytes flipped, inserted, deleted or repeated, tokens known to hurt
/// (`1e308`, `NaN`, a NUL, a quote, `[[[[`, a 10,000-character run), lines repeated, two
/// inputs spliced. A CSV goes through `CSVTable`, every column as numbers, and `ITETable`;
/// a config through `ConfigParser`. The rules checked on every input: nothing crashes (a
/// crash ends the process, and the printed index with `--only` reproduces it), every error
/// is an `InputError` whose message keeps `MessageText.keepsTheRules`, and no input takes
/// longer than `slowLimit` (a hang). The same seed gives the same inputs.
func runFuzzHarness(_ arguments: [String]) {
    let inputs = BenchmarkSupport.integer("--inputs", in: arguments, default: 100_000)
    let seed = UInt64(BenchmarkSupport.integer("--seed", in: arguments, default: 16))
    let onlyValue = BenchmarkSupport.integer("--only", in: arguments, default: -1)
    let only: Int? = onlyValue >= 0 ? onlyValue : nil
    let corpusPath =
        arguments.firstIndex(of: "--corpus").flatMap { $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz-corpus").path
    let corpus = FuzzCorpus.load(corpusPath)
    guard !corpus.isEmpty else {
        print("fuzz: no corpus files in \(corpusPath)")
        exit(2)
    }
    var generator = SeededGenerator(seed: seed)
    var violations: [String] = []
    var slowest = (seconds: 0.0, index: 0)
    var counts = (csv: 0, yaml: 0, rejected: 0)  // rejected: error messages checked
    let started = Date()
    for index in 0..<inputs {
        // Every input draws from the generator in the same way, so --only I replays input I.
        let entry = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
        let partner = corpus[Int.random(in: 0..<corpus.count, using: &generator)]
        let bytes = FuzzMutator.mutate(entry.bytes, partner: partner.bytes, using: &generator)
        if let only, only != index { continue }
        let inputStarted = Date()
        let problem: String?
        switch entry.kind {
        case .csv:
            counts.csv += 1
            problem = FuzzTargets.csv(bytes, rejected: &counts.rejected)
        case .yaml:
            counts.yaml += 1
            problem = FuzzTargets.config(bytes, rejected: &counts.rejected)
        }
        let seconds = Date().timeIntervalSince(inputStarted)
        if seconds > slowest.seconds { slowest = (seconds, index) }
        if let problem { violations.append("input \(index) (\(entry.name)): \(problem)") }
        if seconds > FuzzTargets.slowLimit {
            violations.append("input \(index) (\(entry.name)): took \(String(format: "%.1f", seconds)) s")
        }
    }
    let total = counts.csv + counts.yaml
    print(
        String(
            format: "fuzz: %d inputs (%d CSV, %d config; %d error messages checked), seed %llu, %d violations, "
                + "slowest input %.1f ms (#%d), %.1f s in all",
            total, counts.csv, counts.yaml, counts.rejected, seed, violations.count, slowest.seconds * 1000,
            slowest.index, Date().timeIntervalSince(started)))
    for violation in violations.prefix(20) { print("  " + MessageText.line(violation)) }
    if !violations.isEmpty { exit(1) }
}

/// The corpus: CSV and YAML files, each read whole.
struct FuzzCorpus {
    enum Kind { case csv, yaml }
    let name: String
    let kind: Kind
    let bytes: [UInt8]

    static func load(_ folder: String) -> [FuzzCorpus] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.compactMap { name in
            let kind: Kind
            if name.hasSuffix(".csv") {
                kind = .csv
            } else if name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
                kind = .yaml
            } else {
                return nil
            }
            guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(name))
            else { return nil }
            return FuzzCorpus(name: name, kind: kind, bytes: [UInt8](data))
        }
    }
}

/// Seeded byte-level mutations.
enum FuzzMutator {
    /// Inputs are kept below this size (the parsers are linear; bigger adds time, not cases).
    static let maxSize = 64 * 1024

    static let tokens: [[UInt8]] = [
        "1e308", "-1e308", "1e155", "1e-300", "NaN", "inf", "-0", "0x1p3", "18446744073709551616", "\u{0}", "\"",
        "\"\"", ",", "\n", "\r\n", "\r", "\t", "[[[[", "]]", "{{", ": ", "- ", "&a ", "*a", "!!binary ", "? ",
        "%YAML 1.1\n", "---\n", "...\n", "\u{1B}[31m", "é", "\u{FEFF}", "\u{2028}", "=cmd", "@x", "~", "null",
        String(repeating: "a", count: 10_000), String(repeating: ",", count: 5_000), "effect_hat", "se", "creator_id",
        "candidates", "thresholds", "model", "draws: 1000000000", "bins: 1000000000", "seed: 9223372036854775808",
        "anova_p: -1", "coverage: 5", "tau_scale: 1e-300", "se_multiplier: 1e308",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], partner: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        let rounds = Int.random(in: 1...4, using: &generator)
        for _ in 0..<rounds {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<8, using: &generator) {
            case 0 where !bytes.isEmpty:  // flip a byte
                let at = min(position, bytes.count - 1)
                bytes[at] ^= UInt8.random(in: 1...255, using: &generator)
            case 1:  // insert a random byte
                bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2 where !bytes.isEmpty:  // delete a range
                let end = min(bytes.count, position + Int.random(in: 1...16, using: &generator))
                bytes.removeSubrange(min(position, end)..<end)
            case 3, 4:  // insert a token
                bytes.insert(contentsOf: tokens[Int.random(in: 0..<tokens.count, using: &generator)], at: position)
            case 5 where !bytes.isEmpty:  // repeat a range many times
                let start = min(position, bytes.count - 1)
                let end = min(bytes.count, start + Int.random(in: 1...40, using: &generator))
                let times = Int.random(in: 2...200, using: &generator)
                let piece = Array(bytes[start..<end])
                for _ in 0..<times { bytes.insert(contentsOf: piece, at: start) }
            case 6 where !partner.isEmpty:  // splice with another corpus entry
                let cut = Int.random(in: 0...partner.count, using: &generator)
                bytes = Array(bytes[..<min(position, bytes.count)]) + Array(partner[cut...])
            default:  // replace a digit by an extreme number
                if let digit = bytes.indices.dropFirst(min(position, bytes.count)).first(where: {
                    (48...57).contains(bytes[$0])
                }) {
                    bytes.replaceSubrange(digit...digit, with: Array("1e309".utf8))
                }
            }
            if bytes.count > maxSize { bytes.removeSubrange(maxSize...) }
        }
        return bytes
    }
}

/// What each input goes through, and the rules checked on its errors.
enum FuzzTargets {
    /// An input that takes longer than this counts as a hang.
    static let slowLimit = 2.0

    /// The rule for one error: an `InputError` with a message within the rules, also
    /// with the executable's prefix.
    static func check(_ error: Error, rejected: inout Int) -> String? {
        guard let error = error as? InputError else { return "not an InputError: \(error)" }
        rejected += 1
        let line = "grouping-report: error: " + error.description
        return MessageText.keepsTheRules(line) ? nil : "message breaks the rules: \(line.prefix(400))"
    }

    static func csv(_ bytes: [UInt8], rejected: inout Int) -> String? {
        do {
            let table = try CSVTable(bytes: bytes, fileName: "fuzz.csv")
            for column in table.header.indices.prefix(8) {
                do { _ = try table.numbers(column) } catch { if let p = check(error, rejected: &rejected) { return p } }
                _ = table.strings(column)
            }
            _ = try ITETable(table: table, idColumn: "creator_id")
        } catch {
            return check(error, rejected: &rejected)
        }
        return nil
    }

    static func config(_ bytes: [UInt8], rejected: inout Int) -> String? {
        do {
            _ = try ConfigParser.parse(String(decoding: bytes, as: UTF8.self), fileName: "config.yml")
        } catch {
            return check(error, rejected: &rejected)
        }
        return nil
    }
}
