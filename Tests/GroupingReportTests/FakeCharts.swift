import GroupingCharts

@testable import GroupingReport

/// A chart that draws a framed rectangle with its id, through any renderer.
struct FakeChart: Chart {
    var title: String
    var dataDescription: String { "A placeholder rectangle labelled \(title)." }
    var aspectRatio: Double

    func draw(in renderer: Renderer, frame: Rect) {
        renderer.fillRect(frame, color: Color(red: 0.87, green: 0.9, blue: 0.95))
        renderer.strokeRect(frame, stroke: Stroke(color: Color(red: 0.18, green: 0.36, blue: 0.6), width: 1))
        renderer.drawText(
            title, at: Point(x: frame.midX, y: frame.midY), font: Font(size: 10), anchor: TextAnchor(.middle, .middle))
    }

    func preferredHeight(forWidth width: Double) -> Double { width / aspectRatio }
}

/// Charts that look like the real ones to the report: an SVG rectangle with a label, and a
/// chart value that draws a rectangle.
enum FakeCharts {
    static func chart(_ id: String, _ section: ChartSection, caption: String, aspectRatio: Double = 1.6) -> ReportChart
    {
        ReportChart(
            id: id, section: section, caption: caption,
            svg:
                ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200" role="img" aria-label="\##(id)"><rect x="10" y="10" width="300" height="180" fill="#dfe7f2" stroke="#2f5d9b"/><text x="160" y="105" text-anchor="middle" font-size="14">\##(id)</text></svg>"##,
            chart: FakeChart(title: id, aspectRatio: aspectRatio), layoutWidth: ChartRendering.pdfLayoutWidth)
    }

    /// Every chart the report places, for the sample results.
    static func all(for candidates: [String], fitted: [String]) -> [ReportChart] {
        var charts: [ReportChart] = [
            chart("elbow", .elbow, caption: "Inertia by k."),
            chart("loo-comparison", .looComparison, caption: "elpd_loo by candidate.", aspectRatio: 2.2),
            chart("loo-pit", .looPIT, caption: "LOO-PIT ECDF difference.", aspectRatio: 2),
            chart("pooling", .pooling, caption: "Pooling factor by group.", aspectRatio: 2),
        ]
        for name in candidates {
            charts.append(
                chart("boxplot-\(name)", .phase1Boxplot(candidate: name), caption: "Outcome by group of \(name)."))
            charts.append(
                chart(
                    "sizes-\(name)", .phase1Sizes(candidate: name), caption: "Group sizes of \(name).", aspectRatio: 2.4
                ))
        }
        for name in fitted {
            charts.append(chart("forest-\(name)", .forest(candidate: name), caption: "mu_group of \(name)."))
            charts.append(
                chart(
                    "shrinkage-scatter-\(name)", .shrinkageScatter(candidate: name),
                    caption: "Shrinkage vs precision for \(name)."))
            charts.append(
                chart(
                    "shrinkage-group-\(name)", .shrinkageByGroup(candidate: name),
                    caption: "Shrinkage by group of \(name)."))
        }
        return charts
    }
}
