import Yams

/// A YAML syntax error as one short line: the file, line and column, the parser's reason
/// and the offending line, cut (`config.yml: line 3, column 9: mapping values are not
/// allowed in this context; the line: "  k: v: w"`).
///
/// Yams' own description spans three or four lines with a caret, and for a duplicate key
/// it echoes the whole mapping; none of that reaches the user.
enum YAMLErrorMessage {
    /// The offending line is cut to this many characters.
    static let lineExcerpt = 80

    static func inputError(_ error: Error, text: String, fileName: String) -> InputError {
        guard let yaml = error as? YamlError else {
            return InputError(
                file: fileName,
                message: "is not valid YAML: \(MessageText.piece(String(describing: error), limit: 200))")
        }
        switch yaml {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            return located(
                problem, context: context?.text, line: mark.line, column: mark.column, text: text, fileName: fileName)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = MessageText.list(duplicates.sorted().map { "`\($0)`" }, limit: 3)
            return located(
                "the key \(keys) is given twice in one mapping", context: nil, line: context.mark.line,
                column: context.mark.column, text: text, fileName: fileName)
        case .reader(let problem, _, _, _):
            return InputError(
                file: fileName, message: "cannot be read as text: \(MessageText.piece(problem, limit: 120))")
        case .dataCouldNotBeDecoded:
            return InputError(file: fileName, message: "is not UTF-8 text")
        default:
            return InputError(
                file: fileName, message: "is not valid YAML: \(MessageText.piece(yaml.description, limit: 120))")
        }
    }

    static func located(
        _ problem: String, context: String?, line: Int, column: Int, text: String, fileName: String
    ) -> InputError {
        var reason = MessageText.piece(problem, limit: 100)
        if let context, !context.isEmpty { reason += " (" + MessageText.piece(context, limit: 60) + ")" }
        let excerpt =
            offendingLine(line, in: text).map { "; the line: " + MessageText.quoted($0, limit: lineExcerpt) } ?? ""
        return InputError(file: fileName, message: "line \(line), column \(column): \(reason)\(excerpt)")
    }

    /// Line `number` (1-based) of `text`, without scanning past it.
    static func offendingLine(_ number: Int, in text: String) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return String(text[start..<index]) }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? String(text[start...]) : nil
    }
}
