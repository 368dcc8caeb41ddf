import GroupingCore
import TestSupport
import XCTest

/// `GroupSizeSummary` against pandas `groupby(g).size()` min / median / max / (< min).sum().
final class GroupSizeSummaryTests: XCTestCase {
    func testMatchesPandasOnEveryDataset() {
        let minimum = Phase13Reference.shared.meta.min_group_size
        for data in Phase13Reference.shared.datasets {
            let grouping = Grouping(name: data.name, kind: .categorical, labels: data.labels, codes: data.codes)
            let sizes = GroupSizeSummary.compute(counts: grouping.counts(), minGroupSize: minimum)
            XCTAssertEqual(sizes.min, data.sizes.min, data.name)
            XCTAssertEqual(sizes.median, data.sizes.median, data.name)
            XCTAssertEqual(sizes.max, data.sizes.max, data.name)
            XCTAssertEqual(sizes.belowMin, data.sizes.below_min, data.name)
        }
    }

    func testEvenCountMedianAndStrictThreshold() {
        let sizes = GroupSizeSummary.compute(counts: [15, 14, 0, 30, 16], minGroupSize: 15)
        XCTAssertEqual(sizes, GroupSizes(min: 14, median: 15.5, max: 30, belowMin: 1))
        XCTAssertEqual(
            GroupSizeSummary.compute(counts: [], minGroupSize: 15),
            GroupSizes(min: 0, median: 0, max: 0, belowMin: 0))
    }
}
