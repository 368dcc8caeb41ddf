/// Text made safe inside XML (and so inside SVG inlined in HTML).
public enum XMLText {
    /// `text` with &, <, >, " and ' replaced by entities, usable both as element content and
    /// as a quoted attribute value. Characters XML 1.0 forbids (C0 controls other than tab,
    /// line feed and carriage return, and U+FFFE/U+FFFF) become U+FFFD, so a label read from
    /// a CSV file can never make the document ill-formed.
    public static func escaped(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    escaped += "\u{FFFD}"
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
