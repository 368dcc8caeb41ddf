/// An input problem that the user must fix, described well enough to fix it: the file,
/// the 1-based row (the header is row 1) and the column, or the config key's path.
public struct InputError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String?
    public var row: Int?
    public var column: String?
    /// A config key's path such as `candidates[2].quantiles`.
    public var key: String?
    public var message: String

    public init(file: String? = nil, row: Int? = nil, column: String? = nil, key: String? = nil, message: String) {
        self.file = file
        self.row = row
        self.column = column
        self.key = key
        self.message = message
    }

    /// One line: `creators.csv, row 17, column "arpu": "12abc" is not a number`.
    ///
    /// Whatever the parts hold (a file name with a newline, a 10,000-character column
    /// name), the line is escaped and cut by `MessageText`, to `descriptionLimit`
    /// characters, which leaves room for the executable's `grouping-report: error: `.
    public var description: String {
        var place: [String] = []
        if let file { place.append(MessageText.piece(file, limit: 120)) }
        if let row { place.append("row \(row)") }
        if let column { place.append("column " + MessageText.quoted(column)) }
        if let key { place.append("key " + MessageText.piece(key, limit: 80)) }
        let text = place.isEmpty ? message : place.joined(separator: ", ") + ": " + message
        return MessageText.line(text, limit: Self.descriptionLimit)
    }

    /// Most characters of `description`.
    public static let descriptionLimit = MessageText.lineLimit - 30
}
