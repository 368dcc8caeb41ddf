import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report run CONFIG.yml`: every phase, every output.
struct RunCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Computes every phase for a config and writes the report, results.json and estimates.csv.")

    @Argument(help: "The config file (YAML); data paths in it are relative to it.")
    var config: String

    @OptionGroup var report: ReportOptions

    @OptionGroup var output: FormatOptions

    @Option(
        help:
            "A folder with report.mustache, block.mustache, table.mustache and report.css to use instead of the built-in templates."
    )
    var templates: String?

    @Option(help: "Seed for clustering and sampling (overrides model.seed).")
    var seed: UInt64?

    func run() throws {
        let progress = Progress(quiet: report.quiet)
        let sources = try InputSources.files(configPath: config)
        try ReportRun(
            sources: sources, outputDirectory: report.out, formats: output.formats,
            seedOverride: seed, templatesDirectory: templates, progress: progress
        ).execute()
    }
}
