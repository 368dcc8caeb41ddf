import GroupingCharts

/// Where in the report a chart belongs.
public enum ChartSection: Hashable, Sendable {
    /// Page 1: the recommended grouping's group effects, a small forest chart.
    case summaryForest
    /// Phase 1: the outcome's distribution per group of a candidate.
    case phase1Boxplot(candidate: String)
    /// Phase 1: the group sizes of a candidate.
    case phase1Sizes(candidate: String)
    /// Phase 2: inertia per k of the clustering (the elbow).
    case elbow
    /// Phase 4: the LOO comparison of all fitted candidates.
    case looComparison
    /// Phase 5: the LOO-PIT ECDF difference with its simultaneous band, for the recommended model.
    case looPIT
    /// Phase 5: the prior and posterior densities of the recommended model's hyperparameters.
    case priorPosterior
    /// Phase 5: the pooling factor of each group of the recommended model.
    case pooling
    /// Phase 5: the posterior of mu_group per group (95% HDI) of a candidate.
    case forest(candidate: String)
    /// Phase 5: shrinkage against precision (1/se) for a candidate.
    case shrinkageScatter(candidate: String)
    /// Phase 5: shrinkage (percent) per group of a candidate.
    case shrinkageByGroup(candidate: String)
    /// Appendix: the PSIS cross-check's Pareto k per creator of a candidate (ArviZ's plot_khat).
    case paretoK(candidate: String)
    /// The trend report (`history`): one metric over the snapshots.
    case trend(metric: String)
}

/// A chart handed to the report, as data: the chart value (which any renderer can draw) and
/// its SVG markup for the HTML page, rendered once.
///
/// The report lays charts out; it never computes what they show, and it never holds drawing
/// code: the PDF draws `chart` through `ChartOutput` with Cairo. `svg` is trusted markup
/// (inserted unescaped), so it must not reference anything outside itself.
public struct ReportChart: Sendable {
    /// A stable identifier, unique in a report (used for anchors).
    public var id: String
    public var section: ChartSection
    /// What the chart shows and how to read it.
    public var caption: String
    /// Inline-ready `<svg …>…</svg>` markup (no XML declaration), inserted into the page as
    /// it is: its ids must be unique in the report (`ChartOutput.svgMarkup`'s `idPrefix`).
    public var svg: String
    /// The chart itself, drawn onto the PDF's pages.
    public var chart: any Chart
    /// The width the PDF lays the chart out at, in points, before scaling it to the
    /// rectangle the page gives: the layout (label thinning, tick count) never depends on how
    /// much room is left on a page.
    public var layoutWidth: Double
    /// "Figure 3": set by `ReportDocument` in reading order.
    public var number: Int? = nil
    /// The caption as printed: "Figure 3. " and the caption.
    public var numberedCaption: String { number.map { "Figure \($0). " + caption } ?? caption }

    /// Width divided by height at `layoutWidth`; the PDF keeps it when it scales the chart.
    public var aspectRatio: Double { layoutWidth / max(chart.preferredHeight(forWidth: layoutWidth), 1) }

    public init(id: String, section: ChartSection, caption: String, svg: String, chart: any Chart, layoutWidth: Double) {
        self.id = id
        self.section = section
        self.caption = caption
        self.svg = svg
        self.chart = chart
        self.layoutWidth = layoutWidth
    }
}
