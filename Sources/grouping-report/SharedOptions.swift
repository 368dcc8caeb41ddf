import Foundation
import ArgumentParser

/// The outputs `--formats` can select.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// report.html (and charts/)
    case html
    /// report.pdf (and charts/)
    case pdf
    /// results.json and estimates.csv
    case json

    static let all = Set(OutputFormat.allCases)

    /// A `--formats` value, `html,pdf,json`: each comma-separated name parsed as an
    /// `OutputFormat` (case and surrounding spaces do not matter).
    /// - Throws: `ValidationError` for an unknown name or an empty list; the argument parser
    ///   prints it after "The value '…' is invalid for '--formats <formats>': ", exit status 64.
    static func parseList(_ argument: String) throws -> Set<OutputFormat> {
        var result = Set<OutputFormat>()
        for part in argument.split(separator: ",") {
            let name = part.trimmingCharacters(in: .whitespaces).lowercased()
            guard let format = OutputFormat(argument: name) else {
                throw ValidationError("unknown format \"\(name)\" (use html, pdf, json)")
            }
            result.insert(format)
        }
        guard !result.isEmpty else { throw ValidationError("name at least one of html, pdf, json") }
        return result
    }
}

/// `--out` and `--quiet`, shared by `run` and `demo`.
struct ReportOptions: ParsableArguments {
    @Option(help: "Output directory.")
    var out: String = "grouping-report-out"

    @Flag(help: "No progress on stderr.")
    var quiet = false
}

/// `--formats`, shared by `run` and `history`.
struct FormatOptions: ParsableArguments {
    // A transform shows no default in the help, so the help text states it.
    @Option(
        help: "Comma-separated outputs to write: html, pdf, json. (default: html,pdf,json)",
        transform: OutputFormat.parseList)
    var formats: Set<OutputFormat> = OutputFormat.all
}
