import GroupingCore
import TestSupport
import XCTest

/// `EdgeBinning` against pandas `cut(x, edges, labels, right=True, include_lowest=True)`.
final class EdgeBinningTests: XCTestCase {
    func testMatchesPandasCodes() throws {
        for reference in Phase13Reference.shared.cut {
            let binning = try EdgeBinning.cut(
                withMissingAsNaN(reference.x), edges: reference.edges, labels: reference.labels)
            XCTAssertEqual(binning.codes, reference.codes, reference.name)
            XCTAssertEqual(binning.labels, reference.labels, reference.name)
            XCTAssertEqual(binning.edges, reference.edges, reference.name)
        }
    }

    func testAudienceTiers() throws {
        let binning = try EdgeBinning.cut(
            [0, 10_000, 10_000.5, 1_000_000, 1_000_001, -1, .nan],
            edges: [0, 10_000, 100_000, 1_000_000], labels: ["Micro", "Mid", "Macro"])
        XCTAssertEqual(binning.codes, [0, 0, 1, 2, -1, -1, -1])
    }

    func testValidationMessages() {
        func message(_ edges: [Double], _ labels: [String]) -> String? {
            do {
                _ = try EdgeBinning.cut([1], edges: edges, labels: labels)
                return nil
            } catch { return "\(error)" }
        }
        XCTAssertEqual(message([0], []), "edges needs at least two values, got 1")
        XCTAssertEqual(
            message([0, 10, 10, 20], ["a", "b", "c"]),
            "edges must increase strictly: edge 3 (10.0) is not greater than edge 2 (10.0)")
        XCTAssertEqual(
            message([0, 10, 20], ["a"]),
            "labels must be one fewer than edges: 3 edges need 2 labels, got 1")
        XCTAssertEqual(message([0, 10, 20], ["a", "a"]), "labels must be distinct: \"a\" appears more than once")
        XCTAssertEqual(message([0, .nan], ["a"]), "edge 2 is not a number")
        XCTAssertNil(message([-.infinity, 0, .infinity], ["neg", "pos"]))
    }
}
