import Foundation
import GroupingCore

/// Times the clustering phase (Phase 2) on synthetic creator features and prints the
/// elapsed time and the peak resident memory (VmHWM from /proc/self/status).
///
/// Usage: `grouping-bench clustering [--creators N] [--k-min A] [--k-max B] [--seed S]
/// [--exact]`. Defaults: 1,000,000 creators × 4 features, k = 2…10, `k: auto`. `--exact`
/// disables the sampled elbow (every fit on all rows), for comparison.
///
/// The data: five latent creator segments with log-normal revenue, views and followers
/// (correlated through the segment) and a bounded engagement score; 1% of the cells are
/// missing, so the median imputation runs too.
func runClusteringBenchmark(arguments: [String]) {
    func value(_ flag: String, _ fallback: Int) -> Int {
        BenchmarkSupport.integer(flag, in: arguments, default: fallback)
    }
    let creators = value("--creators", 1_000_000)
    let kMin = value("--k-min", 2)
    let kMax = value("--k-max", 10)
    let seed = UInt64(value("--seed", 42))
    let exact = arguments.contains("--exact")

    let generationStart = Date()
    let (features, names) = syntheticCreatorFeatures(creators: creators, seed: seed)
    let generationSeconds = Date().timeIntervalSince(generationStart)

    var options = ClusteringOptions()
    if exact { options.exactRowLimit = Int.max }
    let start = Date()
    let cpuStart = BenchmarkSupport.processCPUSeconds()
    let outcome: ClusteringOutcome
    do {
        outcome = try Clustering.run(
            features: features, names: names, k: .auto, kRange: kMin...kMax, seed: seed,
            options: options)
    } catch {
        print("clustering failed: \(error)")
        return
    }
    let seconds = Date().timeIntervalSince(start)
    let cpuSeconds = BenchmarkSupport.processCPUSeconds() - cpuStart
    let result = outcome.result
    print(
        "clustering benchmark: \(creators) creators × \(names.count) features, k = \(kMin)…\(kMax), "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
    print(String(format: "  data generation   %.2f s", generationSeconds))
    print(String(format: "  clustering phase  %.2f s wall, %.2f s CPU (all threads)", seconds, cpuSeconds))
    print("  peak memory (VmHWM) \(BenchmarkSupport.peakMemoryText())")
    print("  method: \(result.method)")
    print("  chosen k = \(result.chosenK) (\(result.rule)): \(result.ruleDetail)")
    print(
        "  inertias: "
            + result.inertias.map { "\($0.k): \(String(format: "%.1f", $0.inertia))" }
            .joined(separator: ", "))
    if let final = result.finalInertia { print(String(format: "  final inertia %.1f", final)) }
    print("  cluster sizes: " + result.profiles.map { "\($0.label) \($0.size)" }.joined(separator: ", "))
    print("  imputed cells: " + result.imputed.map { "\($0.feature) \($0.missing)" }.joined(separator: ", "))
}

/// Four creator features with segment structure and 1% missing cells.
private func syntheticCreatorFeatures(creators: Int, seed: UInt64) -> ([[Double]], [String]) {
    let names = ["avg_revenue_pre", "avg_views_pre", "follower_count", "engagement_rate"]
    // Per segment: log-revenue mean, log-views mean, log-followers mean, engagement mean.
    let segments: [(Double, Double, Double, Double)] = [
        (3.0, 7.0, 8.0, 0.02), (4.5, 9.0, 10.5, 0.05), (6.0, 11.0, 12.5, 0.03),
        (2.0, 8.5, 9.0, 0.08), (5.0, 7.5, 9.5, 0.12),
    ]
    var generator = SeededGenerator(seed: seed, stream: 0xBE_4C4)
    var columns = [[Double]](repeating: [Double](repeating: 0, count: creators), count: names.count)
    for row in 0..<creators {
        let segment = segments[Int(generator.next() % UInt64(segments.count))]
        let scale = RandomVariates.normal(mean: 0, sd: 0.6, using: &generator)
        columns[0][row] = exp(segment.0 + scale + RandomVariates.normal(mean: 0, sd: 0.5, using: &generator))
        columns[1][row] = exp(segment.1 + scale + RandomVariates.normal(mean: 0, sd: 0.5, using: &generator))
        columns[2][row] = exp(segment.2 + scale + RandomVariates.normal(mean: 0, sd: 0.4, using: &generator))
        columns[3][row] = max(0, segment.3 + RandomVariates.normal(mean: 0, sd: 0.015, using: &generator))
        for feature in 0..<names.count where RandomVariates.uniformOpen(using: &generator) < 0.01 {
            columns[feature][row] = .nan
        }
    }
    return (columns, names)
}
