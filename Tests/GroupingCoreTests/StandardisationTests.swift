import TestSupport
import XCTest

@testable import GroupingCore

final class StandardisationTests: XCTestCase {
    /// Medians, missing counts, means, population sds and z-scores against numpy and
    /// scikit-learn's StandardScaler (fixture kmeans_imputation.json).
    func testImputesMediansAndStandardisesLikeStandardScaler() throws {
        let fixture = try ClusteringFixtures.imputation()
        let standardised = try StandardisedFeatures(features: fixture.columns, names: fixture.names)
        XCTAssertEqual(standardised.imputation.map(\.feature), fixture.names)
        XCTAssertEqual(standardised.imputation.map(\.missing), fixture.missing)
        assertClose(fixture.medians, standardised.imputation.map(\.median), rel: 1e-15)
        assertClose(fixture.means, standardised.means, rel: 1e-13)
        assertClose(fixture.scales, standardised.scales, rel: 1e-13)
        let matrix = standardised.matrix
        XCTAssertEqual(matrix.rowCount, fixture.standardised.count)
        for (row, expected) in fixture.standardised.enumerated() {
            assertClose(expected, (0..<3).map { matrix[row, $0] }, rel: 1e-12, abs: 1e-13, "row \(row)")
        }
        // Standardised columns have mean 0 and population variance 1.
        assertClose(1, matrix.meanFeatureVariance(), rel: 1e-12)
    }

    func testMedianOfEvenAndOddCounts() {
        XCTAssertEqual(StandardisedFeatures.medianOfSorted([1, 2, 10]), 2)
        XCTAssertEqual(StandardisedFeatures.medianOfSorted([1, 2, 4, 10]), 3)
        XCTAssertEqual(StandardisedFeatures.medianOfSorted([7]), 7)
    }

    func testConstantFeatureIsNamed() {
        XCTAssertThrowsError(
            try StandardisedFeatures(features: [[1, 2, 3], [5, .nan, 5]], names: ["views", "flat"])
        ) { error in
            XCTAssertEqual(error as? ClusteringError, .constant(feature: "flat", value: 5))
            XCTAssertTrue("\(error)".contains("'flat' is constant"), "\(error)")
        }
    }

    func testEntirelyMissingFeatureIsNamed() {
        XCTAssertThrowsError(
            try StandardisedFeatures(features: [[1, 2, 3], [.nan, .nan, .nan]], names: ["views", "gone"])
        ) { error in
            XCTAssertEqual(error as? ClusteringError, .entirelyMissing(feature: "gone"))
            XCTAssertTrue("\(error)".contains("'gone' is missing in every row"), "\(error)")
        }
    }

    func testShapeErrors() {
        XCTAssertThrowsError(try StandardisedFeatures(features: [], names: [])) {
            XCTAssertEqual($0 as? ClusteringError, .noFeatures)
        }
        XCTAssertThrowsError(try StandardisedFeatures(features: [[1, 2], [1]], names: ["a", "b"])) {
            XCTAssertEqual($0 as? ClusteringError, .columnLengthMismatch(feature: "b", expected: 2, actual: 1))
        }
        XCTAssertThrowsError(try StandardisedFeatures(features: [[1, .infinity]], names: ["a"])) {
            XCTAssertEqual($0 as? ClusteringError, .notFinite(feature: "a", row: 1))
        }
    }

    func testDistinctRowCountStopsAtLimit() {
        let matrix = ClusteringFixtures.matrix([[1, 2], [1, 2], [3, 4], [0, 0], [-0.0, 0]])
        XCTAssertEqual(matrix.distinctRowCount(upTo: 10), 3)
        XCTAssertEqual(matrix.distinctRowCount(upTo: 2), 2)
    }
}
