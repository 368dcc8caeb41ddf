import Foundation
import GroupingCore

/// Every file of a report, rendered at the same time: the HTML page, the PDF and the
/// `charts/` files.
///
/// The three share nothing but the document (plain values), so they run side by side: the
/// PDF (the longest single job) starts first and the PNG files fill the other cores around
/// it. On the example report this halves the rendering's wall time on two cores.
public enum ReportFiles {
    /// What to render: each output's file name, or nil to leave it out.
    public struct Request: Sendable {
        /// "report.html"; rendered with `templates`.
        public var html: String?
        public var templates: TemplateSet
        /// "report.pdf".
        public var pdf: String?
        /// Whether to write `charts/<id>.svg` and `charts/<id>.png` per chart.
        public var chartFiles: Bool
        public var pngScale: Double

        public init(
            html: String?, templates: TemplateSet, pdf: String?, chartFiles: Bool = true,
            pngScale: Double = ChartRendering.pngScale
        ) {
            self.html = html
            self.templates = templates
            self.pdf = pdf
            self.chartFiles = chartFiles
            self.pngScale = pngScale
        }
    }

    /// One job: the PDF, the HTML page or one chart's two files.
    enum Job {
        case pdf(String)
        case html(String)
        case chart(Int)
    }

    /// The jobs in the order they should start: the PDF first, since it takes longest.
    static func jobs(_ request: Request, chartCount: Int) -> [Job] {
        var jobs: [Job] = []
        if let pdf = request.pdf { jobs.append(.pdf(pdf)) }
        if let html = request.html { jobs.append(.html(html)) }
        if request.chartFiles { jobs += (0..<chartCount).map(Job.chart) }
        return jobs
    }

    /// The files, as (path in the output folder, bytes): the HTML page, the PDF, then the
    /// chart files in chart order. The bytes do not depend on how the jobs were scheduled.
    /// - Parameters:
    ///   - charts: every chart of the run, for `charts/` (the document places only those a
    ///     reader needs).
    /// - Throws: the first failure, in that order (a template error, Cairo, a chart).
    public static func render(
        _ document: ReportDocument, charts: [ReportChart], _ request: Request
    ) throws -> [(path: String, data: Data)] {
        let jobs = jobs(request, chartCount: charts.count)
        let results = parallelMap(count: jobs.count) { index -> Result<[(path: String, data: Data)], Error> in
            Result {
                switch jobs[index] {
                case .pdf(let name):
                    return [(name, Data(try PDFReport.render(document)))]
                case .html(let name):
                    return [(name, Data(try HTMLReport.render(document, templates: request.templates).utf8))]
                case .chart(let chart):
                    return try ChartRendering.files([charts[chart]], pngScale: request.pngScale).map {
                        ("charts/\($0.name)", Data($0.bytes))
                    }
                }
            }
        }
        // HTML before PDF before the charts, whatever order the jobs ran in.
        let order = jobs.indices.sorted { rank(jobs[$0]) < rank(jobs[$1]) }
        return try order.flatMap { try results[$0].get() }
    }

    private static func rank(_ job: Job) -> Int {
        switch job {
        case .html: return 0
        case .pdf: return 1
        case .chart(let index): return 2 + index
        }
    }
}
