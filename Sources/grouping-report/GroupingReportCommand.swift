import ArgumentParser
import Foundation
import GroupingCore

@main
struct GroupingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grouping-report",
        abstract: "Turns one rollout's data into a grouping-selection report for hierarchical Bayesian models.",
        version: GroupingCoreVersion.current,
        subcommands: [
            RunCommand.self, DemoCommand.self, SimulateCommand.self, DiffCommand.self, HistoryCommand.self,
        ])

    /// Runs the command; an `InputError` becomes one line on stderr and exit status 2.
    static func mainWrapper() {}
}

/// Prints a user-facing error as one line and exits non-zero, for errors that are the
/// input's fault; anything else is reported the same way with its description.
func exitWithError(_ error: Error) -> Never {
    let message: String
    switch error {
    case let error as InputError: message = error.description
    case let error as CustomStringConvertible: message = error.description
    default: message = "\(error)"
    }
    // One line, whatever the error carries (MessageText: escaped, cut to 300 characters).
    let line = MessageText.line("grouping-report: error: " + message)
    FileHandle.standardError.write(Data((line + "\n").utf8))
    Foundation.exit(2)
}
