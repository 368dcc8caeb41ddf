import Dispatch
import Foundation
import GroupingCore

/// Phase 4 benchmark: simulates N creators, fits the ungrouped baseline, the one-way model
/// for five candidate groupings (5, 8, 12, 20 and 50 groups) and one additive candidate
/// (the 5 groups + a 4-level tier), compares them by exact LOO and prints wall time per
/// model, in total, and the peak resident memory (VmHWM from /proc/self/status).
///
/// Arguments: `--creators N` (default 20000), `--chains C` (4), `--draws D` (1000),
/// `--seed S` (42), `--groups 5,8,12,20,50` (the candidates), `--verbose` (stage times).
func runPhase4Benchmark(arguments: [String]) {
    func value(_ flag: String, _ fallback: Int) -> Int {
        BenchmarkSupport.integer(flag, in: arguments, default: fallback)
    }
    let creators = value("--creators", 20000)
    let settings = SamplerSettings(
        chains: value("--chains", 4), draws: value("--draws", 1000), seed: UInt64(value("--seed", 42)))
    var groupCounts = [5, 8, 12, 20, 50]
    if let index = arguments.firstIndex(of: "--groups"), index + 1 < arguments.count {
        groupCounts = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
    }
    let verbose = arguments.contains("--verbose")

    // Simulated ITEs: the true effect depends on a latent "genre" with 8 levels; the
    // candidates cut a noisy copy of it into k groups.
    var generator = SeededGenerator(seed: 2026)
    var latent = [Double](repeating: 0, count: creators)
    var tier = [Int32](repeating: 0, count: creators)
    var effects = [Double](repeating: 0, count: creators)
    var ses = [Double](repeating: 0, count: creators)
    for i in 0..<creators {
        latent[i] = RandomVariates.uniformOpen(using: &generator)
        let genre = Double(Int(latent[i] * 8))
        let theta = 0.05 + 0.03 * genre + 0.1 * RandomVariates.standardNormal(using: &generator)
        ses[i] = 0.03 + 0.25 * RandomVariates.uniformOpen(using: &generator)
        tier[i] = Int32(min(Int(4 * RandomVariates.uniformOpen(using: &generator)), 3))
        effects[i] = theta + ses[i] * RandomVariates.standardNormal(using: &generator)
    }
    print(
        "phase 4 benchmark: \(creators) creators, \(groupCounts.count) candidates, "
            + "\(settings.chains) x \(settings.draws) draws, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    let start = DispatchTime.now().uptimeNanoseconds
    var names: [String] = []
    var pointwise: [[Double]] = []
    func factor(_ k: Int) -> ModelSpec.Factor {
        ModelSpec.Factor(
            name: "k\(k)", codes: latent.map { Int32(min(Int($0 * Double(k)), k - 1)) },
            labels: (0..<k).map { "G\($0 + 1)" })
    }
    var models: [(String, ModelSpec)] = [("ungrouped", .ungrouped())]
    models += groupCounts.map { ("k\($0)", ModelSpec.oneWay(factor($0))) }
    models.append(
        ("k\(groupCounts[0])+tier",
         .additive(factor(groupCounts[0]), ModelSpec.Factor(name: "tier", codes: tier, labels: ["T1", "T2", "T3", "T4"]))))
    for (name, spec) in models {
        let candidateStart = DispatchTime.now().uptimeNanoseconds
        let fit = HierarchicalModel.fit(spec: spec, effects: effects, ses: ses, settings: settings) { message in
            if verbose {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - candidateStart) / 1e9
                print(String(format: "    %7.2f s  ", elapsed) + message)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - candidateStart) / 1e9
        names.append(name)
        pointwise.append(fit.pointwiseElpd)
        let scales = fit.hyperparameters.map { String(format: "%@ %.4f", $0.name, $0.mean) }.joined(separator: "  ")
        print(
            String(
                format: "  %-10@ %7.2f s  elpd %.1f  %@  grid %d nodes (steps %@)%@  rhat %.4f  psis k>%.2f: %d",
                name, seconds, fit.loo.elpd, scales, fit.grid.nodes,
                fit.grid.step.map { String(format: "%.3f", $0) }.joined(separator: ", "),
                fit.grid.adequate ? "" : " (NOT adequate)",
                fit.diagnostics.rhatMax, fit.loo.kThreshold, fit.loo.paretoK.bad + fit.loo.paretoK.veryBad))
    }
    let compareStart = DispatchTime.now().uptimeNanoseconds
    let rows = ModelComparison.compare(names: names, pointwiseElpd: pointwise)
    let compareSeconds = Double(DispatchTime.now().uptimeNanoseconds - compareStart) / 1e9
    let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(
        "  comparison: " + rows.map { String(format: "%@ w=%.3f", $0.name, $0.weight) }.joined(separator: ", ")
            + String(format: " (%.2f s)", compareSeconds))
    print(
        String(
            format: "total %.2f s wall, %.2f s CPU, peak RSS %@", total, BenchmarkSupport.processCPUSeconds(),
            BenchmarkSupport.peakMemoryText()))
}
