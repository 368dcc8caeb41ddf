/// A problem with the panel input, naming the file rows and the column at fault.
///
/// Rows are 1-based file rows (header = row 1), taken from `PanelObservations.fileRow`.
/// At most `PanelInputError.rowLimit` rows are listed; `affectedRows` counts them all.
/// The integrator prefixes the file name when printing `description`.
public struct PanelInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The per-observation columns differ in length, or a creator code is out of range.
        case malformedColumns
        case missingOutcome
        case nonFiniteOutcome
        case missingPeriod
        case nonIntegerPeriod
        case nonIntegerFirstTreated
        /// One creator's rows carry two different first treated periods.
        case conflictingFirstTreated
        /// The same (creator, period) pair appears on two rows.
        case duplicateObservation
        /// The settings are unusable (event window below 0, multiplier not > 0).
        case invalidSettings
        /// No creator's effect can be estimated (every treated creator was dropped).
        case nothingEstimable
    }

    /// At most this many rows are listed in `rows`.
    public static let rowLimit = 10

    public var kind: Kind
    /// The offending file rows (1-based, header = row 1), at most `rowLimit` of them.
    public var rows: [Int]
    /// How many rows have this problem in all (≥ `rows.count`).
    public var affectedRows: Int
    /// The column (as named in the user's file) or setting at fault.
    public var column: String
    /// What is wrong, in words.
    public var message: String

    public init(kind: Kind, rows: [Int], affectedRows: Int? = nil, column: String, message: String) {
        self.kind = kind
        self.rows = Array(rows.prefix(Self.rowLimit))
        self.affectedRows = affectedRows ?? rows.count
        self.column = column
        self.message = message
    }

    /// "row 5, column first_treated: …" or "rows 5, 9 (and 3 more), column …: …".
    public var description: String {
        var location = ""
        if !rows.isEmpty {
            location = (rows.count == 1 ? "row " : "rows ") + rows.map(String.init).joined(separator: ", ")
            if affectedRows > rows.count { location += " (and \(affectedRows - rows.count) more)" }
            location += ", "
        }
        return "\(location)column \(column): \(message)"
    }
}

extension PanelInputError {
    /// Collects offending rows while scanning: the first `rowLimit` and a total count.
    struct RowCollector {
        private(set) var rows: [Int] = []
        private(set) var count = 0

        var isEmpty: Bool { count == 0 }

        mutating func add(_ row: Int) {
            if rows.count < PanelInputError.rowLimit { rows.append(row) }
            count += 1
        }

        func error(_ kind: Kind, column: String, message: String) -> PanelInputError {
            PanelInputError(kind: kind, rows: rows, affectedRows: count, column: column, message: message)
        }
    }
}
