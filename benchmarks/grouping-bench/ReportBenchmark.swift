import Foundation
import GroupingCharts
import GroupingCore
import GroupingReport

/// The whole report for the simulated platform (the demo's data and config), phase by
/// phase, in memory: analysis, charts (SVG and PNG), HTML and PDF.
func runReportBenchmark(arguments: [String]) {
    let creators = BenchmarkSupport.integer("--creators", in: arguments, default: 1_500)
    print("== the whole report: \(creators) simulated creators, the example config")
    let files = Dictionary(
        uniqueKeysWithValues: CreatorPlatformSimulator(creators: creators, seed: 42).files().map {
            ($0.name, $0.contents)
        })
    BenchmarkSupport.resetPeakMemory()
    let start = DispatchTime.now().uptimeNanoseconds
    let config = try! ConfigParser.parse(files["config.yml"]!, fileName: "config.yml")
    let output = BenchmarkSupport.measure("  read, join and analyse (Phases 1-5)") { () -> AnalysisOutput in
        func table(_ name: String) -> CSVTable { try! CSVTable(bytes: Array(files[name]!.utf8), fileName: name) }
        let frame = try! AnalysisFrame(
            creators: table("creators.csv"), idColumn: "creator_id",
            ites: try! ITETable(table: table("ites.csv"), idColumn: "creator_id"),
            truth: table("truth.csv"), outcome: config.outcome)
        return try! Analysis.run(config: config, frame: frame)
    }
    let planned = ReportChartBuilder.plan(output, thresholds: config.thresholds)
    BenchmarkSupport.measure("  \(planned.count) charts as SVG (one core)") {
        for item in planned { _ = ChartOutput.svg(item.chart, width: ChartRendering.width) }
    }
    var slowest: [(String, Double)] = []
    BenchmarkSupport.measure("  \(planned.count) charts as PNG at \(ChartRendering.pngScale)x (one core)") {
        for item in planned {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = try! ChartOutput.png(item.chart, width: ChartRendering.width, scale: ChartRendering.pngScale)
            slowest.append((item.id, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6))
        }
    }
    if arguments.contains("--verbose") {
        for (id, ms) in slowest.sorted(by: { $0.1 > $1.1 }).prefix(8) {
            print(String(format: "    %@: %.0f ms", id, ms))
        }
    }
    let charts = BenchmarkSupport.measure("  the report's charts as inline SVG (all cores)") {
        ChartRendering.reportCharts(planned)
    }
    let document = ReportDocument(
        results: output.results, charts: charts, context: ReportContext(generatedAt: Date(timeIntervalSince1970: 0)))
    let html = BenchmarkSupport.measure("  report.html alone") {
        try! HTMLReport.render(document, templates: try! TemplateSet.builtIn())
    }
    let pdf = BenchmarkSupport.measure("  report.pdf alone") { try! PDFReport.render(document) }
    let rendered = BenchmarkSupport.measure("  report.html, report.pdf and charts/ side by side (as a run renders)") {
        try! ReportFiles.render(
            document, charts: charts, ReportFiles.Request(html: "report.html", templates: try! .builtIn(), pdf: "report.pdf"))
    }
    _ = rendered
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
        String(
            format:
                "total: %.3f s (the one-core chart passes and the outputs alone are extra measurements); HTML %.1f MB, PDF %.1f MB",
            seconds, Double(html.utf8.count) / 1e6, Double(pdf.count) / 1e6))
}
