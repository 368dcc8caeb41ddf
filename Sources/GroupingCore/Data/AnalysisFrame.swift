/// The rows every phase analyses: creators joined with their ITEs (when given) and truth,
/// with the outcome that Phases 1 and 3 describe.
///
/// Join rules (counted under `input.dropped`, never silent):
/// - with ITEs, a creator without an ITE and an ITE without a creator row are dropped;
/// - with the lift outcome, rows whose `pre` is 0 or whose pre or post is missing are dropped;
/// - with a column outcome, rows where it is missing are dropped.
/// A duplicate id in any table is an error naming both rows.
public struct AnalysisFrame: Sendable {
    /// The creators table, for candidate columns.
    public let creators: CSVTable
    /// For each analysed row, its row index (0-based data row) in `creators`.
    public let creatorRows: [Int]
    public let ids: [String]
    public let outcome: [Double]
    /// ITE point estimates and standard errors, aligned with the rows; nil without ITEs.
    public let effectHat: [Double]?
    public let se: [Double]?
    /// True effects where truth was given (NaN where a creator has none); nil without truth.
    public let truth: [Double]?
    public private(set) var summary: InputSummary
    public let outcomeInfo: OutcomeInfo

    public var rowCount: Int { creatorRows.count }

    /// Joins the tables.
    /// - Parameters:
    ///   - creators: the creators table.
    ///   - idColumn: the id column's name (`data.id`).
    ///   - ites: the ITEs, or nil.
    ///   - truth: the truth table (`<id>, true_effect`), or nil.
    ///   - outcome: what Phases 1 and 3 describe.
    public init(
        creators: CSVTable, idColumn: String, ites: ITETable?, truth: CSVTable?, outcome: OutcomeSpec
    ) throws {
        self.creators = creators
        guard creators.rowCount > 0 else {
            throw InputError(file: creators.fileName, message: "has a header but no data rows")
        }
        let idIndex = try creators.columnIndex(idColumn, key: "data.id")
        let creatorIDs = creators.strings(idIndex)
        var rowOfID: [String: Int] = [:]
        rowOfID.reserveCapacity(creators.rowCount)
        for (row, id) in creatorIDs.enumerated() {
            guard let id else {
                throw InputError(file: creators.fileName, row: row + 2, column: idColumn, message: "the id is empty")
            }
            if let first = rowOfID.updateValue(row, forKey: id) {
                throw InputError(
                    file: creators.fileName, row: row + 2, column: idColumn,
                    message: "duplicate id \(MessageText.quoted(id)) (also on row \(first + 2))")
            }
        }
        var summary = InputSummary()
        summary.creators = creators.rowCount
        var dropped: [DropCount] = []

        // Join with the ITEs.
        var rows: [Int]
        var effect: [Double]? = nil
        var se: [Double]? = nil
        if let ites {
            summary.ites = ites.ids.count
            var iteOfRow = [Int](repeating: -1, count: creators.rowCount)
            var seenITE: [String: Int] = [:]
            var withoutCreator = 0
            for (index, id) in ites.ids.enumerated() {
                if let first = seenITE.updateValue(index, forKey: id) {
                    throw InputError(
                        file: ites.source, row: ites.fileRows[index], column: idColumn,
                        message: "duplicate id \(MessageText.quoted(id)) (also on row \(ites.fileRows[first]))")
                }
                if let row = rowOfID[id] { iteOfRow[row] = index } else { withoutCreator += 1 }
            }
            rows = []
            rows.reserveCapacity(min(creators.rowCount, ites.ids.count))
            var e: [Double] = []
            var s: [Double] = []
            for row in 0..<creators.rowCount where iteOfRow[row] >= 0 {
                rows.append(row)
                e.append(ites.effectHat[iteOfRow[row]])
                s.append(ites.se[iteOfRow[row]])
            }
            let withoutITE = creators.rowCount - rows.count
            if withoutITE > 0 { dropped.append(DropCount(reason: "creator without an ITE", count: withoutITE)) }
            if withoutCreator > 0 {
                dropped.append(DropCount(reason: "ITE without a creator row", count: withoutCreator))
            }
            effect = e
            se = s
        } else {
            rows = Array(0..<creators.rowCount)
        }

        // The outcome.
        var outcomeValues: [Double]
        var keep = [Bool](repeating: true, count: rows.count)
        var info = OutcomeInfo()
        switch outcome {
        case .effectHat:
            guard let effect else {
                throw InputError(
                    key: "outcome",
                    message:
                        "without ITEs (data.ites or data.panel) the outcome must be given: outcome.pre and outcome.post, or outcome.column"
                )
            }
            outcomeValues = effect
            info.kind = "effect_hat"
            info.description = "effect_hat (the ITE point estimates)"
        case .column(let name):
            let values = try creators.numbers(try creators.columnIndex(name, key: "outcome.column"))
            outcomeValues = rows.map { values[$0] }
            var missing = 0
            for i in 0..<rows.count where outcomeValues[i].isMissing {
                keep[i] = false
                missing += 1
            }
            if missing > 0 { dropped.append(DropCount(reason: "outcome \(name) missing", count: missing)) }
            info.kind = "column"
            info.description = name
        case .lift(let preName, let postName):
            let pre = try creators.numbers(try creators.columnIndex(preName, key: "outcome.pre"))
            let post = try creators.numbers(try creators.columnIndex(postName, key: "outcome.post"))
            outcomeValues = [Double](repeating: .nan, count: rows.count)
            var missing = 0
            var zero = 0
            for (i, row) in rows.enumerated() {
                if pre[row].isMissing || post[row].isMissing {
                    keep[i] = false
                    missing += 1
                } else if pre[row] == 0 {
                    keep[i] = false
                    zero += 1
                } else {
                    outcomeValues[i] = (post[row] - pre[row]) / pre[row]
                }
            }
            if missing > 0 { dropped.append(DropCount(reason: "\(preName) or \(postName) missing", count: missing)) }
            if zero > 0 { dropped.append(DropCount(reason: "\(preName) = 0 (lift undefined)", count: zero)) }
            info.kind = "lift"
            info.description = "lift = (\(postName) − \(preName)) / \(preName)"
        }
        if keep.contains(false) {
            let kept = keep.indices.filter { keep[$0] }
            rows = kept.map { rows[$0] }
            outcomeValues = kept.map { outcomeValues[$0] }
            effect = effect.map { e in kept.map { e[$0] } }
            se = se.map { s in kept.map { s[$0] } }
        }
        guard !rows.isEmpty else {
            throw InputError(
                file: creators.fileName,
                message:
                    "no creator is left to analyse after joining and dropping (\(dropped.map { "\($0.reason): \($0.count)" }.joined(separator: "; ")))"
            )
        }

        // Truth, for the coverage check.
        var truthValues: [Double]? = nil
        if let truth {
            let byID = try Self.trueEffects(truth, idColumn: idColumn)
            truthValues = rows.map { byID[creatorIDs[$0]!] ?? .nan }
        }

        summary.matched = rows.count
        summary.dropped = dropped
        self.creatorRows = rows
        self.ids = rows.map { creatorIDs[$0]! }
        self.outcome = outcomeValues
        self.effectHat = effect
        self.se = se
        self.truth = truthValues
        self.summary = summary
        self.outcomeInfo = info
    }

    /// The true effects of a truth table (`<id>, true_effect`) by creator id.
    /// - Throws: `InputError` for a missing column, a non-numeric cell or a duplicate id.
    public static func trueEffects(_ truth: CSVTable, idColumn: String) throws -> [String: Double] {
        let ids = truth.strings(try truth.columnIndex(idColumn, key: "data.id"))
        let values = try truth.numbers(try truth.columnIndex("true_effect"))
        var byID: [String: Double] = [:]
        var rowOf: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            guard let id else { continue }
            if let first = rowOf.updateValue(index, forKey: id) {
                throw InputError(
                    file: truth.fileName, row: index + 2, column: idColumn,
                    message: "duplicate id \(MessageText.quoted(id)) (also on row \(first + 2))")
            }
            if !values[index].isMissing { byID[id] = values[index] }
        }
        return byID
    }

    /// The same frame with more rows counted as dropped (e.g. by the panel estimator).
    public func addingDropped(_ more: [DropCount]) -> AnalysisFrame {
        var copy = self
        copy.summary.dropped += more
        return copy
    }

    /// A numeric column of the creators table, aligned with the analysed rows (NaN = missing).
    public func numericColumn(_ name: String, key: String) throws -> [Double] {
        let values = try creators.numbers(try creators.columnIndex(name, key: key))
        return creatorRows.map { values[$0] }
    }

    /// A text column of the creators table, aligned with the analysed rows (nil = missing).
    public func textColumn(_ name: String, key: String) throws -> [String?] {
        let values = creators.strings(try creators.columnIndex(name, key: key))
        return creatorRows.map { values[$0] }
    }
}
