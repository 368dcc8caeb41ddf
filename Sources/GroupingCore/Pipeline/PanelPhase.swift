/// Reads `data.panel` and estimates the ITEs with the imputation estimator, so that they
/// flow into every later phase exactly as an `ites` file would.
public enum PanelPhase {
    public struct Estimated: Sendable {
        public var ites: ITETable
        public var summary: PanelEstimation
        public var dropped: [DropCount]
        public var estimate: PanelEstimate
    }

    /// - Throws: `InputError` naming the panel file, its rows and column for bad input.
    public static func estimate(_ table: CSVTable, config: PanelConfig, idColumn: String) throws -> Estimated {
        let idIndex = try table.columnIndex(idColumn, key: "data.id")
        let periods = try table.numbers(try table.columnIndex(config.period, key: "data.panel.period"))
        let outcomes = try table.numbers(try table.columnIndex(config.outcome, key: "data.panel.outcome"))
        let firstTreated = try table.numbers(
            try table.columnIndex(config.firstTreated, key: "data.panel.first_treated"))
        if let row = outcomes.firstIndex(where: { !$0.isNaN && !NumericBounds.isValue($0) }) {
            throw InputError(
                file: table.fileName, row: row + 2, column: config.outcome, key: "data.panel.outcome",
                message: "\(outcomes[row]) \(NumericBounds.valueRange)")
        }
        let ids = table.strings(idIndex)
        var interner = CodeInterner<String>()
        var codes = [Int32](repeating: 0, count: table.rowCount)
        for (row, id) in ids.enumerated() {
            guard let id else {
                throw InputError(file: table.fileName, row: row + 2, column: idColumn, message: "the id is empty")
            }
            codes[row] = interner.code(for: id)
        }
        let creatorIDs = interner.keys
        let observations = PanelObservations(
            creatorIDs: creatorIDs, creatorCodes: codes, periods: periods, outcomes: outcomes,
            firstTreated: firstTreated,
            columns: PanelColumnNames(
                creator: idColumn, period: config.period, outcome: config.outcome, firstTreated: config.firstTreated))
        let estimate: PanelEstimate
        do {
            estimate = try ImputationEstimator.estimate(
                observations,
                settings: ImputationSettings(eventWindow: config.window, seMultiplier: config.seMultiplier))
        } catch let error as PanelInputError where error.kind == .invalidSettings {
            throw InputError(file: table.fileName, key: "data.panel.\(error.column)", message: error.message)
        } catch let error as PanelInputError {
            throw InputError(file: table.fileName, message: error.description)
        }
        try ITETable.checkRange(effects: estimate.effectHat, ses: estimate.se) { index, column, message in
            InputError(
                file: table.fileName, column: column,
                message: "the estimate for creator \(MessageText.quoted(estimate.creatorIDs[index])): \(message)")
        }
        let ites = ITETable(
            ids: estimate.creatorIDs, effectHat: estimate.effectHat, se: estimate.se,
            fileRows: Array(repeating: 0, count: estimate.creatorIDs.count), source: "\(table.fileName) (estimated)")
        let dropped = estimate.dropped.map { DropCount(reason: "panel: \($0.reason)", count: $0.count) }
        return Estimated(ites: ites, summary: estimate.panelEstimation(), dropped: dropped, estimate: estimate)
    }
}
