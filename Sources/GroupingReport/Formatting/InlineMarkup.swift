/// The one piece of inline markup report text may carry: `backticks` for code (config keys,
/// column names). HTML turns it into `<code>`, the PDF drops the backticks.
enum InlineMarkup {
    /// Escapes `text` for HTML and turns `code` spans into `<code>` elements.
    static func html(_ text: String) -> String {
        var output = ""
        var inCode = false
        for character in text {
            if character == "`" {
                output += inCode ? "</code>" : "<code>"
                inCode.toggle()
            } else {
                output += escapeHTML(character)
            }
        }
        if inCode { output += "</code>" }
        return output
    }

    /// The text without markup, for the PDF.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "`", with: "")
    }

    /// Escapes the five characters that are special in HTML text and attribute values.
    static func escapeHTML(_ text: String) -> String {
        text.map(escapeHTML).joined()
    }

    private static func escapeHTML(_ character: Character) -> String {
        switch character {
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "&": return "&amp;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        default: return String(character)
        }
    }
}
