/// Renders a `ReportDocument` as one self-contained HTML page: the stylesheet and the charts
/// (SVG) inline, no request leaving the page.
public enum HTMLReport {
    /// The page's HTML.
    /// - Parameters:
    ///   - document: The report.
    ///   - templates: The template set (`try TemplateSet.builtIn()` or `TemplateSet.load(directory:)`).
    /// - Throws: `TemplateError` when the set has no `report` template.
    public static func render(_ document: ReportDocument, templates: TemplateSet) throws -> String {
        try templates.render(HTMLPage(document: document, stylesheet: templates.stylesheet))
    }
}
