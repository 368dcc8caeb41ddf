import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report demo`: the full report on the built-in example, no files needed.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Runs the whole report on the built-in example (the simulated platform, seed 42, 1,500 creators).")

    @Option(help: "Output directory.")
    var out: String = "grouping-report-out"

    @Flag(help: "No progress on stderr.")
    var quiet = false

    func run() throws {
        let progress = Progress(quiet: quiet)
        do {
            let sources = InputSources.builtInExample()
            try ReportRun(
                sources: sources, outputDirectory: out, formats: OutputFormat.all,
                seedOverride: nil, templatesDirectory: nil, progress: progress
            ).execute()
        } catch {
            exitWithError(error)
        }
    }
}
