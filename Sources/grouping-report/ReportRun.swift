import Foundation
import GroupingCore

/// One run: read inputs, compute every phase, render, write.
///
/// Everything is computed and rendered in memory first; only then are the files written,
/// each atomically. A failure at any step leaves the output directory as it was.
struct ReportRun {
    let sources: InputSources
    let outputDirectory: URL
    let formats: Set<OutputFormat>
    let seedOverride: UInt64?
    let progress: Progress

    func execute() throws {
        var config = try ConfigParser.parse(sources.configText, fileName: sources.configName)
        if let seedOverride { config.model.seed = seedOverride }
        let started = Date()
        let inputs = try InputLoader(sources: sources, config: config, progress: progress).load()
        let loadSeconds = Date().timeIntervalSince(started)
        var output = try Analysis.run(config: config, frame: inputs.frame) { [progress] in progress.say($0) }
        output.results.input.files = inputs.files
        if let panel = inputs.panel { output.results.panel = panel }
        output.timings.insert(PhaseTiming(phase: "Reading inputs", seconds: loadSeconds), at: 0)

        var files: [(String, Data)] = []
        if formats.contains(.json) {
            files.append(("results.json", try output.results.jsonData()))
            if let csv = EstimatesTable.csv(output) { files.append(("estimates.csv", Data(csv.utf8))) }
        }
        progress.say("writing \(files.map(\.0).joined(separator: ", ")) to \(outputDirectory.path)")
        let writer = try OutputWriter(directory: outputDirectory)
        for (name, data) in files { try writer.write(data, to: name) }
        if let recommendation = output.results.recommendation {
            progress.say("recommendation: \(recommendation.decision)" + (recommendation.grouping.map { " (\($0))" } ?? ""))
        }
    }
}
