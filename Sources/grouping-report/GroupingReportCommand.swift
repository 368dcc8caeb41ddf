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

    /// Parses the arguments, runs the subcommand and ends the process through
    /// `exit(for:)`, the one place where an error becomes an exit status.
    static func main() {
        do {
            var command = try parseAsRoot()
            do {
                try command.run()
            } catch where command is any ToolCommand && !(error is ExitCode) {
                throw RunFailure(underlying: error)
            }
        } catch {
            exit(for: error)
        }
    }

    /// Ends the process for `error`. The statuses:
    /// - 2, a `RunFailure`: a subcommand failed (bad input, an unwritable output, …); one
    ///   line on stderr, `grouping-report: error: …`.
    /// - 1, `ExitCode.alertFired`: `diff` or `history` found an alert; nothing more is printed.
    /// - 64 for a usage error (unknown option, a value `--formats` cannot parse, a
    ///   `ValidationError`), with the usage; 0 for `help`, `--help` and `--version`. These
    ///   are the argument parser's, printed by it.
    static func exit(for error: Error) -> Never {
        if let failure = error as? RunFailure {
            FileHandle.standardError.write(Data((failure.line + "\n").utf8))
            exit(withError: ExitCode.runFailed)
        }
        exit(withError: error)
    }
}

/// The tool's own subcommands: an error their `run()` throws, other than an `ExitCode`, is
/// a failed run (`RunFailure`). The argument parser's built-in `help` is not one of them.
protocol ToolCommand: ParsableCommand {}

extension ExitCode {
    /// `diff` or `history`: a production alert fired.
    static let alertFired = ExitCode(1)
    /// A subcommand failed: the input's fault, or the file system's.
    static let runFailed = ExitCode(2)
}

/// A subcommand's failure, reported as one line on stderr with status 2.
struct RunFailure: Error {
    let underlying: Error

    /// `grouping-report: error: ` and the error's description, as one line (MessageText:
    /// escaped, cut to 300 characters), whatever the error carries.
    var line: String {
        let message: String
        switch underlying {
        case let error as InputError: message = error.description
        case let error as CustomStringConvertible: message = error.description
        default: message = "\(underlying)"
        }
        return MessageText.line("grouping-report: error: " + message)
    }
}
