import GroupingCore
import TestSupport
import XCTest

final class AnalysisFrameTests: XCTestCase {
    func table(_ name: String, _ text: String) throws -> CSVTable {
        try CSVTable(bytes: Array(text.utf8), fileName: name)
    }

    let creators = """
        creator_id,genre,revenue_pre,revenue_post,score
        a,X,100,110,1
        b,Y,0,5,2
        c,X,50,,3
        d,Y,200,150,
        e,X,10,12,5

        """

    func testJoinCountsEveryDroppedRowWithItsReason() throws {
        let ites = try ITETable(
            table: try table(
                "ites.csv", "creator_id,effect_hat,se\na,0.1,0.05\nb,0.2,0.05\nc,0.3,0.1\nd,-0.1,0.2\nz,1,1\n"),
            idColumn: "creator_id")
        let frame = try AnalysisFrame(
            creators: try table("creators.csv", creators), idColumn: "creator_id", ites: ites, truth: nil,
            outcome: .lift(pre: "revenue_pre", post: "revenue_post"))
        XCTAssertEqual(frame.ids, ["a", "d"])
        assertClose([0.1, -0.25], frame.outcome)
        XCTAssertEqual(frame.effectHat ?? [], [0.1, -0.1])
        XCTAssertEqual(frame.se ?? [], [0.05, 0.2])
        XCTAssertEqual(frame.summary.creators, 5)
        XCTAssertEqual(frame.summary.ites, 5)
        XCTAssertEqual(frame.summary.matched, 2)
        let reasons = Dictionary(uniqueKeysWithValues: frame.summary.dropped.map { ($0.reason, $0.count) })
        XCTAssertEqual(reasons["creator without an ITE"], 1)
        XCTAssertEqual(reasons["ITE without a creator row"], 1)
        XCTAssertEqual(reasons["revenue_pre or revenue_post missing"], 1)
        XCTAssertEqual(reasons["revenue_pre = 0 (lift undefined)"], 1)
    }

    func testColumnOutcomeAndEffectHatOutcome() throws {
        let c = try table("creators.csv", creators)
        let byColumn = try AnalysisFrame(
            creators: c, idColumn: "creator_id", ites: nil, truth: nil, outcome: .column("score"))
        XCTAssertEqual(byColumn.ids, ["a", "b", "c", "e"])
        XCTAssertEqual(byColumn.outcome, [1, 2, 3, 5])
        XCTAssertNil(byColumn.effectHat)
        XCTAssertThrowsError(
            try AnalysisFrame(creators: c, idColumn: "creator_id", ites: nil, truth: nil, outcome: .effectHat)
        ) { error in
            XCTAssertEqual((error as! InputError).key, "outcome")
        }
    }

    func testDuplicateIDNamesBothRows() throws {
        let c = try table("creators.csv", "creator_id,g\na,X\nb,Y\na,Z\n")
        XCTAssertThrowsError(
            try AnalysisFrame(creators: c, idColumn: "creator_id", ites: nil, truth: nil, outcome: .column("g"))
        ) { error in
            let e = error as! InputError
            XCTAssertEqual(e.file, "creators.csv")
            XCTAssertEqual(e.row, 4)
            XCTAssertEqual(e.column, "creator_id")
            XCTAssertTrue(e.description.contains("also on row 2"), e.description)
        }
    }

    func testBadSEIsAnErrorNamingTheRow() throws {
        for bad in ["0", "-0.1", ""] {
            let t = try table("ites.csv", "creator_id,effect_hat,se\na,0.1,0.05\nb,0.2,\(bad)\n")
            XCTAssertThrowsError(try ITETable(table: t, idColumn: "creator_id")) { error in
                let e = error as! InputError
                XCTAssertEqual(e.row, 3)
                XCTAssertEqual(e.column, "se")
            }
        }
    }

    func testMissingIDColumnAndEmptyTable() throws {
        XCTAssertThrowsError(
            try AnalysisFrame(
                creators: try table("c.csv", "id,g\na,X\n"), idColumn: "creator_id", ites: nil, truth: nil,
                outcome: .column("g"))
        ) { error in
            XCTAssertEqual((error as! InputError).column, "creator_id")
        }
        XCTAssertThrowsError(
            try AnalysisFrame(
                creators: try table("c.csv", "creator_id,g\n"), idColumn: "creator_id", ites: nil, truth: nil,
                outcome: .column("g"))
        ) { error in
            XCTAssertEqual((error as! InputError).file, "c.csv")
        }
    }

    func testTruthIsAlignedWithTheRows() throws {
        let ites = try ITETable(
            table: try table("ites.csv", "creator_id,effect_hat,se\ne,0.1,0.05\na,0.2,0.05\n"), idColumn: "creator_id")
        let truth = try table("truth.csv", "creator_id,true_effect\na,0.15\n")
        let frame = try AnalysisFrame(
            creators: try table("creators.csv", creators), idColumn: "creator_id", ites: ites, truth: truth,
            outcome: .effectHat)
        XCTAssertEqual(frame.ids, ["a", "e"])
        XCTAssertEqual(frame.effectHat ?? [], [0.2, 0.1])
        XCTAssertEqual(frame.truth?[0], 0.15)
        XCTAssertTrue(frame.truth?[1].isMissing ?? false)
    }
}
