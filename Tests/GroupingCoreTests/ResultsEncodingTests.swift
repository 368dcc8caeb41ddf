import Foundation
import GroupingCore
import XCTest

final class ResultsEncodingTests: XCTestCase {
    /// Values that do not exist are written as null; their keys stay (CONTRACT.md).
    func testMissingValuesAreNullNotAbsent() throws {
        var results = Results()
        var candidate = CandidateResult(name: "g", kind: "categorical")
        candidate.groups = [GroupStatistics(label: "a", count: 1, mean: 2, std: nil, min: 2, max: 2)]
        candidate.hbm = HBMResult(skipped: nil)
        candidate.hbm?.coverage = nil
        results.candidates = [candidate]
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: results.jsonData()) as? [String: Any])
        let first = try XCTUnwrap((object["candidates"] as? [[String: Any]])?.first)
        let group = try XCTUnwrap((first["groups"] as? [[String: Any]])?.first)
        XCTAssertTrue(group.keys.contains("std"))
        XCTAssertTrue(group["std"] is NSNull)
        XCTAssertTrue(first["quality_score"] is NSNull)
        XCTAssertTrue(first["eta_squared"] is NSNull)
        let anova = try XCTUnwrap(first["anova"] as? [String: Any])
        XCTAssertTrue(anova["f"] is NSNull && anova["p"] is NSNull)
        let hbm = try XCTUnwrap(first["hbm"] as? [String: Any])
        XCTAssertTrue(hbm["skipped"] is NSNull)
        XCTAssertTrue(hbm["coverage"] is NSNull)
        XCTAssertTrue(object["recommendation"] is NSNull)
        XCTAssertEqual(object["schema_version"] as? Int, 2)
    }

    /// Snapshots read back, with null and missing keys alike.
    func testRoundTrip() throws {
        var results = Results()
        results.recommendation = Recommendation(decision: .noHbm, grouping: nil, reasons: ["r"])
        let decoded = try JSONDecoder().decode(Results.self, from: results.jsonData())
        XCTAssertEqual(decoded, results)
    }

    func testNonFiniteNumberIsAnErrorNotACrash() {
        var results = Results()
        var candidate = CandidateResult(name: "g", kind: "categorical")
        candidate.etaSquared = .nan
        results.candidates = [candidate]
        XCTAssertThrowsError(try results.jsonData()) { error in
            XCTAssertTrue("\(error)".contains("eta_squared"), "\(error)")
        }
    }
}
