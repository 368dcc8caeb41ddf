import Dispatch
import Foundation
import GroupingCore

/// The grid's stress set: one-way fits with tau from 1e-4 to 10 times the se, sigma tiny,
/// equal to the se and huge, 5 and 50 groups, 30 to `--max-creators` creators. Each fit's
/// tau and sigma_group means and sds are compared with `BruteForceReference` on a dense
/// lattice (`--nodes`, 300 per axis) over the fit's grid extent widened by half its width on
/// each side; the table flags every case over 1% and whether the grid called itself adequate.
func runGridStressBenchmark(arguments: [String]) {
    let maxCreators = BenchmarkSupport.integer("--max-creators", in: arguments, default: 100_000)
    let nodes = BenchmarkSupport.integer("--nodes", in: arguments, default: 300)
    let se = 0.1
    let taus = [1e-4, 1e-2, 0.1, 1, 10].map { $0 * se }
    let sigmas = [1e-4 * se, se, 10 * se]
    let groupCounts = [5, 50]
    var sizes = Array(Set([30, 1000, maxCreators].filter { $0 <= maxCreators })).sorted()
    // `--sizes 1000000`: only these numbers of creators; `--grid`: each fit's refinement record.
    if let index = arguments.firstIndex(of: "--sizes"), index + 1 < arguments.count {
        sizes = arguments[index + 1].split(separator: ",").compactMap { Int($0) }
    }
    let showGrid = arguments.contains("--grid")
    print("grid stress: \(taus.count * sigmas.count * groupCounts.count * sizes.count) one-way fits against a \(nodes)² brute-force lattice")
    print("   N  groups  tau/se  sigma/se   nodes  adequate  max rel. error (tau mean, tau sd, sigma mean, sigma sd)")
    var worst = 0.0
    var adequateButWrong = 0
    var kBad = 0
    var kTotal = 0
    for n in sizes {
        for groups in groupCounts where groups <= n / 3 {
            for tau in taus {
                for sigma in sigmas {
                    var generator = SeededGenerator(seed: UInt64(n * 31 + groups * 7) &+ UInt64(tau * 1e6) &+ UInt64(sigma * 1e7))
                    let codes = (0..<n).map { Int32($0 % groups) }
                    let effects = (0..<groups).map { _ in sigma * RandomVariates.standardNormal(using: &generator) }
                    let ses = (0..<n).map { _ in se * (0.5 + RandomVariates.uniformOpen(using: &generator)) }
                    let y = (0..<n).map { i in
                        effects[Int(codes[i])] + tau * RandomVariates.standardNormal(using: &generator)
                            + ses[i] * RandomVariates.standardNormal(using: &generator)
                    }
                    let spec = ModelSpec.oneWay(
                        ModelSpec.Factor(name: "g", codes: codes, labels: (0..<groups).map { "G\($0)" }))
                    let priors = Priors.default(effects: y, ses: ses)
                    let fit = HierarchicalModel.fit(
                        spec: spec, effects: y, ses: ses, priors: priors, settings: SamplerSettings(chains: 4, draws: 1000))
                    let ranges = fit.gridRanges.map { r -> ClosedRange<Double> in
                        // The grid's own extent (about ±5 posterior sds), widened by half on each
                        // side: a fixed minimum width would make the reference's step larger than a
                        // posterior sd at 1M creators, and its sd too large by step²/12.
                        let width = max(r.upperBound - r.lowerBound, 1e-6)
                        return (r.lowerBound - width / 2)...(r.upperBound + width / 2)
                    }
                    let reference = BruteForceReference.moments(
                        spec: spec, effects: y, ses: ses, priors: priors, ranges: ranges, nodesPerAxis: nodes)
                    let ours = [fit.tauSummary, fit.sigmaGroupSummary]
                    var errors: [Double] = []
                    for (a, b) in zip(ours, reference.moments) {
                        errors.append(abs(a.mean - b.mean) / b.mean)
                        errors.append(abs(a.sd - b.sd) / b.sd)
                    }
                    let largest = errors.max() ?? 0
                    worst = max(worst, largest)
                    if fit.grid.adequate && largest > 0.01 { adequateButWrong += 1 }
                    kBad += fit.loo.paretoK.bad + fit.loo.paretoK.veryBad
                    kTotal += fit.loo.paretoK.good + fit.loo.paretoK.bad + fit.loo.paretoK.veryBad
                    print(
                        String(
                            format: "%7d  %3d  %7.0e  %7.0e  %6d  %@  %@%@",
                            n, groups, tau / se, sigma / se, fit.grid.nodes, fit.grid.adequate ? "yes     " : "NO      ",
                            errors.map { String(format: "%.2e", $0) }.joined(separator: " "),
                            largest > 0.01 ? "  > 1%" : ""))
                    if showGrid {
                        print(
                            "         grid: steps \(fit.grid.step.map { String(format: "%.3f", $0) }), refinements \(fit.grid.refinements), "
                                + String(format: "last change %.2e sd, edge mass %.1e", fit.grid.change, fit.grid.edgeMass))
                    }
                }
            }
        }
    }
    print(
        String(
            format: "worst relative error %.2e; adequate but over 1%%: %d; PSIS k above threshold: %d of %d creators",
            worst, adequateButWrong, kBad, kTotal))
}
