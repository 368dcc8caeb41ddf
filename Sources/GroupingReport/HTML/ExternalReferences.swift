import Foundation

/// Finds references in HTML that would make a browser fetch something: `src`, `srcset`,
/// `href`, `poster`, `data` and `action` attribute values and CSS `url(...)` that are not
/// same-document anchors (`#…`) or `data:` URIs, and any CSS `@import`.
///
/// The report must be one self-contained file; tests and the executable can check with this.
public enum ExternalReferences {
    /// The offending reference values, attributes first, then CSS (empty for a self-contained page).
    public static func find(in html: String) -> [String] {
        var found: [String] = []
        let text = Substring(html)
        for attribute in ["src", "srcset", "href", "xlink:href", "poster", "data", "action"] {
            found += attributeValues(named: attribute, in: text)
        }
        found += cssURLs(in: text)
        found = found.filter { value in
            let trimmed = value.trimmingCharacters(in: .whitespaces).lowercased()
            return !(trimmed.hasPrefix("#") || trimmed.hasPrefix("data:"))
        }
        if html.lowercased().contains("@import") { found.append("@import") }
        return found
    }

    /// Values of `name=` attributes, quoted with " or ' or unquoted.
    private static func attributeValues(named name: String, in text: Substring) -> [String] {
        var values: [String] = []
        let lowered = text.lowercased()
        var searchStart = lowered.startIndex
        while let range = lowered.range(of: name + "=", range: searchStart..<lowered.endIndex) {
            searchStart = range.upperBound
            // Only whole attribute names: preceded by whitespace.
            if range.lowerBound > lowered.startIndex {
                let before = lowered[lowered.index(before: range.lowerBound)]
                guard before == " " || before == "\n" || before == "\t" else { continue }
            }
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            let valueStart = text.index(text.startIndex, offsetBy: offset)
            values.append(readValue(text[valueStart...]))
        }
        return values
    }

    private static func readValue(_ text: Substring) -> String {
        guard let first = text.first else { return "" }
        if first == "\"" || first == "'" {
            let body = text.dropFirst()
            return String(body.prefix { $0 != first })
        }
        return String(text.prefix { !$0.isWhitespace && $0 != ">" })
    }

    /// Arguments of CSS `url(...)`, without quotes.
    private static func cssURLs(in text: Substring) -> [String] {
        var values: [String] = []
        let lowered = text.lowercased()
        var searchStart = lowered.startIndex
        while let range = lowered.range(of: "url(", range: searchStart..<lowered.endIndex) {
            searchStart = range.upperBound
            let offset = lowered.distance(from: lowered.startIndex, to: range.upperBound)
            let start = text.index(text.startIndex, offsetBy: offset)
            var value = String(text[start...].prefix { $0 != ")" })
            value = value.trimmingCharacters(in: .whitespaces)
            if let quote = value.first, quote == "\"" || quote == "'" {
                value = String(value.dropFirst().prefix { $0 != quote })
            }
            values.append(value)
        }
        return values
    }
}
