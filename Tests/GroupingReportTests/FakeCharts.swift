import CCairo

@testable import GroupingReport

/// Charts that look like the real ones to the report: an SVG rectangle with a label and a
/// Cairo closure that draws a rectangle.
enum FakeCharts {
    static func chart(_ id: String, _ section: ChartSection, caption: String, aspectRatio: Double = 1.6) -> ReportChart
    {
        ReportChart(
            id: id, section: section, caption: caption,
            svg:
                ##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200" role="img" aria-label="\##(id)"><rect x="10" y="10" width="300" height="180" fill="#dfe7f2" stroke="#2f5d9b"/><text x="160" y="105" text-anchor="middle" font-size="14">\##(id)</text></svg>"##,
            aspectRatio: aspectRatio,
            drawPDF: { context, x, y, width, height in
                cairo_set_source_rgb(context, 0.87, 0.9, 0.95)
                cairo_rectangle(context, x, y, width, height)
                cairo_fill_preserve(context)
                cairo_set_source_rgb(context, 0.18, 0.36, 0.6)
                cairo_set_line_width(context, 1)
                cairo_stroke(context)
                cairo_move_to(context, x + width / 2 - 30, y + height / 2)
                cairo_select_font_face(context, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
                cairo_set_font_size(context, 10)
                cairo_show_text(context, id)
            })
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
