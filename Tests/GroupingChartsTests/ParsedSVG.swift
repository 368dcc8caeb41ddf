import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An SVG document parsed by Foundation's XML parser (so a test fails on markup that is not
/// well-formed): its elements in document order with their attributes and text.
struct ParsedSVG {
    struct Element {
        var name: String
        var attributes: [String: String]
        /// The character data directly inside the element (entities resolved).
        var text: String
    }

    var elements: [Element] = []

    /// Nil when `markup` is not well-formed XML.
    init?(_ markup: String) {
        self.init(Array(markup.utf8))
    }

    init?(_ bytes: [UInt8]) {
        let parser = XMLParser(data: Data(bytes))
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse() else { return nil }
        elements = delegate.elements
    }

    func all(_ name: String) -> [Element] { elements.filter { $0.name == name } }

    /// Every `<text>`'s content, in drawing order.
    var texts: [String] { all("text").map(\.text) }

    var ids: [String] { elements.compactMap { $0.attributes["id"] } }

    /// Every id referenced as `url(#…)` or `href="#…"`, and by ARIA attributes.
    var references: [String] {
        elements.flatMap { element -> [String] in
            var found: [String] = []
            for (key, value) in element.attributes {
                if value.hasPrefix("url(#"), value.hasSuffix(")") {
                    found.append(String(value.dropFirst(5).dropLast()))
                }
                if key.hasSuffix("href"), value.hasPrefix("#") { found.append(String(value.dropFirst())) }
                if key == "aria-labelledby" || key == "aria-describedby" {
                    found += value.split(separator: " ").map(String.init)
                }
            }
            return found
        }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: name, attributes: attributes, text: ""))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let current = open.last else { return }
            elements[current].text += string
        }

        func parser(
            _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
        ) {
            open.removeLast()
        }
    }
}
