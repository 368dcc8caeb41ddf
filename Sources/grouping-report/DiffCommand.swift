import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report diff OLD NEW`: quarterly re-validation of two snapshots.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compares two results.json snapshots; exits 1 when a production alert fires.")

    @Argument(help: "The older results.json.")
    var old: String

    @Argument(help: "The newer results.json.")
    var new: String

    @Flag(help: "Print the comparison as JSON for scripts.")
    var json = false

    func run() throws {
        exitWithError(InputError(message: "diff is not implemented yet"))
    }
}
