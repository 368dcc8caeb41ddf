import GroupingCore
import TestSupport
import XCTest

/// `QuantileBinning` against pandas `qcut(x, bins, duplicates="drop")`.
final class QuantileBinningTests: XCTestCase {
    func testMatchesPandasCodesAndEdges() throws {
        for reference in Phase13Reference.shared.qcut {
            let binning = try QuantileBinning.cut(withMissingAsNaN(reference.x), bins: reference.bins)
            XCTAssertEqual(binning.edges, reference.edges, reference.name)
            XCTAssertEqual(binning.codes, reference.codes, reference.name)
            XCTAssertEqual(binning.labels, (0..<max(0, reference.edges.count - 1)).map { "Q\($0 + 1)" }, reference.name)
        }
    }

    /// 1…101 into quartiles: edges 1, 26, 51, 76, 101; 26 belongs to Q1 (right-closed),
    /// 1 to Q1 (lowest edge included).
    func testValuesOnEdges() throws {
        let binning = try QuantileBinning.cut((1...101).map(Double.init), bins: 4)
        XCTAssertEqual(binning.edges, [1, 26, 51, 76, 101])
        XCTAssertEqual(binning.codes[0], 0)
        XCTAssertEqual(binning.codes[25], 0)
        XCTAssertEqual(binning.codes[26], 1)
        XCTAssertEqual(binning.codes[100], 3)
        XCTAssertEqual(binning.labels, ["Q1", "Q2", "Q3", "Q4"])
    }

    func testMissingAndDegenerateInput() throws {
        let allMissing = try QuantileBinning.cut([.nan, .nan], bins: 4)
        XCTAssertEqual(allMissing, Binning(codes: [-1, -1], labels: [], edges: []))
        let constant = try QuantileBinning.cut([2, 2, 2], bins: 3)
        XCTAssertEqual(constant.codes, [-1, -1, -1])
        XCTAssertEqual(constant.labels, [])
        XCTAssertThrowsError(try QuantileBinning.cut([1, 2], bins: 0)) { error in
            XCTAssertEqual("\(error)", "bins must be a positive integer, got 0")
        }
    }
}
