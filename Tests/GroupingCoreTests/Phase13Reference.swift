import Foundation
import TestSupport

/// The datasets and pandas / scipy results of `scripts/fixtures/phase13_reference.py`
/// (`Fixtures/phase13.json`), shared by the Phase 1 and 3 statistics tests.
struct Phase13Reference: Decodable {
    struct Group: Decodable {
        let label: String
        let count: Int
        let mean: Double
        let std: Double?
        let min: Double
        let max: Double
    }
    struct Variance: Decodable { let total, between, within: Double? }
    struct Sizes: Decodable {
        let min: Int
        let median: Double
        let max: Int
        let below_min: Int
    }
    struct Anova: Decodable {
        let f, p, p_exact: Double
        let df_between, df_within: Int
    }
    struct Kruskal: Decodable {
        let h, p, p_exact: Double
        let df: Int
    }
    struct Dataset: Decodable {
        let name: String
        let values: [Double]
        let codes: [Int32]
        let labels: [String]
        let groups: [Group]
        let variance: Variance
        let quality_score: Double?
        let sizes: Sizes
        let anova: Anova
        let kruskal: Kruskal
        let eta_squared: Double
    }
    struct QuantileCase: Decodable {
        let name: String
        let bins: Int
        let x: [Double?]
        let codes: [Int32]
        let edges: [Double]
    }
    struct EdgeCase: Decodable {
        let name: String
        let edges: [Double]
        let labels: [String]
        let x: [Double?]
        let codes: [Int32]
    }
    struct Meta: Decodable { let min_group_size: Int }

    let meta: Meta
    let datasets: [Dataset]
    let qcut: [QuantileCase]
    let cut: [EdgeCase]

    /// Loaded once for all tests.
    static let shared: Phase13Reference = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try! decoder.decode(
            Phase13Reference.self,
            from: Fixtures.data(target: "GroupingCoreTests", name: "phase13.json"))
    }()
}

/// Fixture columns use JSON null for a missing value; the library uses NaN.
func withMissingAsNaN(_ column: [Double?]) -> [Double] { column.map { $0 ?? .nan } }
