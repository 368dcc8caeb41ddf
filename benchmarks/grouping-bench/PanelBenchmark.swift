import Foundation
import GroupingCore

/// Benchmark of the imputation estimator: a simulated staggered rollout of
/// `--creators` (default 1,000,000) × `--periods` (default 24) observations, 30% never
/// treated, 2% of observations missing. Prints the wall time of simulation and
/// estimation and the peak resident memory (VmHWM) of the process.
///
/// `--shuffle` puts the rows in random order (the estimator then gathers each creator's
/// rows from all over the input).
///
/// Usage: grouping-bench panel [--creators N] [--periods T] [--seed S] [--shuffle]
func runPanelBenchmark(arguments: [String]) {
    func value(_ flag: String, _ fallback: Int) -> Int {
        BenchmarkSupport.integer(flag, in: arguments, default: fallback)
    }
    let creators = value("--creators", 1_000_000)
    let periods = value("--periods", 24)
    let seed = UInt64(value("--seed", 42))

    let simulationStart = Date()
    var (panel, truth) = simulateRollout(creators: creators, periods: periods, seed: seed)
    if arguments.contains("--shuffle") { shuffleRows(&panel, seed: seed) }
    let simulationSeconds = Date().timeIntervalSince(simulationStart)
    let residentBefore = (BenchmarkSupport.memoryMiB("VmRSS") ?? 0)
    print(
        "panel: \(creators) creators × \(periods) periods = \(panel.count) observations; "
            + String(format: "simulated in %.2f s, RSS %.0f MB", simulationSeconds, residentBefore))

    let start = Date()
    let estimate: PanelEstimate
    do {
        estimate = try ImputationEstimator.estimate(panel)
    } catch {
        print("error: \(error)")
        return
    }
    let seconds = Date().timeIntervalSince(start)
    var covered = 0
    for (k, code) in estimate.creatorCodes.enumerated()
    where abs(estimate.effectHat[k] - truth[Int(code)]) <= 1.96 * estimate.se[k] {
        covered += 1
    }
    print(
        String(
            format: "estimate: %.2f s on %d cores; peak RSS (VmHWM) %.0f MB", seconds,
            ProcessInfo.processInfo.activeProcessorCount, (BenchmarkSupport.memoryMiB("VmHWM") ?? 0)))
    print(
        String(
            format: "  %d creators estimated, ATT %.5f (se %.5f), raw coverage %.4f",
            estimate.creatorIDs.count, estimate.att, estimate.attSe,
            Double(covered) / Double(max(1, estimate.creatorIDs.count))))
    for drop in estimate.dropped { print("  dropped \(drop.count): \(drop.reason)") }
}

/// A staggered rollout with constant per-creator effects; returns the panel and each
/// creator's true effect (0 for never-treated creators).
private func simulateRollout(creators: Int, periods: Int, seed: UInt64) -> (PanelObservations, [Double]) {
    var generator = SeededGenerator(seed: seed)
    let capacity = creators * periods
    var codes = [Int32]()
    codes.reserveCapacity(capacity)
    var times = [Double]()
    times.reserveCapacity(capacity)
    var outcomes = [Double]()
    outcomes.reserveCapacity(capacity)
    var firstTreated = [Double]()
    firstTreated.reserveCapacity(capacity)
    var truth = [Double](repeating: 0, count: creators)
    let periodEffect = (0...periods).map { sin(Double($0)) + 0.05 * Double($0) }
    for i in 0..<creators {
        let alpha = RandomVariates.normal(mean: 5, sd: 2, using: &generator)
        let sigma = 0.5 + 1.5 * RandomVariates.uniformOpen(using: &generator)
        let tau = RandomVariates.normal(mean: 1, sd: 0.5, using: &generator)
        let treated = RandomVariates.uniformOpen(using: &generator) >= 0.3
        let first = treated ? 4 + Int(RandomVariates.uniformOpen(using: &generator) * Double(periods - 3)) : Int.max
        if treated { truth[i] = tau }
        for t in 1...periods {
            if RandomVariates.uniformOpen(using: &generator) < 0.02 { continue }
            codes.append(Int32(i))
            times.append(Double(t))
            outcomes.append(
                alpha + periodEffect[t] + (t >= first ? tau : 0)
                    + sigma * RandomVariates.standardNormal(using: &generator))
            firstTreated.append(treated ? Double(first) : .nan)
        }
    }
    let ids = (0..<creators).map { "c\($0)" }
    return (
        PanelObservations(
            creatorIDs: ids, creatorCodes: codes, periods: times, outcomes: outcomes, firstTreated: firstTreated), truth
    )
}

/// Applies one random permutation to every per-observation column.
private func shuffleRows(_ panel: inout PanelObservations, seed: UInt64) {
    var generator = SeededGenerator(seed: seed, stream: 1)
    var order = Array(0..<panel.count)
    order.shuffle(using: &generator)
    panel.creatorCodes = order.map { panel.creatorCodes[$0] }
    panel.periods = order.map { panel.periods[$0] }
    panel.outcomes = order.map { panel.outcomes[$0] }
    panel.firstTreated = order.map { panel.firstTreated[$0] }
}
