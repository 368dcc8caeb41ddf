import Foundation
import GroupingCore
import GroupingReport

/// One run: read inputs, compute every phase, render, write.
///
/// The output folder is locked first (a second run into it is refused at once), then
/// everything is computed and rendered in memory, and only then are the files written, into
/// a staging folder published in one step (`OutputFolder`). A failure at any point leaves
/// the previous report as it was.
struct ReportRun {
    /// The top-level names a run writes: an existing output folder may hold only these.
    static let outputNames: Set<String> = ["report.html", "report.pdf", "results.json", "estimates.csv", "charts"]

    let sources: InputSources
    let outputDirectory: String
    let formats: Set<OutputFormat>
    let seedOverride: UInt64?
    let templatesDirectory: String?
    let progress: Progress

    func execute() throws {
        let folder = try OutputFolder.prepare(outputDirectory, ownNames: Self.outputNames)
        var config = try ConfigParser.parse(sources.configText, fileName: sources.configName)
        if let seedOverride { config.model.seed = seedOverride }
        let started = Date()
        let previous = try SnapshotFile.previous(config: config, sources: sources)
        var output = try Analysis.run(config: config, read: sources.read, previous: previous) { [progress] in
            progress.say($0)
        }

        var files: [(String, Data)] = []
        if formats.contains(.json) {
            files.append(("results.json", try output.results.jsonData()))
            if let csv = EstimatesTable.csv(output) { files.append(("estimates.csv", Data(csv.utf8))) }
        }
        if formats.contains(.html) || formats.contains(.pdf) {
            let chartsStarted = Date()
            progress.say("drawing the charts")
            let charts = ChartRendering.reportCharts(ReportChartBuilder.plan(output, thresholds: config.thresholds))
            output.timings.append(PhaseTiming(phase: "Charts", seconds: Date().timeIntervalSince(chartsStarted)))
            let context = ReportContext(
                generatedAt: started, toolVersion: GroupingCoreVersion.current, seed: config.model.seed,
                paper: config.report.paper == .letter ? .letter : .a4, timings: output.timings,
                samplerDescription: output.results.model?.sampler ?? "",
                methodsNotes: methodsNotes(config: config, output: output))
            let document = ReportDocument(results: output.results, charts: charts, context: context)
            let request = ReportFiles.Request(
                html: formats.contains(.html) ? "report.html" : nil,
                templates: try templatesDirectory.map { try TemplateSet.load(directory: URL(fileURLWithPath: $0)) }
                    ?? TemplateSet.builtIn(),
                pdf: formats.contains(.pdf) ? "report.pdf" : nil)
            progress.say("rendering " + [request.html, request.pdf].compactMap { $0 }.joined(separator: " and ") + " and the chart files")
            files += try ReportFiles.render(document, charts: charts, request).map { ($0.path, $0.data) }
        }
        progress.say("writing \(files.count) files to \(outputDirectory)")
        try folder.publish(files.map { (path: $0.0, data: $0.1) })
        if let recommendation = output.results.recommendation {
            progress.say(
                "recommendation: \(recommendation.decision.rawValue)" + (recommendation.grouping.map { " (\($0))" } ?? ""))
        }
    }

    /// Lines for the methods appendix that only the run knows.
    func methodsNotes(config: AnalysisConfig, output: AnalysisOutput) -> [String] {
        var notes: [String] = []
        if config.data.panel != nil {
            notes.append("The ITEs were estimated from the rollout panel: " + ImputationEstimator.methodDescription)
            notes.append("Their standard errors: " + ImputationEstimator.standardErrorDescription)
        } else if config.data.ites != nil {
            notes.append("The ITEs (effect_hat, se) were read from \(config.data.ites!).")
        }
        if let clustering = output.results.clustering, !clustering.method.isEmpty {
            notes.append("Clustering: " + clustering.method + ". " + clustering.ruleDetail)
        }
        return notes
    }
}
