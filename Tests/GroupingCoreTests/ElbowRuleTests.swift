import TestSupport
import XCTest

@testable import GroupingCore

final class ElbowRuleTests: XCTestCase {
    /// The knee `kneed` (S = 1, convex, decreasing) finds on each fixture curve.
    func testKneeAgreesWithKneed() throws {
        for curve in try ClusteringFixtures.curves().curves {
            XCTAssertEqual(ElbowRule.knee(ks: curve.k, inertias: curve.inertia), curve.knee, curve.name)
        }
    }

    /// On scikit-learn's inertias for the blobs (true k = 4) the elbow is 4.
    func testBlobsElbowIsTheTrueK() throws {
        let blobs = try ClusteringFixtures.blobs()
        let ks = Array(2...10)
        let choice = ElbowRule.choose(ks: ks, inertias: ks.map { blobs.inertia(k: $0) })
        XCTAssertEqual(choice.k, blobs.trueK)
        XCTAssertEqual(choice.k, blobs.kneedKnee210)
        XCTAssertTrue(choice.kneeFound)
        XCTAssertTrue(choice.detail.contains("knee at k = 4"), choice.detail)
    }

    func testStraightLineHasNoKneeAndFallsBackToTheSmallestK() {
        let ks = Array(3...9)
        let choice = ElbowRule.choose(ks: ks, inertias: ks.map { 100 - 10 * Double($0) })
        XCTAssertEqual(choice.k, 3)
        XCTAssertFalse(choice.kneeFound)
        XCTAssertTrue(choice.detail.contains("fell back to the smallest k, 3"), choice.detail)
    }

    func testDegenerateCurvesFallBack() {
        XCTAssertNil(ElbowRule.knee(ks: [2, 3, 4], inertias: [5, 5, 5]))
        XCTAssertNil(ElbowRule.knee(ks: [2, 3], inertias: [10, 1]))
        XCTAssertEqual(ElbowRule.choose(ks: [2, 3], inertias: [10, 1]).k, 2)
        XCTAssertEqual(ElbowRule.choose(ks: [5], inertias: [10]).k, 5)
        // A concave decreasing curve has no elbow.
        let ks = Array(2...10)
        XCTAssertNil(ElbowRule.knee(ks: ks, inertias: ks.map { 100 - Double($0 * $0) }))
    }

    func testExtremaCompareEndPointsWithTheirOneNeighbour() {
        XCTAssertEqual(ElbowRule.extrema([0, 2, 1, 1, 3], isMaximum: true), [1, 4])
        XCTAssertEqual(ElbowRule.extrema([0, 2, 1, 1, 3], isMaximum: false), [0, 2, 3])
    }
}
