import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report demo`: the full report on the built-in example, no files needed.
struct DemoCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Runs the whole report on the built-in example (the simulated platform, seed 42, 1,500 creators).")

    @OptionGroup var report: ReportOptions

    func run() throws {
        let progress = Progress(quiet: report.quiet)
        let sources = InputSources.builtInExample()
        try ReportRun(
            sources: sources, outputDirectory: report.out, formats: OutputFormat.all,
            seedOverride: nil, templatesDirectory: nil, progress: progress
        ).execute()
    }
}
