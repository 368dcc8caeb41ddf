import GroupingCore
import TestSupport
import XCTest

/// `QualityScore`: 100 · between / total and the poor / moderate / good grade.
final class QualityScoreTests: XCTestCase {
    func testScore() {
        assertClose(25, QualityScore.score(VarianceResult(total: 4, between: 1, within: 3)))
        XCTAssertNil(QualityScore.score(VarianceResult(total: 0, between: 0, within: nil)))
        XCTAssertNil(QualityScore.score(VarianceResult(total: 2, between: nil, within: 1)))
        XCTAssertNil(QualityScore.score(VarianceResult(total: nil, between: nil, within: nil)))
        XCTAssertNil(QualityScore.missingReason(VarianceResult(total: 4, between: 1, within: 3)))
    }

    func testGradesAtTheThresholds() {
        XCTAssertEqual(QualityScore.grade(score: 19.9, poor: 20, good: 40), "poor")
        XCTAssertEqual(QualityScore.grade(score: 20, poor: 20, good: 40), "moderate")
        XCTAssertEqual(QualityScore.grade(score: 40, poor: 20, good: 40), "moderate")
        XCTAssertEqual(QualityScore.grade(score: 40.1, poor: 20, good: 40), "good")
        XCTAssertEqual(QualityScore.grade(score: 30, poor: 35, good: 50), "poor")
        XCTAssertNil(QualityScore.grade(score: nil, poor: 20, good: 40))
    }
}
