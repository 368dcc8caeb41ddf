import XCTest

@testable import GroupingCore

final class ClusteringPhaseTests: XCTestCase {
    /// Two well-separated blobs of four creators each, on two features.
    private func frame() throws -> AnalysisFrame {
        let rows = [
            ("a", 1.0, 10.0), ("b", 1.1, 10.2), ("c", 0.9, 9.9), ("d", 1.05, 10.1),
            ("e", 5.0, 50.0), ("f", 5.2, 50.5), ("g", 4.9, 49.8), ("h", 5.1, 50.2),
        ]
        let text =
            "creator_id,x,y,flat,word\n"
            + rows.map { "\($0.0),\($0.1),\($0.2),3,w\n" }.joined()
        let table = try CSVTable(bytes: Array(text.utf8), fileName: "creators.csv")
        return try AnalysisFrame(creators: table, idColumn: "creator_id", ites: nil, truth: nil, outcome: .column("x"))
    }

    func testFixedKGivesTheTwoBlobsAndTheCandidate() throws {
        var config = ClusteringConfig(features: ["x", "y"])
        config.k = .fixed(2)
        config.kRange = 2...3
        let (grouping, result) = try ClusteringPhase.run(config, frame: try frame(), seed: 1)
        XCTAssertEqual(grouping.name, ClusteringPhase.candidateName)
        XCTAssertEqual(grouping.name, "data_driven_cluster")
        XCTAssertEqual(grouping.kind, .cluster)
        XCTAssertEqual(result.chosenK, 2)
        XCTAssertEqual(grouping.labels.count, 2)
        XCTAssertEqual(grouping.codes.count, 8)
        // The blobs are the clusters: the first four share a code, the last four the other.
        XCTAssertEqual(Set(grouping.codes[0..<4]).count, 1)
        XCTAssertEqual(Set(grouping.codes[4..<8]).count, 1)
        XCTAssertNotEqual(grouping.codes[0], grouping.codes[4])
        XCTAssertEqual(
            grouping.formation,
            "k-means clusters (k = 2, \(result.rule)) of the standardised features x, y")
    }

    func testSameSeedSameClusters() throws {
        var config = ClusteringConfig(features: ["x", "y"])
        config.kRange = 2...4
        let frame = try frame()
        let first = try ClusteringPhase.run(config, frame: frame, seed: 9)
        let second = try ClusteringPhase.run(config, frame: frame, seed: 9)
        XCTAssertEqual(first.0, second.0)
        XCTAssertEqual(first.1, second.1)
    }

    func testAClusteringErrorBecomesAnInputErrorOnTheCreatorsFile() throws {
        var config = ClusteringConfig(features: ["x", "flat"])
        config.k = .fixed(2)
        XCTAssertThrowsError(try ClusteringPhase.run(config, frame: try frame(), seed: 1)) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(input.file, "creators.csv")
            XCTAssertEqual(input.message, ClusteringError.constant(feature: "flat", value: 3).description)
        }
    }

    func testAMissingFeatureNamesItsConfigKey() throws {
        let config = ClusteringConfig(features: ["x", "nope"])
        XCTAssertThrowsError(try ClusteringPhase.run(config, frame: try frame(), seed: 1)) { error in
            XCTAssertEqual((error as? InputError)?.key, "clustering.features[1]")
        }
    }

    func testATooLargeKIsReported() throws {
        var config = ClusteringConfig(features: ["x", "y"])
        config.k = .fixed(20)
        config.kRange = 2...3
        XCTAssertThrowsError(try ClusteringPhase.run(config, frame: try frame(), seed: 1)) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.file, "creators.csv")
            XCTAssertTrue(input?.message.contains("clustering.k") ?? false, "\(error)")
        }
    }
}
