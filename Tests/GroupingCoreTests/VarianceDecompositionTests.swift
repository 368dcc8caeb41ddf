import GroupingCore
import TestSupport
import XCTest

/// `VarianceDecomposition` (and the score built on it) against the playbook's pandas code.
final class VarianceDecompositionTests: XCTestCase {
    func testMatchesPandasOnEveryDataset() {
        for data in Phase13Reference.shared.datasets {
            let variance = VarianceDecomposition.compute(
                values: data.values, codes: data.codes, groupCount: data.labels.count)
            assertClose(data.variance.total, variance.total, rel: 1e-9, "\(data.name) total")
            assertClose(data.variance.between, variance.between, rel: 1e-9, "\(data.name) between")
            assertClose(data.variance.within, variance.within, rel: 1e-9, "\(data.name) within")
            assertClose(data.quality_score, QualityScore.score(variance), rel: 1e-9, "\(data.name) score")
        }
    }

    /// Groups [1,2,3] and [4,5,6]: total = var(1…6) = 3.5, means 2 and 5 → between = 4.5,
    /// within = mean(1, 1) = 1, score = 100·4.5/3.5.
    func testHandComputedTwoGroups() {
        let variance = VarianceDecomposition.compute(
            values: [1, 2, 3, 4, 5, 6], codes: [0, 0, 0, 1, 1, 1], groupCount: 2)
        assertClose(3.5, variance.total)
        assertClose(4.5, variance.between)
        assertClose(1.0, variance.within)
        assertClose(100 * 4.5 / 3.5, QualityScore.score(variance))
    }

    func testUndefinedParts() {
        let single = VarianceDecomposition.compute(values: [1, 2, 4], codes: [0, 0, 0], groupCount: 1)
        XCTAssertNil(single.between)
        XCTAssertNil(QualityScore.score(single))
        XCTAssertEqual(QualityScore.missingReason(single), "needs at least two groups")

        let oneRowGroups = VarianceDecomposition.compute(values: [1, 5], codes: [0, 1], groupCount: 2)
        XCTAssertNil(oneRowGroups.within)
        assertClose(8, oneRowGroups.between)

        let constant = VarianceDecomposition.compute(values: [0.1, 0.1, 0.1, 0.1], codes: [0, 0, 1, 1], groupCount: 2)
        XCTAssertEqual(constant.total, 0)
        XCTAssertNil(QualityScore.score(constant))
        XCTAssertEqual(QualityScore.missingReason(constant), "all values are equal (zero total variance)")

        let empty = VarianceDecomposition.compute(values: [1, 2], codes: [-1, -1], groupCount: 2)
        XCTAssertEqual(empty, VarianceResult(total: nil, between: nil, within: nil))
    }
}
