import GroupingCore
import XCTest

final class InterpretabilityOrderTests: XCTestCase {
    private func rank(_ kind: String, name: String = "c", declared: [String]? = nil) -> (Int, Int) {
        InterpretabilityOrder.rank(CandidateResult(name: name, kind: kind), declared: declared)
    }

    func testKindsInTheDocumentedOrder() {
        let kinds = ["categorical", "bins", "quantiles", "additive", "cross", "cluster"]
        let ranks = kinds.map { rank($0) }
        XCTAssertEqual(ranks.map(\.1), [0, 1, 2, 3, 4, 5])
        XCTAssertTrue(ranks.allSatisfy { $0.0 == 1 }, "nothing declared")
    }

    func testUnknownKindComesLast() {
        XCTAssertEqual(rank("something_new").1, 6)
        XCTAssertTrue(rank("cluster") < rank("something_new"))
    }

    func testDeclaredCandidatesComeFirstWhateverTheirKind() {
        let declaredCluster = rank("cluster", name: "segments", declared: ["segments"])
        XCTAssertEqual(declaredCluster.0, 0)
        XCTAssertEqual(declaredCluster.1, 5)
        XCTAssertTrue(declaredCluster < rank("categorical", name: "genre", declared: ["segments"]))
        XCTAssertEqual(rank("categorical", name: "genre", declared: []).0, 1, "an empty list declares nothing")
        XCTAssertEqual(rank("categorical", name: "genre", declared: nil).0, 1)
    }

    func testAdditiveBeforeCrossOfTheSameMembers() {
        XCTAssertTrue(rank("additive", name: "genre+tier") < rank("cross", name: "genre_x_tier"))
    }
}
