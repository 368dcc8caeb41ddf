import GroupingCharts

/// Makes standalone SVG documents safe to place side by side in one HTML page.
///
/// Several inline SVGs share one id space: two charts drawn by Cairo both define
/// `id="glyph0-1"` and `id="clip1"`, and the second chart's `href="#glyph0-1"` would pick the
/// first chart's glyph. Every id, and every same-document reference to one, gets a per-chart
/// prefix (`SVGIdPrefixer`, the chart layer's rewriting). The XML declaration and a
/// DOCTYPE, which mean nothing inside HTML, are dropped.
enum SVGInlining {
    static func prepare(_ svg: String, idPrefix: String) -> String {
        var text = Substring(svg)
        // Drop everything before the <svg element (XML declaration, DOCTYPE, comments).
        if let start = text.range(of: "<svg") { text = text[start.lowerBound...] }
        return SVGIdPrefixer.prefixIds(in: String(text), with: sanitized(idPrefix) + "-")
    }

    /// Letters, digits, "-" and "_" only, so that the prefix is a valid id start.
    private static func sanitized(_ text: String) -> String {
        let cleaned = String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return "chart-" + cleaned
    }
}
