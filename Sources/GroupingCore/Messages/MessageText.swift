/// The one place that keeps user-facing messages short and on one line.
///
/// The rules (issue 16): a message is at most 2 lines of at most 300 characters; newlines,
/// tabs and other control characters coming from the input are shown escaped (`\n`, `\t`,
/// `\u{1B}`); long lists are cut with a count ("214,000 columns, starting: a, b, c, …").
/// Every message this tool prints is built from these helpers, so the rules hold wherever
/// the text comes from: a CSV cell, a header, a YAML line, a file path.
///
/// Lengths are counted in Unicode scalars, which is never fewer than the characters a
/// terminal shows, so a message within the limit in scalars is within it on screen.
public enum MessageText {
    /// Most characters on one line of a message.
    public static let lineLimit = 300
    /// Most characters of one quoted piece of input (a cell, a column name) in a message.
    public static let pieceLimit = 60
    /// Most items of a list shown before it is cut.
    public static let listLimit = 5

    /// `text` with control characters escaped (Swift's spelling: `\n`, `\r`, `\t`, `\u{7F}`).
    ///
    /// Escapes C0 controls, DEL, C1 controls and the Unicode line and paragraph separators,
    /// everything that could break a line or move the cursor. A backslash is left as it is,
    /// so escaping twice changes nothing.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    /// True for a scalar that must not appear raw in a message.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || v == 0x2028 || v == 0x2029
    }

    /// `text` cut to at most `limit` scalars, ending in "…" when something was cut.
    public static func cut(_ text: String, to limit: Int) -> String {
        let scalars = text.unicodeScalars
        guard scalars.count > limit else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars.prefix(Swift.max(0, limit - 1)))
        result.append("…")
        return String(result)
    }

    /// One line: escaped, then cut to the line limit.
    public static func line(_ text: String, limit: Int = lineLimit) -> String {
        cut(escaped(text), to: limit)
    }

    /// A piece of input for a message, escaped and cut, without quotes.
    public static func piece(_ text: String, limit: Int = pieceLimit) -> String {
        cut(escaped(text), to: limit)
    }

    /// A piece of input in double quotes: `"12abc"`.
    public static func quoted(_ text: String, limit: Int = pieceLimit) -> String {
        "\"" + piece(text, limit: limit) + "\""
    }

    /// The first items of a list, each a `piece`, with "…" when there are more:
    /// `a, b, c, d, e, …`.
    public static func list(_ items: some Collection<String>, limit: Int = listLimit) -> String {
        let shown = items.prefix(limit).map { piece($0, limit: 40) }
        return shown.joined(separator: ", ") + (items.count > limit ? ", …" : "")
    }

    /// A whole number with thousands separators, as messages print counts: `214,000`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// Whether `message` keeps the rules: at most 2 lines, each at most `lineLimit`
    /// scalars, and no control character but the line break between them. The fuzz
    /// harness and the tests check every message with it.
    public static func keepsTheRules(_ message: String) -> Bool {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count <= 2 else { return false }
        return lines.allSatisfy { line in
            line.unicodeScalars.count <= lineLimit && !line.unicodeScalars.contains(where: needsEscape)
        }
    }
}
