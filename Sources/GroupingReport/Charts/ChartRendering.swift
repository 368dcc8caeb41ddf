import Dispatch
import GroupingCharts
import GroupingCore

/// A chart of the report before it is drawn: the chart value, its place in the report and
/// its caption. Its id names its files in `charts/` and its anchor.
public struct PlannedChart: Sendable {
    public var id: String
    public var section: ChartSection
    public var caption: String
    public var chart: any Chart

    public init(id: String, section: ChartSection, caption: String, chart: any Chart) {
        self.id = id
        self.section = section
        self.caption = caption
        self.chart = chart
    }
}

/// Draws planned charts: once as inline SVG for the report (`reportCharts`), and as the SVG
/// and PNG files of `charts/` (`files`). The PDF draws the chart values itself.
///
/// The two are separate so a run can encode the PNG files while it renders the report: the
/// PNGs are about half of the rendering work and nothing in the report waits for them.
public enum ChartRendering {
    /// The width charts are laid out at for the HTML page and the files, in points.
    public static let width = 720.0
    /// The width charts are laid out at for the PDF, which then scales them to the rectangle
    /// the page gives: the layout (label thinning, tick count) never depends on how much room
    /// is left on a page, and text stays at least 70% of its design size.
    public static let pdfLayoutWidth = 560.0

    /// Pixels per point of the `charts/*.png` files: 1.5 makes a 720-point chart 1,080
    /// pixels wide, full width on a 1080p slide. At 2 the PNG files took about 40% of the
    /// example report's CPU time (rasterising and deflating 4 MB of pixels per chart), for
    /// a sharpness the SVG files, with real text, now give at any size.
    public static let pngScale = 1.5

    /// A file of `charts/`: its name and bytes.
    public struct File: Sendable {
        public var name: String
        public var bytes: [UInt8]
    }

    /// The report's charts: each planned chart with its inline SVG.
    /// - Complexity: one SVG rendering per chart, in parallel on the available cores.
    public static func reportCharts(_ planned: [PlannedChart]) -> [ReportChart] {
        let svgs = parallelMap(count: planned.count) { index in
            // Its ids carry the chart's id, unique in the report, so inlined charts never share one.
            ChartOutput.svgMarkup(planned[index].chart, width: width, idPrefix: svgIdPrefix(planned[index].id))
        }
        return zip(planned, svgs).map { item, svg in
            ReportChart(
                id: item.id, section: item.section, caption: item.caption, svg: svg, chart: item.chart,
                layoutWidth: pdfLayoutWidth)
        }
    }

    /// The `charts/` files of the report's charts, `<id>.svg` (the inline SVG as a document)
    /// and `<id>.png` per chart, in order.
    /// - Parameter pngScale: pixels per point of the PNG files.
    /// - Throws: `InputError` naming the chart Cairo could not draw.
    /// - Complexity: one PNG rendering per chart, in parallel on the available cores.
    public static func files(_ charts: [ReportChart], pngScale: Double = ChartRendering.pngScale) throws -> [File] {
        let pngs = parallelMap(count: charts.count) { index in
            Result { try ChartOutput.png(charts[index].chart, width: width, scale: pngScale) }
        }
        return try zip(charts, pngs).flatMap { chart, png -> [File] in
            do {
                return [
                    File(name: "\(chart.id).svg", bytes: ChartOutput.svgDocument(markup: chart.svg)),
                    File(name: "\(chart.id).png", bytes: try png.get()),
                ]
            } catch {
                throw InputError(message: "the chart \(chart.id) could not be drawn: \(error)")
            }
        }
    }

    /// The prefix of the ids in a chart's SVG: "chart-", its id (a file slug), "-".
    static func svgIdPrefix(_ id: String) -> String { "chart-\(id)-" }
}
