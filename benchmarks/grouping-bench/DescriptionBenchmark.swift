import Foundation
import GroupingCore

/// Issue 2's benchmark: load (CSV parsing and the join) + Phase 1 + Phase 3 for N creators
/// and the example's five non-cluster candidates
/// (genre, content_type, size_quartile, arpu_quintile, genre_x_arpu).
func runDescriptionBenchmark(arguments: [String]) {
    let creators = BenchmarkSupport.integer("--creators", in: arguments, default: 1_000_000)
    print("== load + Phase 1 + Phase 3: \(creators) creators, 5 candidates")
    let files = BenchmarkSupport.measure("simulate the input files (not part of the figure)") {
        Dictionary(
            uniqueKeysWithValues: CreatorPlatformSimulator(creators: creators, seed: 1).files()
                .filter { $0.name == "creators.csv" || $0.name == "ites.csv" }.map {
                    ($0.name, Array($0.contents.utf8))
                })
    }
    BenchmarkSupport.resetPeakMemory()
    let config = try! ConfigParser.parse(
        """
        data: {creators: creators.csv, ites: ites.csv}
        outcome: {pre: revenue_pre, post: revenue_post}
        candidates:
          - genre
          - content_type
          - {name: size_quartile, quantiles: follower_count, bins: 4}
          - {name: arpu_quintile, quantiles: arpu, bins: 5}
          - {name: genre_x_arpu, cross: [genre, arpu_quintile]}
        """, fileName: "bench.yml")
    let start = DispatchTime.now().uptimeNanoseconds
    let frame = BenchmarkSupport.measure("  read creators.csv + ites.csv and join") {
        let table = try! CSVTable(bytes: files["creators.csv"]!, fileName: "creators.csv")
        let ites = try! ITETable(
            table: try! CSVTable(bytes: files["ites.csv"]!, fileName: "ites.csv"), idColumn: "creator_id")
        return try! AnalysisFrame(
            creators: table, idColumn: "creator_id", ites: ites, truth: nil, outcome: config.outcome)
    }
    let groupings = BenchmarkSupport.measure("  build the candidate groupings") {
        try! CandidateBuilder.build(config.candidates, frame: frame, cluster: nil, minGroupSize: 15).groupings
    }
    let results = BenchmarkSupport.measure("  Phases 1 and 3 for every candidate") {
        groupings.map { CandidateDescription.describe($0, outcome: frame.outcome, thresholds: config.thresholds) }
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let peak = BenchmarkSupport.peakMemoryMiB().map { String(format: "%.0f MiB", $0) } ?? "n/a"
    print(
        String(
            format:
                "total load + Phase 1 + Phase 3: %.3f s for %d analysed creators (peak RSS %@, including the %.0f MB of input bytes held in memory)",
            seconds, frame.rowCount, peak, Double(files.values.reduce(0) { $0 + $1.count }) / 1e6))
    print(
        "  quality scores: "
            + results.map { "\($0.name) \(String(format: "%.1f", $0.qualityScore ?? .nan))%" }.joined(separator: ", "))
}
