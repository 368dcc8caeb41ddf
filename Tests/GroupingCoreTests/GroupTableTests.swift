import GroupingCore
import TestSupport
import XCTest

/// `GroupTable` against pandas `groupby(g)[y].agg(count, mean, std, min, max)`.
final class GroupTableTests: XCTestCase {
    func testMatchesPandasOnEveryDataset() {
        for data in Phase13Reference.shared.datasets {
            let table = GroupTable.compute(values: data.values, codes: data.codes, labels: data.labels)
            XCTAssertEqual(table.map(\.label), data.groups.map(\.label), data.name)
            for (expected, actual) in zip(data.groups, table) {
                let context = "\(data.name) group \(expected.label)"
                XCTAssertEqual(expected.count, actual.count, context)
                assertClose(expected.mean, actual.mean, rel: 1e-9, context)
                assertClose(expected.std, actual.std, rel: 1e-9, context)
                XCTAssertEqual(expected.min, actual.min, context)
                XCTAssertEqual(expected.max, actual.max, context)
            }
        }
    }

    func testOneRowGroupHasNoStdAndEmptyGroupIsLeftOut() {
        let table = GroupTable.compute(
            values: [1, 2, 3, 10, 99], codes: [0, 0, 0, 2, -1], labels: ["a", "b", "c"])
        XCTAssertEqual(table.map(\.label), ["a", "c"])
        XCTAssertEqual(table[0].count, 3)
        assertClose(2, table[0].mean)
        assertClose(1, table[0].std)
        XCTAssertNil(table[1].std)
        XCTAssertEqual(table[1].min, 10)
        XCTAssertEqual(table[1].max, 10)
    }

    func testConstantGroupHasZeroStdExactly() {
        let table = GroupTable.compute(values: [0.1, 0.1, 0.1], codes: [0, 0, 0], labels: ["a"])
        XCTAssertEqual(table[0].std, 0)
        XCTAssertEqual(table[0].mean, 0.1)
    }
}
