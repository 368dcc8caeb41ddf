import TestSupport
import XCTest

@testable import GroupingCore

/// Bad input gives typed errors naming the file rows (1-based, header = row 1) and the column.
final class PanelInputErrorTests: XCTestCase {
    private let columns = PanelColumnNames(
        creator: "creator_id", period: "week", outcome: "revenue", firstTreated: "launch_week")

    /// Three creators × periods 1…3; creator 1 first treated in 3.
    private func panel() -> PanelObservations {
        var codes: [Int32] = []
        var periods: [Double] = []
        var outcomes: [Double] = []
        var first: [Double] = []
        for i in 0..<3 {
            for t in 1...3 {
                codes.append(Int32(i))
                periods.append(Double(t))
                outcomes.append(Double(i * 10 + t))
                first.append(i == 1 ? 3 : .missing)
            }
        }
        return PanelObservations(
            creatorIDs: ["a", "b", "c"], creatorCodes: codes, periods: periods, outcomes: outcomes,
            firstTreated: first, columns: columns)
    }

    private func error(_ panel: PanelObservations, settings: ImputationSettings = ImputationSettings())
        -> PanelInputError?
    {
        do {
            _ = try ImputationEstimator.estimate(panel, settings: settings)
            XCTFail("expected an error")
            return nil
        } catch {
            return error as? PanelInputError
        }
    }

    func testValidPanelEstimates() throws {
        let estimate = try ImputationEstimator.estimate(panel())
        XCTAssertEqual(estimate.creatorIDs, ["b"])
    }

    func testConflictingFirstTreatedNamesBothRows() {
        var p = panel()
        p.firstTreated[4] = 2  // creator b, observation 4 (file row 6); its first row is 5
        let e = error(p)
        XCTAssertEqual(e?.kind, .conflictingFirstTreated)
        XCTAssertEqual(e?.rows, [5, 6])
        XCTAssertEqual(e?.column, "launch_week")
        XCTAssertEqual(
            e?.description,
            "rows 5, 6, column launch_week: creator 'b' has two different first treated periods: 3 on row 5 and 2 on row 6"
        )
    }

    func testConflictBetweenEmptyAndValue() {
        var p = panel()
        p.firstTreated[8] = 2  // creator c was never treated on its other rows
        let e = error(p)
        XCTAssertEqual(e?.kind, .conflictingFirstTreated)
        XCTAssertEqual(e?.rows, [8, 10])
        XCTAssertTrue(e?.message.contains("empty on row 8 and 2 on row 10") ?? false, e?.message ?? "")
    }

    func testDuplicateCreatorPeriodNamesBothRows() {
        var p = panel()
        p.periods[7] = 1  // creator c: period 1 on observations 6 and 7 (rows 8 and 9)
        let e = error(p)
        XCTAssertEqual(e?.kind, .duplicateObservation)
        XCTAssertEqual(e?.rows, [8, 9])
        XCTAssertEqual(e?.column, "week")
        XCTAssertEqual(e?.message, "creator 'c' has period 1 on rows 8 and 9")
    }

    func testDuplicateCountsRowsInvolved() {
        var p = panel()
        p.periods[1] = 1  // creator a: period 1 three times (rows 2, 3, 4)
        p.periods[2] = 1
        p.periods[5] = 2  // creator b: period 2 twice (rows 6, 7)
        let e = error(p)
        XCTAssertEqual(e?.rows, [2, 3, 4, 6, 7])
        XCTAssertEqual(e?.affectedRows, 5)
        XCTAssertEqual(
            e?.message, "creator 'a' has period 1 on rows 2 and 3 (5 rows with a duplicate (creator, period) in all)")
    }

    func testDuplicatesUseTheGivenFileRows() {
        var p = panel()
        p.periods[1] = 1
        p.fileRows = (0..<9).map { 100 + 3 * $0 }
        let e = error(p)
        XCTAssertEqual(e?.rows, [100, 103])
    }

    func testNonIntegerPeriod() {
        var p = panel()
        p.periods[2] = 2.5
        p.periods[5] = 1e300
        let e = error(p)
        XCTAssertEqual(e?.kind, .nonIntegerPeriod)
        XCTAssertEqual(e?.rows, [4, 7])
        XCTAssertEqual(e?.column, "week")
        XCTAssertEqual(e?.description, "rows 4, 7, column week: period is not an integer")
    }

    func testMissingPeriod() {
        var p = panel()
        p.periods[0] = .missing
        let e = error(p)
        XCTAssertEqual(e?.kind, .missingPeriod)
        XCTAssertEqual(e?.rows, [2])
    }

    func testNonIntegerFirstTreated() {
        var p = panel()
        p.firstTreated[3] = 2.5
        let e = error(p)
        XCTAssertEqual(e?.kind, .nonIntegerFirstTreated)
        XCTAssertEqual(e?.rows, [5])
        XCTAssertEqual(e?.column, "launch_week")
    }

    func testMissingOutcome() {
        var p = panel()
        p.outcomes[1] = .missing
        p.outcomes[8] = .missing
        let e = error(p)
        XCTAssertEqual(e?.kind, .missingOutcome)
        XCTAssertEqual(e?.rows, [3, 10])
        XCTAssertEqual(e?.column, "revenue")
        XCTAssertEqual(e?.description, "rows 3, 10, column revenue: missing outcome")
    }

    func testInfiniteOutcome() {
        var p = panel()
        p.outcomes[4] = .infinity
        let e = error(p)
        XCTAssertEqual(e?.kind, .nonFiniteOutcome)
        XCTAssertEqual(e?.rows, [6])
    }

    func testManyBadRowsAreCappedAndCounted() {
        var p = panel()
        var codes: [Int32] = []
        for k in 0..<30 {
            codes.append(Int32(k % 3))
        }
        p = PanelObservations(
            creatorIDs: ["a", "b", "c"], creatorCodes: codes, periods: [Double](repeating: 1.5, count: 30),
            outcomes: [Double](repeating: 0, count: 30), firstTreated: [Double](repeating: .missing, count: 30))
        let e = error(p)
        XCTAssertEqual(e?.rows, Array(2...11))
        XCTAssertEqual(e?.affectedRows, 30)
        XCTAssertEqual(e?.column, "period")
        XCTAssertTrue(
            e?.description.hasPrefix("rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 (and 20 more), column period") ?? false)
    }

    func testColumnLengthsAndCodes() {
        var p = panel()
        p.outcomes.removeLast()
        XCTAssertEqual(error(p)?.kind, .malformedColumns)
        p = panel()
        p.creatorCodes[3] = 7
        let e = error(p)
        XCTAssertEqual(e?.kind, .malformedColumns)
        XCTAssertEqual(e?.rows, [5])
        XCTAssertEqual(e?.column, "creator_id")
    }

    func testInvalidSettings() {
        XCTAssertEqual(error(panel(), settings: ImputationSettings(eventWindow: -2...3))?.column, "window")
        XCTAssertEqual(error(panel(), settings: ImputationSettings(seMultiplier: 0))?.column, "se_multiplier")
        XCTAssertEqual(error(panel(), settings: ImputationSettings(seMultiplier: .nan))?.kind, .invalidSettings)
    }

    func testEmptyPanelThrows() {
        let p = PanelObservations(creatorIDs: [], creatorCodes: [], periods: [], outcomes: [], firstTreated: [])
        XCTAssertEqual(error(p)?.kind, .nothingEstimable)
    }
}
