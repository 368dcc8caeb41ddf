import XCTest

@testable import GroupingCore

final class CellLayoutTests: XCTestCase {
    private func factor(_ name: String, _ codes: [Int32], levels: Int) -> ModelSpec.Factor {
        ModelSpec.Factor(name: name, codes: codes, labels: (0..<levels).map { "\(name)\($0)" })
    }

    func testUngroupedIsOneCellWithoutRows() {
        let layout = CellLayout(spec: .ungrouped(), count: 4)
        XCTAssertEqual(layout.cellOf, [0, 0, 0, 0])
        XCTAssertEqual(layout.cellCount, 1)
        XCTAssertEqual(layout.cellRow, [0])
        XCTAssertEqual(layout.cellColumn, [-1])
        XCTAssertEqual(layout.rowCount, 0)
        XCTAssertEqual(layout.columnCount, 0)
        XCTAssertEqual(layout.rowStart, [0, 1])
        XCTAssertEqual(layout.denseSize, 1)
        XCTAssertNil(layout.eliminated)
        XCTAssertNil(layout.kept)
    }

    func testUngroupedWithNoCreators() {
        let layout = CellLayout(spec: .ungrouped(), count: 0)
        XCTAssertEqual(layout.cellOf, [])
        XCTAssertEqual(layout.cellCount, 1)
    }

    func testOneWayHasACellPerLevelEvenWhenEmpty() {
        let layout = CellLayout(spec: .oneWay(factor("g", [2, 0, 2, 1, 0], levels: 4)), count: 5)
        XCTAssertEqual(layout.cellOf, [2, 0, 2, 1, 0])
        XCTAssertEqual(layout.cellCount, 4, "level 3 has no creator but keeps its cell")
        XCTAssertEqual(layout.cellRow, [0, 1, 2, 3])
        XCTAssertEqual(layout.cellColumn, [-1, -1, -1, -1])
        XCTAssertEqual(layout.rowCount, 4)
        XCTAssertEqual(layout.columnCount, 0)
        XCTAssertEqual(layout.rowStart, [0, 1, 2, 3, 4])
        XCTAssertEqual(layout.denseSize, 1)
        XCTAssertEqual(layout.eliminated, 0)
        XCTAssertNil(layout.kept)
    }

    func testAdditiveCellsAreTheOccupiedCombinationsInRowMajorOrder() {
        // A has 3 levels (eliminated: more levels), B has 2 (kept). Occupied combinations:
        // (0,1), (0,0), (2,1), (1,0), (2,1) again → cells (0,0), (0,1), (1,0), (2,1).
        let a = factor("a", [0, 0, 2, 1, 2], levels: 3)
        let b = factor("b", [1, 0, 1, 0, 1], levels: 2)
        let layout = CellLayout(spec: .additive(a, b), count: 5)
        XCTAssertEqual(layout.eliminated, 0)
        XCTAssertEqual(layout.kept, 1)
        XCTAssertEqual(layout.rowCount, 3)
        XCTAssertEqual(layout.columnCount, 2)
        XCTAssertEqual(layout.denseSize, 3)
        XCTAssertEqual(layout.cellRow, [0, 0, 1, 2])
        XCTAssertEqual(layout.cellColumn, [0, 1, 0, 1])
        XCTAssertEqual(layout.rowStart, [0, 2, 3, 4])
        XCTAssertEqual(layout.cellOf, [1, 0, 3, 2, 3])
        assertConsistent(layout, spec: .additive(a, b))
    }

    func testAdditiveEliminatesTheFactorWithMoreLevels() {
        let small = factor("s", [0, 1, 1, 0], levels: 2)
        let big = factor("b", [0, 1, 2, 2], levels: 3)
        let layout = CellLayout(spec: .additive(small, big), count: 4)
        XCTAssertEqual(layout.eliminated, 1)
        XCTAssertEqual(layout.kept, 0)
        XCTAssertEqual(layout.rowCount, 3)
        XCTAssertEqual(layout.columnCount, 2)
        // Rows are big's levels: (0,0), (1,1), (2,0), (2,1).
        XCTAssertEqual(layout.cellRow, [0, 1, 2, 2])
        XCTAssertEqual(layout.cellColumn, [0, 1, 0, 1])
        XCTAssertEqual(layout.cellOf, [0, 1, 3, 2])
        assertConsistent(layout, spec: .additive(small, big))
    }

    func testAdditiveTieKeepsTheSecondFactor() {
        let a = factor("a", [0, 1], levels: 2)
        let b = factor("b", [1, 1], levels: 2)
        let layout = CellLayout(spec: .additive(a, b), count: 2)
        XCTAssertEqual(layout.eliminated, 0)
        XCTAssertEqual(layout.kept, 1)
        XCTAssertEqual(layout.cellCount, 2)
        XCTAssertEqual(layout.rowStart, [0, 1, 2])
    }

    func testAdditiveWithARowWithoutCreatorsHasAnEmptyRange() {
        let a = factor("a", [0, 2, 2], levels: 3)
        let b = factor("b", [0, 0, 1], levels: 2)
        let layout = CellLayout(spec: .additive(a, b), count: 3)
        XCTAssertEqual(layout.rowStart, [0, 1, 1, 3], "level 1 of a has no cell")
        assertConsistent(layout, spec: .additive(a, b))
    }

    /// Every creator's cell carries its own levels; the cells of a row are contiguous.
    private func assertConsistent(_ layout: CellLayout, spec: ModelSpec, line: UInt = #line) {
        let rows = spec.factors[layout.eliminated!].codes
        let columns = spec.factors[layout.kept!].codes
        for i in layout.cellOf.indices {
            let cell = Int(layout.cellOf[i])
            XCTAssertEqual(layout.cellRow[cell], rows[i], line: line)
            XCTAssertEqual(layout.cellColumn[cell], columns[i], line: line)
        }
        for j in 0..<layout.rowCount {
            for cell in layout.rowStart[j]..<layout.rowStart[j + 1] {
                XCTAssertEqual(layout.cellRow[cell], Int32(j), line: line)
            }
        }
        XCTAssertEqual(layout.rowStart.last, layout.cellCount, line: line)
        let pairs = zip(layout.cellRow, layout.cellColumn).map { [$0, $1] }
        XCTAssertEqual(Set(pairs).count, layout.cellCount, "no combination twice", line: line)
    }
}
