import ArgumentParser
import Foundation
import GroupingCore

/// The outputs `--formats` can select.
enum OutputFormat: String, CaseIterable {
    /// report.html (and charts/)
    case html
    /// report.pdf (and charts/)
    case pdf
    /// results.json and estimates.csv
    case json

    static let all = Set(OutputFormat.allCases)
}

/// `grouping-report run CONFIG.yml`: every phase, every output.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Computes every phase for a config and writes the report, results.json and estimates.csv.")

    @Argument(help: "The config file (YAML); data paths in it are relative to it.")
    var config: String

    @Option(help: "Output directory.")
    var out: String = "grouping-report-out"

    @Option(help: "Comma-separated outputs to write: html, pdf, json.")
    var formats: String = "html,pdf,json"

    @Option(
        help:
            "A folder with report.mustache, block.mustache, table.mustache and report.css to use instead of the built-in templates."
    )
    var templates: String?

    @Option(help: "Seed for clustering and sampling (overrides model.seed).")
    var seed: UInt64?

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func validate() throws {
        _ = try parsedFormats()
    }

    func parsedFormats() throws -> Set<OutputFormat> { try Self.parseFormats(formats) }

    /// `--formats html,pdf,json` as a set (also used by `history`).
    static func parseFormats(_ formats: String) throws -> Set<OutputFormat> {
        var result = Set<OutputFormat>()
        for part in formats.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(rawValue: name) else {
                throw ValidationError("--formats: unknown format \"\(name)\" (use html, pdf, json)")
            }
            result.insert(format)
        }
        guard !result.isEmpty else { throw ValidationError("--formats: name at least one of html, pdf, json") }
        return result
    }

    func run() throws {
        let progress = Progress(quiet: quiet)
        do {
            let sources = try InputSources.files(configPath: config)
            try ReportRun(
                sources: sources, outputDirectory: out, formats: try parsedFormats(),
                seedOverride: seed, templatesDirectory: templates, progress: progress
            ).execute()
        } catch {
            exitWithError(error)
        }
    }
}
