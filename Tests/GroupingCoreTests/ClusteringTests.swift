import TestSupport
import XCTest

@testable import GroupingCore

final class ClusteringTests: XCTestCase {
    /// The acceptance check: on well-separated blobs the inertias agree with scikit-learn's
    /// `KMeans(n_init=10)` within 0.1% for every k in k_range and `auto` picks the true k.
    func testAutoPicksTheTrueKAndInertiasAgreeWithScikitLearn() throws {
        let blobs = try ClusteringFixtures.blobs()
        let outcome = try Clustering.run(
            features: blobs.columns, names: blobs.names, k: .auto, kRange: 2...10, seed: 42)
        let result = outcome.result
        XCTAssertEqual(result.chosenK, blobs.trueK)
        XCTAssertEqual(result.rule, "kneedle")
        XCTAssertTrue(result.ruleDetail.contains("knee at k = 4"), result.ruleDetail)
        XCTAssertEqual(result.features, blobs.names)
        XCTAssertEqual(result.inertias.map(\.k), Array(2...10))
        for entry in result.inertias {
            assertClose(blobs.inertia(k: entry.k), entry.inertia, rel: 1e-3, "k = \(entry.k)")
        }
        assertClose(blobs.inertia(k: 4), result.finalInertia, rel: 1e-3)
        XCTAssertTrue(result.method.hasPrefix("exact:"), result.method)
        XCTAssertEqual(result.imputed.map(\.missing), [0, 0, 0])
    }

    /// Labels C1…Ck by size, largest first; codes index the labels; profiles hold the
    /// size and the raw means of every feature over the cluster's rows.
    func testLabelsOrderedBySizeAndProfilesAreRawMeans() throws {
        let blobs = try ClusteringFixtures.blobs()
        let outcome = try Clustering.run(
            features: blobs.columns, names: blobs.names, k: .auto, kRange: 2...10, seed: 42)
        XCTAssertEqual(outcome.labels, ["C1", "C2", "C3", "C4"])
        XCTAssertEqual(outcome.result.profiles.map(\.label), outcome.labels)
        XCTAssertEqual(outcome.result.profiles.map(\.size), blobs.trueSizes)
        let grouping = outcome.grouping()
        XCTAssertEqual(grouping.kind, .cluster)
        XCTAssertEqual(grouping.name, "data_driven_cluster")
        XCTAssertEqual(grouping.counts(), blobs.trueSizes)
        for (cluster, profile) in outcome.result.profiles.enumerated() {
            let rows = outcome.codes.indices.filter { outcome.codes[$0] == Int32(cluster) }
            for (feature, column) in blobs.columns.enumerated() {
                let mean = rows.map { column[$0] }.reduce(0, +) / Double(rows.count)
                assertClose(mean, profile.means[feature], rel: 1e-12, "\(profile.label) \(feature)")
            }
        }
    }

    func testSameSeedGivesTheSameOutcome() throws {
        let blobs = try ClusteringFixtures.blobs()
        let run = {
            try Clustering.run(features: blobs.columns, names: blobs.names, k: .auto, kRange: 2...8, seed: 11)
        }
        XCTAssertEqual(try run(), try run())
    }

    func testFixedKIsUsedAndItsCurveStillComputed() throws {
        let blobs = try ClusteringFixtures.blobs()
        let outcome = try Clustering.run(
            features: blobs.columns, names: blobs.names, k: .fixed(3), kRange: 2...6, seed: 42)
        XCTAssertEqual(outcome.result.chosenK, 3)
        XCTAssertEqual(outcome.result.rule, "fixed")
        XCTAssertEqual(outcome.result.inertias.count, 5)
        XCTAssertEqual(outcome.labels, ["C1", "C2", "C3"])
        assertClose(blobs.inertia(k: 3), outcome.result.finalInertia, rel: 1e-3)
        // A fixed k outside k_range is fitted on its own.
        let outside = try Clustering.run(
            features: blobs.columns, names: blobs.names, k: .fixed(7), kRange: 2...4, seed: 42)
        XCTAssertEqual(outside.labels.count, 7)
        assertClose(blobs.inertia(k: 7), outside.result.finalInertia, rel: 1e-3)
    }

    /// Above `exactRowLimit` rows the elbow comes from a subsample; the method says so and
    /// the final fit on all rows still finds the blobs.
    func testSampledElbowIsReportedAndStillFindsTheBlobs() throws {
        let blobs = try ClusteringFixtures.blobs()
        let options = ClusteringOptions(exactRowLimit: 500, elbowSampleSize: 400)
        let outcome = try Clustering.run(
            features: blobs.columns, names: blobs.names, k: .auto, kRange: 2...10, seed: 42,
            options: options)
        XCTAssertEqual(outcome.result.chosenK, 4)
        XCTAssertTrue(outcome.result.method.hasPrefix("sampled elbow:"), outcome.result.method)
        XCTAssertTrue(outcome.result.method.contains("400 of the 1000 rows"), outcome.result.method)
        assertClose(blobs.inertia(k: 4), outcome.result.finalInertia, rel: 1e-3)
        XCTAssertEqual(outcome.result.profiles.map(\.size), blobs.trueSizes)
        let again = try Clustering.run(
            features: blobs.columns, names: blobs.names, k: .auto, kRange: 2...10, seed: 42,
            options: options)
        XCTAssertEqual(outcome, again)
        // Inertias at subsample centres are on the full data's scale, never below the optimum.
        for entry in outcome.result.inertias {
            XCTAssertGreaterThanOrEqual(entry.inertia, blobs.inertia(k: entry.k) * (1 - 1e-9))
        }
    }

    func testSubsampleIsSeededUniqueAndInRowOrder() {
        let points = FeatureMatrix(rowCount: 1000, featureCount: 1, values: (0..<1000).map(Double.init))
        let sample = Clustering.subsample(points: points, size: 100, seed: 8)
        XCTAssertEqual(sample.rowCount, 100)
        XCTAssertEqual(sample.values, Array(Set(sample.values)).sorted())
        XCTAssertEqual(sample, Clustering.subsample(points: points, size: 100, seed: 8))
        XCTAssertNotEqual(sample, Clustering.subsample(points: points, size: 100, seed: 9))
        XCTAssertEqual(Clustering.subsample(points: points, size: 5000, seed: 8), points)
    }

    func testImputedCellsAreCountedAndProfiledAtTheMedian() throws {
        let fixture = try ClusteringFixtures.imputation()
        let outcome = try Clustering.run(
            features: fixture.columns, names: fixture.names, k: .fixed(2), kRange: 2...4, seed: 5)
        XCTAssertEqual(outcome.result.imputed.map(\.missing), fixture.missing)
        assertClose(fixture.medians, outcome.result.imputed.map(\.median), rel: 1e-15)
        // Size-weighted profile means are the imputed columns' means.
        let profiles = outcome.result.profiles
        for feature in 0..<3 {
            let pooled = profiles.map { $0.means[feature] * Double($0.size) }.reduce(0, +) / 41
            assertClose(fixture.means[feature], pooled, rel: 1e-12)
        }
    }

    func testEqualSizedClustersAreOrderedByTheirFirstRow() throws {
        let outcome = try Clustering.run(
            features: [[0, 0.1, 10, 10.1, 20, 20.1, 20.2]], names: ["x"], k: .fixed(3), kRange: 2...3,
            seed: 1)
        XCTAssertEqual(outcome.codes, [1, 1, 2, 2, 0, 0, 0])
        XCTAssertEqual(outcome.result.profiles.map(\.size), [3, 2, 2])
    }

    func testConstantAndMissingFeaturesAreNamed() {
        XCTAssertThrowsError(
            try Clustering.run(
                features: [[1, 2, 3, 4], [7, 7, .nan, 7]], names: ["views", "tier"], k: .auto,
                kRange: 2...3, seed: 1)
        ) { XCTAssertTrue("\($0)".contains("'tier' is constant"), "\($0)") }
        XCTAssertThrowsError(
            try Clustering.run(
                features: [[.nan, .nan], [1, 2]], names: ["arpu", "views"], k: .auto, kRange: 2...2,
                seed: 1)
        ) { XCTAssertTrue("\($0)".contains("'arpu' is missing in every row"), "\($0)") }
    }

    func testKLargerThanTheDistinctRowsNamesTheKey() {
        let features: [[Double]] = [[1, 1, 2, 2, 3, 3], [5, 5, 6, 6, 7, 7]]
        XCTAssertThrowsError(
            try Clustering.run(features: features, names: ["a", "b"], k: .fixed(4), kRange: 2...3, seed: 1)
        ) { error in
            XCTAssertEqual(error as? ClusteringError, .kTooLarge(key: "clustering.k", k: 4, distinctRows: 3))
            XCTAssertTrue("\(error)".hasPrefix("clustering.k: k = 4 is larger"), "\(error)")
        }
        XCTAssertThrowsError(
            try Clustering.run(features: features, names: ["a", "b"], k: .auto, kRange: 2...10, seed: 1)
        ) { error in
            XCTAssertEqual(
                error as? ClusteringError, .kTooLarge(key: "clustering.k_range", k: 10, distinctRows: 3))
            XCTAssertTrue("\(error)".hasPrefix("clustering.k_range:"), "\(error)")
        }
        XCTAssertThrowsError(
            try Clustering.run(features: features, names: ["a", "b"], k: .fixed(0), kRange: 2...3, seed: 1)
        ) { XCTAssertEqual($0 as? ClusteringError, .kTooSmall(key: "clustering.k", k: 0)) }
        XCTAssertThrowsError(
            try Clustering.run(features: features, names: ["a", "b"], k: .auto, kRange: 0...3, seed: 1)
        ) { XCTAssertEqual($0 as? ClusteringError, .kTooSmall(key: "clustering.k_range", k: 0)) }
        // Exactly as many distinct rows as k is fine.
        XCTAssertNoThrow(
            try Clustering.run(features: features, names: ["a", "b"], k: .auto, kRange: 2...3, seed: 1))
    }
}
