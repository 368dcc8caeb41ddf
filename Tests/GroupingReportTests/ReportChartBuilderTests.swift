import XCTest

@testable import GroupingReport

final class ReportChartBuilderTests: XCTestCase {
    func testManyGroupsAreLimitedToTheLargestInLabelOrder() {
        let counts = (0..<200).map { $0 % 7 == 0 ? 50 : 3 }  // 29 large groups, 171 small
        let (shown, note) = ReportChartBuilder.shownGroups(counts: counts)
        XCTAssertEqual(shown.count, ReportChartBuilder.maxGroupsDrawn)
        XCTAssertEqual(shown, shown.sorted(), "label order is kept")
        XCTAssertTrue(
            counts.indices.filter { counts[$0] == 50 }.allSatisfy(shown.contains), "every large group is drawn")
        XCTAssertTrue(note.contains("Only the 60 largest of its 200 groups"), note)
    }

    func testFewGroupsAreAllDrawnWithoutANote() {
        let (shown, note) = ReportChartBuilder.shownGroups(counts: [5, 9, 1])
        XCTAssertEqual(shown, [0, 1, 2])
        XCTAssertEqual(note, "")
    }
}
