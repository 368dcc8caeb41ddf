/// Prepares Cairo's SVG documents for inlining in HTML: unique ids, no XML declaration, an
/// accessible title.
///
/// Makes the ids in an SVG document unique so several can be inlined in one HTML page.
///
/// Cairo names its definitions `glyph0-1`, `clip1`, `surface5`…, the same in every file;
/// inlined together, references would resolve to another chart's glyphs. This rewrites
/// every `id="…"`, `href="#…"` (also `xlink:href`, and either quote) and `url(#…)` with a
/// prefix.
public enum SVGIdPrefixer {
    /// - Parameters:
    ///   - svg: the SVG text.
    ///   - prefix: prepended to each id, e.g. "chart3-" (letters, digits, "-", "_").
    /// - Returns: the SVG with every id and id reference prefixed.
    /// - Complexity: O(n).
    public static func prefixIds(in svg: String, with prefix: String) -> String {
        // One pass over the UTF-8 bytes: after each marker (all ASCII, so never inside a
        // multi-byte character), the prefix is inserted.
        let markers: [[UInt8]] = [" id=\"", " id='", "href=\"#", "href='#", "url(#"].map { Array($0.utf8) }
        let insert = Array(prefix.utf8)
        var output: [UInt8] = []
        var source = Array(svg.utf8)
        output.reserveCapacity(source.count + source.count / 20)
        source.withUnsafeMutableBufferPointer { bytes in
            var i = 0
            let n = bytes.count
            scan: while i < n {
                let byte = bytes[i]
                if byte == 0x20 || byte == UInt8(ascii: "h") || byte == UInt8(ascii: "u") {
                    for marker in markers where marker[0] == byte && i + marker.count <= n {
                        var matches = true
                        for k in 1..<marker.count where bytes[i + k] != marker[k] {
                            matches = false
                            break
                        }
                        if matches {
                            output.append(contentsOf: marker)
                            output.append(contentsOf: insert)
                            i += marker.count
                            continue scan
                        }
                    }
                }
                output.append(byte)
                i += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The SVG without its `<?xml …?>` declaration, ready to be placed inside HTML.
    public static func strippingXMLDeclaration(_ svg: String) -> String {
        guard svg.hasPrefix("<?xml"), let end = svg.range(of: "?>") else { return svg }
        return String(svg[end.upperBound...].drop { $0 == "\n" || $0 == "\r" })
    }

    /// Labels the SVG for assistive technology: `role="img"`, an `aria-label` and a
    /// `<title>` with `title` (XML-escaped), so an inlined chart is announced by its title.
    public static func addingAccessibleTitle(_ title: String, to svg: String) -> String {
        guard let open = svg.range(of: "<svg"), let close = svg[open.upperBound...].firstIndex(of: ">") else {
            return svg
        }
        let escaped = xmlEscaped(title)
        var result = String(svg[..<close])
        result += " role=\"img\" aria-label=\"\(escaped)\">\n<title>\(escaped)</title>"
        result += svg[svg.index(after: close)...]
        return result
    }

    /// `text` with &, <, >, " and ' replaced by entities.
    public static func xmlEscaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
