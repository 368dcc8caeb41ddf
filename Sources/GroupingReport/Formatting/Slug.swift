/// Names made safe for file names and HTML ids, from candidate names such as
/// `genre × arpu/Q1`. The one home of the slug; two forms, because chart files and section
/// anchors were published with different conventions and links to them must keep working.
enum Slug {
    /// For chart file names and SVG id prefixes: ASCII letters, digits, `-` and `_` kept,
    /// anything else `_`; `candidate` for an empty name (`genre × arpu/Q1` → `genre___arpu_Q1`).
    static func fileName(_ name: String) -> String {
        let mapped = name.unicodeScalars.map { scalar -> Character in
            (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "-"
                || scalar == "_"
                ? Character(scalar) : "_"
        }
        let slug = String(mapped)
        return slug.isEmpty ? "candidate" : slug
    }

    /// For section anchors: lower case, letters and digits kept, every other run of
    /// characters one `-`, none at the ends (`genre x arpu` → `genre-x-arpu`).
    static func anchor(_ text: String) -> String {
        let lowered = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        return String(lowered).split(separator: "-").joined(separator: "-")
    }
}
