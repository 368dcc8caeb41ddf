import TestSupport
import XCTest

@testable import GroupingCore

final class KMeansTests: XCTestCase {
    /// Lloyd from given centres reproduces scikit-learn's `KMeans(init=centres, n_init=1)`:
    /// the same labels, centres, inertia and iteration count (which checks the stopping
    /// rule: squared centre shift ≤ 1e-4 × mean feature variance, or unchanged labels).
    func testLloydMatchesScikitLearnFromGivenCentres() throws {
        for (index, testCase) in try ClusteringFixtures.lloyd().cases.enumerated() {
            let points = ClusteringFixtures.matrix(testCase.points)
            var labels = [Int32](repeating: 0, count: points.rowCount)
            let run = Lloyd.run(
                points: points, initialCentres: testCase.initialCentres.flatMap { $0 },
                maxIterations: 300, tolerance: 1e-4 * points.meanFeatureVariance(), labels: &labels)
            XCTAssertEqual(run.iterations, testCase.iterations, "case \(index)")
            XCTAssertTrue(run.converged)
            XCTAssertEqual(labels, testCase.labels, "case \(index)")
            assertClose(testCase.centres.flatMap { $0 }, run.centres, rel: 1e-10, abs: 1e-12, "case \(index)")
            assertClose(testCase.inertia, run.inertia, rel: 1e-11, "case \(index)")
        }
    }

    /// Best of 10 starts agrees with scikit-learn's `KMeans(n_init=10)` within 0.1% for every
    /// k from 1 to 10 on the standardised blobs; at the true k the cluster sizes agree.
    func testBestOfTenMatchesScikitLearnInertiaForEveryK() throws {
        let blobs = try ClusteringFixtures.blobs()
        let points = try StandardisedFeatures(features: blobs.columns, names: blobs.names).matrix
        let ks = Array(1...10)
        let fits = KMeans().fit(points: points, ks: ks, seed: 42)
        for fit in fits {
            assertClose(blobs.inertia(k: fit.k), fit.inertia, rel: 1e-3, "k = \(fit.k)")
        }
        let labels = KMeans.labels(points: points, centres: fits[3].centres)
        let sizes = ClusterProfiles.order(fitLabels: labels, k: 4).sizes
        XCTAssertEqual(sizes, blobs.sizes["4"])
        XCTAssertEqual(sizes, blobs.trueSizes)
    }

    func testSameSeedGivesTheSameFitAndStartsUseSeparateStreams() throws {
        let blobs = try ClusteringFixtures.blobs()
        let points = try StandardisedFeatures(features: blobs.columns, names: blobs.names).matrix
        let first = KMeans().fit(points: points, ks: [3, 6], seed: 7)
        let second = KMeans().fit(points: points, ks: [6, 3], seed: 7)
        XCTAssertEqual(first[0], second[1])
        XCTAssertEqual(first[1], second[0])
        XCTAssertNotEqual(KMeans.streamFor(k: 3, start: 1), KMeans.streamFor(k: 4, start: 1))
        XCTAssertEqual(KMeans.streamFor(k: 3, start: 9), 3009)
    }

    /// The parallel best-of-10 equals the serial one: start s of k uses stream k·1000 + s,
    /// whatever thread runs it, and the lowest inertia (then the lowest start) wins.
    func testParallelFitEqualsSerialStarts() throws {
        let blobs = try ClusteringFixtures.blobs()
        let points = try StandardisedFeatures(features: blobs.columns, names: blobs.names).matrix
        let kMeans = KMeans()
        let parallel = kMeans.fit(points: points, k: 6, seed: 99)
        var serial: KMeans.Fit?
        for start in 0..<10 {
            var generator = SeededGenerator(seed: 99, stream: KMeans.streamFor(k: 6, start: start))
            var fit = kMeans.fitOnce(
                points: points, k: 6, tolerance: 1e-4 * points.meanFeatureVariance(), using: &generator)
            fit.start = start
            if serial == nil || fit.inertia < serial!.inertia { serial = fit }
        }
        XCTAssertEqual(parallel, serial)
    }

    func testGreedySeedingUsesTwoPlusLogKTrials() {
        XCTAssertEqual(KMeansPlusPlus.localTrials(k: 1), 2)
        XCTAssertEqual(KMeansPlusPlus.localTrials(k: 2), 2)
        XCTAssertEqual(KMeansPlusPlus.localTrials(k: 3), 3)
        XCTAssertEqual(KMeansPlusPlus.localTrials(k: 7), 3)
        XCTAssertEqual(KMeansPlusPlus.localTrials(k: 8), 4)
        XCTAssertEqual(KMeansPlusPlus.localTrials(k: 10), 4)
    }

    /// Seeds are data rows, reproducible from the generator, one per well-separated group.
    func testSeedingPicksOneRowPerSeparatedGroup() {
        let rows: [[Double]] = [[0, 0], [0.1, 0], [0, 0.1], [50, 50], [50.1, 50], [-50, 50], [-50, 50.1]]
        let points = ClusteringFixtures.matrix(rows)
        var generator = SeededGenerator(seed: 3)
        let centres = KMeansPlusPlus.seeds(points: points, k: 3, using: &generator)
        var again = SeededGenerator(seed: 3)
        XCTAssertEqual(centres, KMeansPlusPlus.seeds(points: points, k: 3, using: &again))
        let chosen = stride(from: 0, to: 6, by: 2).map { Array(centres[$0..<($0 + 2)]) }
        for centre in chosen { XCTAssertTrue(rows.contains(centre), "\(centre) is not a row") }
        XCTAssertEqual(Set(chosen.map { $0[0] > 25 ? "B" : $0[0] < -25 ? "C" : "A" }), ["A", "B", "C"])
    }

    /// A centre that attracts no row is re-seeded at the row farthest from its centre.
    func testEmptyClusterIsReseededAtTheFarthestRow() {
        let points = ClusteringFixtures.matrix([[0], [1], [2], [10]])
        var labels = [Int32](repeating: 0, count: 4)
        // Centres 1 and 1.5 compete for the first three rows, 100 gets nothing at first.
        let run = Lloyd.run(
            points: points, initialCentres: [1, 100, 1.5], maxIterations: 300, tolerance: 0,
            labels: &labels)
        XCTAssertEqual(Set(labels), [0, 1, 2])
        XCTAssertFalse(run.centres.contains { $0.isNaN })
        XCTAssertEqual(labels[3], 1, "the far row 10 takes over the empty cluster")
        assertClose(0.5, run.inertia, rel: 1e-15)
    }

    func testSingleClusterIsTheMean() {
        let points = ClusteringFixtures.matrix([[0, 1], [2, 3], [4, 8]])
        let fit = KMeans().fit(points: points, k: 1, seed: 1)
        assertClose([2, 4], fit.centres, rel: 1e-15)
        assertClose(13 + 1 + 20, fit.inertia, rel: 1e-15)
    }
}
