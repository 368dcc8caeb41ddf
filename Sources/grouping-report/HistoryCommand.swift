import ArgumentParser
import Foundation
import GroupingCore
import GroupingReport

/// `grouping-report history SNAPSHOT.json...`: the trend of the production grouping over
/// archived snapshots, as a report (HTML, PDF) and `history.json`.
struct HistoryCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Renders the trend of the production grouping over archived results.json snapshots.",
        discussion: """
            Snapshots are ordered by run time (snapshot_date, else the file's modification time). \
            The production grouping is the one the latest snapshot recorded under production.grouping, \
            else the one it recommends. Writes history.html, history.pdf and history.json into --out \
            and prints the verdict. Exit status: 0 stable, 1 degrading or changed (an alert fired), \
            2 unreadable input.
            """)

    @Argument(help: "The results.json snapshots, in any order.")
    var snapshots: [String]

    @Option(help: "Output directory.")
    var out: String = "grouping-report-history"

    @OptionGroup var output: FormatOptions

    func validate() throws {
        guard !snapshots.isEmpty else { throw ValidationError("name at least one results.json snapshot") }
    }

    func run() throws {
        let inputs = try snapshots.map { path in
            let (snapshot, modified) = try SnapshotFile.load(path: path)
            return HistoryInput(file: path, snapshot: snapshot, modified: modified)
        }
        let history = SnapshotHistory(inputs)
        try write(history, formats: output.formats)
        print(Self.summary(history), terminator: "")
        if history.hasAlert { throw ExitCode.alertFired }
    }

    func write(_ history: SnapshotHistory, formats: Set<OutputFormat>) throws {
        var files: [(String, Data)] = []
        if formats.contains(.json) {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            files.append(("history.json", try encoder.encode(history)))
        }
        if formats.contains(.html) || formats.contains(.pdf) {
            let charts = ChartRendering.reportCharts(HistoryCharts.plan(history))
            let document = ReportDocument(
                history: history, charts: charts, context: ReportContext(generatedAt: Date()))
            let request = ReportFiles.Request(
                html: formats.contains(.html) ? "history.html" : nil, templates: try .builtIn(),
                pdf: formats.contains(.pdf) ? "history.pdf" : nil)
            files += try ReportFiles.render(document, charts: charts, request).map { ($0.path, $0.data) }
        }
        // Published whole, as a run's folder is (OutputFolder): the trend report and its charts
        // appear together or not at all.
        let folder = try OutputFolder.prepare(
            out, ownNames: Set(files.map { String($0.0.split(separator: "/").first ?? "") }))
        try folder.publish(files.map { (path: $0.0, data: $0.1) })
    }

    /// The verdict and one line per snapshot, for the terminal.
    static func summary(_ history: SnapshotHistory) -> String {
        var text =
            "production grouping: \(history.productionGrouping ?? "none") (\(history.productionSource.rawValue))\n"
        for entry in history.entries {
            let decision = (entry.decision ?? "—") + (entry.grouping.map { " (\($0))" } ?? "")
            let flags = entry.flags.map { $0.kind == .alert ? "ALERT \($0.key)" : $0.key }
            text +=
                "\(entry.label)  \(decision)  \(entry.productionStatus.rawValue)"
                + (flags.isEmpty ? "" : "  flags: \(flags.joined(separator: ", "))") + "\n"
        }
        text += "verdict: \(history.verdict.status.rawValue): \(history.verdict.summary)\n"
        for line in history.verdict.changes { text += "  changed \(line)\n" }
        for line in history.verdict.degradations { text += "  degrading: \(line)\n" }
        return text
    }
}
