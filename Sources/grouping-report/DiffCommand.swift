import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report diff OLD NEW`: quarterly re-validation of two snapshots.
struct DiffCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compares two results.json snapshots; exits 1 when a production alert fires.",
        discussion: """
            Alerts (playbook, production workflow): the production grouping's quality fell below \
            quality_poor, the LOO ranking changed, its coverage is below 0.90, or its shrinkage \
            pattern changed. Exit status: 0 no alert, 1 an alert fired, 2 unreadable input.
            """)

    @Argument(help: "The older results.json.")
    var old: String

    @Argument(help: "The newer results.json.")
    var new: String

    @Flag(help: "Print the comparison as JSON for scripts.")
    var json = false

    func run() throws {
        let diff = SnapshotDiff(old: try load(old), new: try load(new))
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = (try? encoder.encode(diff)) ?? Data("{}".utf8)
            print(String(decoding: data, as: UTF8.self))
        } else {
            print(diff.table(), terminator: "")
        }
        if !diff.alerts.isEmpty { throw ExitCode.alertFired }
    }

    func load(_ path: String) throws -> Snapshot {
        try SnapshotFile.load(path: path).snapshot
    }
}
