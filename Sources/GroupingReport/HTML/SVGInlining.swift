/// Makes standalone SVG documents safe to place side by side in one HTML page.
///
/// Several inline SVGs share one id space: two charts drawn by Cairo both define
/// `id="glyph0-1"` and `id="clip1"`, and the second chart's `href="#glyph0-1"` would pick the
/// first chart's glyph. Every id, and every same-document reference to one (`href="#…"`,
/// `xlink:href="#…"`, `url(#…)`), gets a per-chart prefix. The XML declaration and a
/// DOCTYPE, which mean nothing inside HTML, are dropped.
enum SVGInlining {
    static func prepare(_ svg: String, idPrefix: String) -> String {
        var text = Substring(svg)
        // Drop everything before the <svg element (XML declaration, DOCTYPE, comments).
        if let start = text.range(of: "<svg") { text = text[start.lowerBound...] }
        let prefix = sanitized(idPrefix) + "-"
        var output = replacingQuotedValues(in: String(text), after: " id=", transform: { prefix + $0 })
        output = replacingQuotedValues(in: output, after: "href=", transform: { value in
            value.hasPrefix("#") ? "#" + prefix + value.dropFirst() : value
        })
        output = output.replacingOccurrences(of: "url(#", with: "url(#" + prefix)
        return output
    }

    /// Applies `transform` to the value of every `marker"value"` or `marker'value'`.
    private static func replacingQuotedValues(in text: String, after marker: String, transform: (String) -> String) -> String {
        var output = ""
        var rest = Substring(text)
        while let range = rest.range(of: marker) {
            output += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let body = rest.dropFirst()
            guard let end = body.firstIndex(of: quote) else { continue }
            output += String(quote) + transform(String(body[..<end])) + String(quote)
            rest = body[body.index(after: end)...]
        }
        return output + rest
    }

    /// Letters, digits, "-" and "_" only, so that the prefix is a valid id start.
    private static func sanitized(_ text: String) -> String {
        let cleaned = String(text.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return "chart-" + cleaned
    }
}
