/// Per-creator treatment-effect estimates: read from an ITE file or estimated from a panel.
public struct ITETable: Sendable {
    public var ids: [String]
    public var effectHat: [Double]
    public var se: [Double]
    /// The 1-based file row of each estimate (header = row 1), for messages.
    public var fileRows: [Int]
    /// The file the estimates came from, for messages.
    public var source: String

    public init(ids: [String], effectHat: [Double], se: [Double], fileRows: [Int], source: String) {
        self.ids = ids
        self.effectHat = effectHat
        self.se = se
        self.fileRows = fileRows
        self.source = source
    }

    /// Checks that every effect_hat and se lies within `NumericBounds`; `error` locates the
    /// first that does not (a file row, or a creator for estimated ITEs).
    public static func checkRange(
        effects: [Double], ses: [Double], error: (_ index: Int, _ column: String, _ message: String) -> InputError
    ) throws {
        for index in effects.indices {
            if !NumericBounds.isValue(effects[index]) {
                throw error(index, "effect_hat", "effect_hat \(effects[index]) \(NumericBounds.valueRange)")
            }
            if !NumericBounds.isScale(ses[index]) {
                throw error(index, "se", "se \(ses[index]) \(NumericBounds.scaleRange)")
            }
        }
    }

    /// Reads `<id>, effect_hat, se` from a CSV table.
    /// - Throws: `InputError` for a missing column, a missing or non-numeric effect_hat,
    ///   or an se that is missing, zero or negative (naming file, row and column).
    public init(table: CSVTable, idColumn: String) throws {
        let id = try table.columnIndex(idColumn)
        let effect = try table.columnIndex("effect_hat")
        let seColumn = try table.columnIndex("se")
        let effects = try table.numbers(effect)
        let ses = try table.numbers(seColumn)
        let ids = table.strings(id)
        var idList: [String] = []
        idList.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            guard let value = ids[row] else {
                throw InputError(file: table.fileName, row: row + 2, column: idColumn, message: "the id is empty")
            }
            idList.append(value)
            if effects[row].isMissing {
                throw InputError(
                    file: table.fileName, row: row + 2, column: "effect_hat", message: "effect_hat is missing")
            }
            if ses[row].isMissing {
                throw InputError(file: table.fileName, row: row + 2, column: "se", message: "se is missing")
            }
            if !(ses[row] > 0) {
                throw InputError(
                    file: table.fileName, row: row + 2, column: "se", message: "se must be positive, not \(ses[row])")
            }
        }
        try Self.checkRange(effects: effects, ses: ses) { row, column, message in
            InputError(file: table.fileName, row: row + 2, column: column, message: message)
        }
        self.init(
            ids: idList, effectHat: effects, se: ses, fileRows: (0..<table.rowCount).map { $0 + 2 },
            source: table.fileName)
    }
}
