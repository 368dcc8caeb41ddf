import Foundation
import GroupingCore

/// One run: read inputs, compute every phase, render, write.
struct ReportRun {
    let sources: InputSources
    let outputDirectory: URL
    let formats: Set<OutputFormat>
    let seedOverride: UInt64?
    let progress: Progress

    func execute() throws {
        var config = try ConfigParser.parse(sources.configText, fileName: sources.configName)
        if let seedOverride { config.model.seed = seedOverride }
        progress.say("config \(sources.configName): \(config.candidates.count) candidates")
        throw InputError(message: "run is not implemented yet")
    }
}
