import Dispatch
import Foundation
import GroupingCore

/// Phase 4 benchmark: simulates N creators, fits the hierarchical model for five candidate
/// groupings (5, 8, 12, 20 and 50 groups), compares them by PSIS-LOO and prints wall time per
/// candidate, in total, and the peak resident memory (VmHWM from /proc/self/status).
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
    var effects = [Double](repeating: 0, count: creators)
    var ses = [Double](repeating: 0, count: creators)
    for i in 0..<creators {
        latent[i] = RandomVariates.uniformOpen(using: &generator)
        let genre = Double(Int(latent[i] * 8))
        let theta = 0.05 + 0.03 * genre + 0.1 * RandomVariates.standardNormal(using: &generator)
        ses[i] = 0.03 + 0.25 * RandomVariates.uniformOpen(using: &generator)
        effects[i] = theta + ses[i] * RandomVariates.standardNormal(using: &generator)
    }
    print(
        "phase 4 benchmark: \(creators) creators, \(groupCounts.count) candidates, "
            + "\(settings.chains) x \(settings.draws) draws, \(ProcessInfo.processInfo.activeProcessorCount) cores")
    let start = DispatchTime.now().uptimeNanoseconds
    var names: [String] = []
    var pointwise: [[Double]] = []
    for k in groupCounts {
        let codes = latent.map { Int32(min(Int($0 * Double(k)), k - 1)) }
        let data = HierarchicalModelData(effects: effects, ses: ses, codes: codes, groupCount: k)
        let candidateStart = DispatchTime.now().uptimeNanoseconds
        let fit = HierarchicalModel.fit(data, settings: settings) { message in
            if verbose {
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - candidateStart) / 1e9
                print(String(format: "    %7.2f s  ", elapsed) + message)
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - candidateStart) / 1e9
        names.append("k\(k)")
        pointwise.append(fit.pointwiseElpd)
        print(
            String(
                format: "  %2d groups: %7.2f s  elpd %.1f  tau %.4f  sigma %.4f  rhat %.4f  k>%.2f: %d",
                k, seconds, fit.loo.elpd, fit.tauSummary.mean, fit.sigmaGroupSummary.mean, fit.diagnostics.rhatMax,
                fit.loo.kThreshold, fit.loo.paretoK.bad + fit.loo.paretoK.veryBad))
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
