import Dispatch
import Foundation
import GroupingCore

/// Simulation-based calibration (Talts, Betancourt, Simpson, Vehtari & Gelman 2018): data
/// sets drawn from each model's (fixed) prior, the rank of every true parameter among
/// L = 99 posterior draws, rank histograms in 10 bins tested for uniformity by chi-square
/// (9 df; the 1% critical value is 21.67), and the coverage of the 95% theta intervals.
///
/// Regimes: "balanced" (tau, sigma ~ HalfNormal(0.3), se ~ U(0.1, 0.3)), "tau << se"
/// (se ~ U(1, 2)), "sigma << tau" (sigma ~ HalfNormal(0.02)); models ungrouped, one-way
/// (5 groups) and additive (4 × 3 levels), 60 creators per data set.
///
/// Arguments: `--datasets D` (300 per model and regime), `--seed S`.
func runCalibrationBenchmark(arguments: [String]) {
    let datasets = BenchmarkSupport.integer("--datasets", in: arguments, default: 300)
    let seed = UInt64(BenchmarkSupport.integer("--seed", in: arguments, default: 2018))
    let creators = 60
    let draws = 99
    struct Regime {
        var name: String
        var tauScale: Double
        var sigmaScale: Double
        var seRange: ClosedRange<Double>
    }
    let regimes = [
        Regime(name: "balanced", tauScale: 0.3, sigmaScale: 0.3, seRange: 0.1...0.3),
        Regime(name: "tau << se", tauScale: 0.3, sigmaScale: 0.3, seRange: 1...2),
        Regime(name: "sigma << tau", tauScale: 0.3, sigmaScale: 0.02, seRange: 0.1...0.3),
    ]
    let forms: [ModelSpec.Form] = [.ungrouped, .oneWay, .additive]
    print("simulation-based calibration: \(datasets) data sets per model and regime, \(creators) creators, L = \(draws)")
    print("model      regime          parameter        chi2 (9 df)  uniform at 1%   theta coverage")
    let start = DispatchTime.now().uptimeNanoseconds
    for form in forms {
        for regime in regimes {
            let priors = Priors(muSD: 1, sigmaGroupScale: regime.sigmaScale, tauScale: regime.tauScale)
            var outcomes = [(ranks: [String: Int], inside: Int)?](repeating: nil, count: datasets)
            outcomes.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let buffer = buffer
            DispatchQueue.concurrentPerform(iterations: datasets) { index in
                var generator = SeededGenerator(seed: seed, stream: UInt64(index) &* 7919 &+ UInt64(form.hashValue & 0xff))
                func halfNormal(_ s: Double) -> Double { abs(RandomVariates.standardNormal(using: &generator)) * s }
                let mu = RandomVariates.standardNormal(using: &generator)
                let tau = halfNormal(regime.tauScale)
                var truth: [String: Double] = ["mu": mu, "tau": tau]
                var eta = [Double](repeating: mu, count: creators)
                var spec = ModelSpec.ungrouped()
                switch form {
                case .ungrouped: break
                case .oneWay:
                    let sigma = halfNormal(regime.sigmaScale)
                    truth["sigma_group"] = sigma
                    let effects = (0..<5).map { _ in sigma * RandomVariates.standardNormal(using: &generator) }
                    let codes = (0..<creators).map { Int32($0 % 5) }
                    for i in 0..<creators { eta[i] += effects[Int(codes[i])] }
                    truth["group[0]"] = mu + effects[0]
                    spec = .oneWay(ModelSpec.Factor(name: "g", codes: codes, labels: (0..<5).map { "G\($0)" }))
                case .additive:
                    let sa = halfNormal(regime.sigmaScale)
                    let sb = halfNormal(regime.sigmaScale)
                    truth["sigma_A"] = sa
                    truth["sigma_B"] = sb
                    let a = (0..<4).map { _ in sa * RandomVariates.standardNormal(using: &generator) }
                    let b = (0..<3).map { _ in sb * RandomVariates.standardNormal(using: &generator) }
                    let codesA = (0..<creators).map { Int32($0 % 4) }
                    let codesB = (0..<creators).map { Int32(($0 / 4) % 3) }
                    for i in 0..<creators { eta[i] += a[Int(codesA[i])] + b[Int(codesB[i])] }
                    truth["group[0]"] = mu + a[0] + b[0]
                    spec = .additive(
                        ModelSpec.Factor(name: "A", codes: codesA, labels: (0..<4).map { "A\($0)" }),
                        ModelSpec.Factor(name: "B", codes: codesB, labels: (0..<3).map { "B\($0)" }))
                }
                let ses = (0..<creators).map { _ in
                    regime.seRange.lowerBound
                        + (regime.seRange.upperBound - regime.seRange.lowerBound)
                        * RandomVariates.uniformOpen(using: &generator)
                }
                let theta = eta.map { $0 + tau * RandomVariates.standardNormal(using: &generator) }
                let y = (0..<creators).map { theta[$0] + ses[$0] * RandomVariates.standardNormal(using: &generator) }
                let fit = HierarchicalModel.fit(
                    spec: spec, effects: y, ses: ses, priors: priors,
                    settings: SamplerSettings(chains: 1, draws: draws, seed: UInt64(index) + 1))
                var local: [String: Int] = [:]
                func rank(_ values: [Double], _ value: Double) -> Int { values.filter { $0 < value }.count }
                local["mu"] = rank(fit.mu, mu)
                let names = spec.hyperparameterNames
                for (h, name) in names.enumerated() {
                    local[name] = rank(fit.hyperparameterDraws[h], truth[name]!)
                }
                if form != .ungrouped { local["group[0]"] = rank(fit.muGroup[0], truth["group[0]"]!) }
                var inside = 0
                for i in 0..<creators where theta[i] >= fit.thetaLower[i] && theta[i] <= fit.thetaUpper[i] {
                    inside += 1
                }
                buffer[index] = (local, inside)
            }
            }
            var ranks: [String: [Int]] = [:]
            var covered = 0
            var total = 0
            for outcome in outcomes {
                guard let outcome else { continue }
                for (name, value) in outcome.ranks { ranks[name, default: []].append(value) }
                covered += outcome.inside
                total += creators
            }
            for name in ranks.keys.sorted() {
                var bins = [Int](repeating: 0, count: 10)
                for r in ranks[name]! { bins[min(r / 10, 9)] += 1 }
                let expected = Double(datasets) / 10
                let chi2 = bins.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
                print(
                    String(
                        format: "%-10@ %-15@ %-16@ %8.2f     %@          %.4f",
                        form.rawValue, regime.name, name, chi2, chi2 < 21.67 ? "yes" : "NO ", Double(covered) / Double(total)))
            }
        }
    }
    print(String(format: "total %.1f s", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9))
}
