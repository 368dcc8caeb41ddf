import GroupingCore
import TestSupport

/// The committed clustering fixtures (made by `scripts/fixtures/kmeans_reference.py`).
enum ClusteringFixtures {
    struct Blobs: Decodable {
        let names: [String]
        let trueK: Int
        let trueSizes: [Int]
        let features: [[Double?]]
        let means: [Double]
        let scales: [Double]
        let standardisedFirstRows: [[Double]]
        let inertias: [KInertia]
        let sizes: [String: [Int]]
        let kneedKnee210: Int

        enum CodingKeys: String, CodingKey {
            case names, trueK = "true_k", trueSizes = "true_sizes", features, means, scales,
                standardisedFirstRows = "standardised_first_rows", inertias, sizes,
                kneedKnee210 = "kneed_knee_2_10"
        }

        /// Feature columns with NaN for missing cells.
        var columns: [[Double]] { features.map { $0.map { $0 ?? .nan } } }
        /// scikit-learn's inertia at k.
        func inertia(k: Int) -> Double { inertias.first { $0.k == k }!.inertia }
    }

    struct Imputation: Decodable {
        let names: [String]
        let features: [[Double?]]
        let medians: [Double]
        let missing: [Int]
        let means: [Double]
        let scales: [Double]
        let standardised: [[Double]]
        var columns: [[Double]] { features.map { $0.map { $0 ?? .nan } } }
    }

    struct LloydCase: Decodable {
        let points: [[Double]]
        let initialCentres: [[Double]]
        let centres: [[Double]]
        let inertia: Double
        let iterations: Int
        let labels: [Int32]
        enum CodingKeys: String, CodingKey {
            case points, initialCentres = "initial_centres", centres, inertia, iterations, labels
        }
    }

    struct Lloyd: Decodable { let cases: [LloydCase] }

    struct Curve: Decodable {
        let name: String
        let k: [Int]
        let inertia: [Double]
        let knee: Int?
    }

    struct Curves: Decodable { let curves: [Curve] }

    static func blobs() throws -> Blobs {
        try Fixtures.load(Blobs.self, target: "GroupingCoreTests", name: "kmeans_blobs.json")
    }
    static func imputation() throws -> Imputation {
        try Fixtures.load(Imputation.self, target: "GroupingCoreTests", name: "kmeans_imputation.json")
    }
    static func lloyd() throws -> Lloyd {
        try Fixtures.load(Lloyd.self, target: "GroupingCoreTests", name: "kmeans_lloyd.json")
    }
    static func curves() throws -> Curves {
        try Fixtures.load(Curves.self, target: "GroupingCoreTests", name: "kneedle_curves.json")
    }

    /// Row-major matrix from rows.
    static func matrix(_ rows: [[Double]]) -> FeatureMatrix {
        FeatureMatrix(rowCount: rows.count, featureCount: rows[0].count, values: rows.flatMap { $0 })
    }
}
