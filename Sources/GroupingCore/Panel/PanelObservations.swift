/// The rollout panel as parsed columns: one entry per observation (creator × period).
///
/// Columnar so that a panel of millions of creators × tens of periods costs no
/// allocation per row: creators are integer codes into `creatorIDs`, numbers are plain
/// `Double` arrays. The file layer fills it; `ImputationEstimator` validates it and names
/// offending rows through `fileRow(_:)`.
///
/// Missing values follow the library's convention (`Double.missing`, NaN): a NaN
/// `outcome` or `period` is an error, a NaN `firstTreated` means "never treated".
public struct PanelObservations: Sendable {
    /// The distinct creator identifiers; `creatorCodes` index into this array.
    public var creatorIDs: [String]
    /// Per observation: the creator, as an index into `creatorIDs`.
    public var creatorCodes: [Int32]
    /// Per observation: the period. Must hold an integer (validated, by row).
    public var periods: [Double]
    /// Per observation: the outcome. Must be finite (NaN = missing is an error, by row).
    public var outcomes: [Double]
    /// Per observation: the creator's first treated period (an integer), NaN = never
    /// treated. Every row of a creator must carry the same value.
    public var firstTreated: [Double]
    /// Per observation: its 1-based row number in the file (header = row 1), for error
    /// messages. `nil` means the observations are the file's rows in order: row = index + 2.
    public var fileRows: [Int]?
    /// The column names as the user's file spells them, for error messages.
    public var columns: PanelColumnNames

    /// Creates a panel from parsed columns; all per-observation arrays must have the same
    /// length (checked by the estimator, which throws `PanelInputError` otherwise).
    public init(
        creatorIDs: [String], creatorCodes: [Int32], periods: [Double], outcomes: [Double],
        firstTreated: [Double], fileRows: [Int]? = nil, columns: PanelColumnNames = PanelColumnNames()
    ) {
        self.creatorIDs = creatorIDs
        self.creatorCodes = creatorCodes
        self.periods = periods
        self.outcomes = outcomes
        self.firstTreated = firstTreated
        self.fileRows = fileRows
        self.columns = columns
    }

    /// Number of observations.
    public var count: Int { creatorCodes.count }

    /// The 1-based file row of observation `index` (header = row 1).
    @inlinable
    public func fileRow(_ index: Int) -> Int {
        if let fileRows { return fileRows[index] }
        return index + 2
    }
}

/// The names of the panel's columns in the user's file (the config's `data.panel` keys),
/// used only to word error messages.
public struct PanelColumnNames: Sendable, Equatable {
    public var creator: String
    public var period: String
    public var outcome: String
    public var firstTreated: String

    public init(
        creator: String = "creator_id", period: String = "period", outcome: String = "outcome",
        firstTreated: String = "first_treated"
    ) {
        self.creator = creator
        self.period = period
        self.outcome = outcome
        self.firstTreated = firstTreated
    }
}
