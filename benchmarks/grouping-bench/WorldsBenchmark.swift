import Dispatch
import Foundation
import GroupingCore

/// Judges the decision rule by what it does to the user's estimates. For each simulated
/// world (a known truth: no structure, a strong or weak genre effect, a gradient in arpu,
/// additive genre + content effects, heavy-tailed noise) and each N, R seeded replicates
/// each run the whole pipeline in memory (`Analysis.run`, truth given, so the coverage
/// check is on) and compare, against the true effects,
/// - the RMSE of the estimates the decision implies: effect_hat with `no_hbm`, otherwise
///   the posterior means of `estimatesGrouping` (the model `estimates.csv` holds; with
///   `revise` that is the grouping under revision, else the best by LOO);
/// - the RMSE of an oracle that knows the true grouping: the posterior means of the model
///   with the true structure (`ungrouped`, `genre`, `arpu_quintile` for the gradient,
///   `genre_plus_content`), every one of them a candidate, so its fit is in the output.
///
///     grouping-bench worlds [--replicates R (5)] [--seed S (7)] [--creators 300,2000] [--worlds none,strong,...]
///                           [--verbose]   (prints every replicate's decision and the reasons of the odd ones)
func runWorldsBenchmark(arguments: [String]) {
    let replicates = BenchmarkSupport.integer("--replicates", in: arguments, default: 5)
    let seed = UInt64(BenchmarkSupport.integer("--seed", in: arguments, default: 7))
    var sizes = [300, 2000]
    if let index = arguments.firstIndex(of: "--creators"), index + 1 < arguments.count {
        sizes = arguments[index + 1].split(separator: ",").compactMap {
            Int($0.replacingOccurrences(of: "_", with: ""))
        }
    }
    var worlds = SimulatedWorld.allCases
    if let index = arguments.firstIndex(of: "--worlds"), index + 1 < arguments.count {
        let wanted = arguments[index + 1].split(separator: ",").map(String.init)
        worlds = worlds.filter { wanted.contains($0.rawValue) }
    }
    let verbose = arguments.contains("--verbose")
    print(
        "== decisions on simulated worlds: \(replicates) replicates per world and N, seed \(seed), "
            + "\(ProcessInfo.processInfo.activeProcessorCount) cores")
    print("   ratio = RMSE of the decision's estimates / RMSE of the oracle's (the model with the true grouping)")
    print("   best  = the lowest RMSE over raw effect_hat and every fitted model, / oracle (hindsight)")
    let header =
        pad("world", 9) + pad("N", 5, right: true) + "  " + pad("decisions", 46) + pad("ratio", 6, right: true)
        + pad("worst", 7, right: true) + pad("best", 7, right: true) + pad("revise", 7, right: true)
        + pad("cover", 7, right: true) + pad("wall", 8, right: true) + pad("CPU", 8, right: true)
    print(header)
    print(String(repeating: "-", count: header.count))
    let start = DispatchTime.now().uptimeNanoseconds
    var oddities: [String: Int] = [:]
    for world in worlds {
        for n in sizes {
            let cellStart = DispatchTime.now().uptimeNanoseconds
            let cellCPU = BenchmarkSupport.processCPUSeconds()
            var counts: [String: Int] = [:]
            var ratios: [Double] = []
            var bests: [Double] = []
            var coverages: [Double] = []
            var revise = 0
            for replicate in 0..<replicates {
                let outcome = WorldReplicate.run(
                    world: world, creators: n, seed: seed, replicate: replicate, timings: verbose)
                counts[outcome.label, default: 0] += 1
                ratios.append(outcome.rmse / outcome.oracleRMSE)
                bests.append(outcome.bestRMSE / outcome.oracleRMSE)
                if let coverage = outcome.coverage { coverages.append(coverage) }
                if outcome.decision == .revise { revise += 1 }
                if verbose {
                    print(
                        String(
                            format: "   %@ N=%d #%d: %@, rmse %.4f, oracle %.4f (%@), best %.4f (%@)", world.rawValue,
                            n,
                            replicate, outcome.label, outcome.rmse, outcome.oracleRMSE, outcome.oracle,
                            outcome.bestRMSE,
                            outcome.bestName))
                }
                if outcome.rmse / outcome.oracleRMSE > 1.1 || outcome.decision == .revise {
                    let why = outcome.reasons.filter {
                        $0.contains(" fails: ") || $0.hasPrefix("No grouping") || $0.hasPrefix("Not clearly separated")
                    }
                    for line in why {
                        oddities["\(world.rawValue) N=\(n) \(outcome.label): \(shorten(line))", default: 0] += 1
                    }
                    if verbose { for line in outcome.reasons { print("      - " + line) } }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - cellStart) / 1e9
            let decisions = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            let coverage =
                coverages.isEmpty ? "-" : String(format: "%.3f", coverages.reduce(0, +) / Double(coverages.count))
            let cpu = BenchmarkSupport.processCPUSeconds() - cellCPU
            let mean = ratios.reduce(0, +) / Double(ratios.count)
            let best = bests.reduce(0, +) / Double(bests.count)
            print(
                pad(world.rawValue, 9) + pad("\(n)", 5, right: true) + "  " + pad(decisions, 46)
                    + pad(String(format: "%.3f", mean), 6, right: true)
                    + pad(String(format: "%.3f", ratios.max() ?? .nan), 7, right: true)
                    + pad(String(format: "%.3f", best), 7, right: true)
                    + pad(String(format: "%.2f", Double(revise) / Double(replicates)), 7, right: true)
                    + pad(coverage, 7, right: true) + pad(String(format: "%.0fs", seconds), 8, right: true)
                    + pad(String(format: "%.0fs", cpu), 8, right: true))
        }
    }
    let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "total %.1f s wall, %.1f s CPU", total, BenchmarkSupport.processCPUSeconds()))
    if !oddities.isEmpty {
        print("reasons where the decision was revise or more than 10% worse than the oracle (count):")
        for (line, count) in oddities.sorted(by: { $0.key < $1.key }) { print("  \(count)x \(line)") }
    }
}

/// `text` padded with spaces to `width` (Foundation's `%-9@` does not pad on Linux).
private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let fill = String(repeating: " ", count: max(0, width - text.count))
    return right ? fill + text : text + fill
}

private func shorten(_ line: String) -> String {
    line.count > 220 ? String(line.prefix(217)) + "..." : line
}

/// The truths the benchmark simulates.
enum SimulatedWorld: String, CaseIterable {
    /// theta ~ N(0.1, 0.1) for everyone.
    case none
    /// Genre effects with sd 0.15 (well above a typical se), tau 0.05.
    case strong
    /// The same genre pattern scaled to half the typical se (mean se 0.175), tau 0.05.
    case weak
    /// theta = 0.1 + 0.1 z(arpu) + N(0, 0.05): no grouping, a continuous gradient.
    case gradient
    /// theta = mu + a[genre] + b[content] + N(0, 0.04).
    case additive
    /// As `strong`, with Student-t(3) noise scaled to sd se.
    case heavy

    /// The candidate whose model has the true structure (the oracle).
    var oracle: String {
        switch self {
        case .none: return "ungrouped"
        case .strong, .weak, .heavy: return "genre"
        case .gradient: return "arpu_quintile"
        case .additive: return "genre_plus_content"
        }
    }
}

struct WorldReplicate {
    var decision: Decision
    var label: String
    var reasons: [String]
    var rmse: Double
    var oracle: String
    var oracleRMSE: Double
    var bestName: String
    var bestRMSE: Double
    /// The coverage of the truth by the decided model's 95% intervals (raw ± 1.96 se for no_hbm).
    var coverage: Double?

    static let genres = ["Comedy", "Music", "Gaming", "Beauty", "Education"]
    static let contents = ["Short", "Long", "Live", "Stories"]
    /// Genre effects: evenly spaced, population sd exactly 1 (scaled per world).
    static let genrePattern: [Double] = [-2, -1, 0, 1, 2].map { $0 / 2.0.squareRoot() }
    /// Content effects: evenly spaced, population sd exactly 1.
    static let contentPattern: [Double] = [1.5, -0.5, 0.5, -1.5].map { $0 / 1.25.squareRoot() }
    /// The typical se: the mean of U(0.05, 0.3).
    static let typicalSE = 0.175

    static func config(seed: UInt64) -> AnalysisConfig {
        let yaml = """
            title: "Simulated world"
            data:
              creators: creators.csv
              ites: ites.csv
              truth: truth.csv
            candidates:
              - genre
              - content
              - {name: arpu_quintile, quantiles: arpu, bins: 5}
              - {name: followers_quintile, quantiles: followers, bins: 5}
              - {name: genre_x_content, cross: [genre, content]}
              - {name: genre_plus_content, additive: [genre, content]}
            model: {chains: 4, draws: 1000, warmup: 1000, seed: \(seed)}

            """
        return try! ConfigParser.parse(yaml, fileName: "config.yml")
    }

    static func run(
        world: SimulatedWorld, creators n: Int, seed: UInt64, replicate: Int, timings: Bool = false
    ) -> WorldReplicate {
        let worldIndex = UInt64(SimulatedWorld.allCases.firstIndex(of: world)!)
        var rng = SeededGenerator(seed: seed &* 1_000_003 &+ UInt64(n), stream: worldIndex &* 1000 &+ UInt64(replicate))
        func normal() -> Double { RandomVariates.standardNormal(using: &rng) }
        func uniform() -> Double { RandomVariates.uniformOpen(using: &rng) }
        var genre = [Int](repeating: 0, count: n)
        var content = [Int](repeating: 0, count: n)
        var arpu = [Double](repeating: 0, count: n)
        var followers = [Double](repeating: 0, count: n)
        for i in 0..<n {
            genre[i] = min(Int(uniform() * 5), 4)
            content[i] = min(Int(uniform() * 4), 3)
            arpu[i] = 2 * exp(0.5 * normal())
            followers[i] = (10000 * exp(1.2 * normal())).rounded()
        }
        let arpuMean = arpu.reduce(0, +) / Double(n)
        let arpuSD = (arpu.map { ($0 - arpuMean) * ($0 - arpuMean) }.reduce(0, +) / Double(n - 1)).squareRoot()
        var theta = [Double](repeating: 0, count: n)
        var se = [Double](repeating: 0, count: n)
        var effectHat = [Double](repeating: 0, count: n)
        for i in 0..<n {
            switch world {
            case .none: theta[i] = 0.1 + 0.1 * normal()
            case .strong, .heavy: theta[i] = 0.1 + 0.15 * genrePattern[genre[i]] + 0.05 * normal()
            case .weak: theta[i] = 0.1 + 0.5 * typicalSE * genrePattern[genre[i]] + 0.05 * normal()
            case .gradient: theta[i] = 0.1 + 0.1 * (arpu[i] - arpuMean) / arpuSD + 0.05 * normal()
            case .additive:
                theta[i] = 0.1 + 0.1 * genrePattern[genre[i]] + 0.08 * contentPattern[content[i]] + 0.04 * normal()
            }
            se[i] = 0.05 + 0.25 * uniform()
            let noise: Double
            if world == .heavy {
                // Student-t(3) = Z / sqrt(chi²₃ / 3), variance 3: divide by sqrt(3) for sd 1.
                let z = normal()
                var chi2 = 0.0
                for _ in 0..<3 {
                    let x = normal()
                    chi2 += x * x
                }
                noise = z / (chi2 / 3).squareRoot() / 3.0.squareRoot()
            } else {
                noise = normal()
            }
            effectHat[i] = theta[i] + noise * se[i]
        }

        // The tables, as a user would give them, parsed in memory.
        func number(_ x: Double) -> String { String(format: "%.9g", x) }
        var creatorsCSV = "creator_id,genre,content,arpu,followers\n"
        var itesCSV = "creator_id,effect_hat,se\n"
        var truthCSV = "creator_id,true_effect\n"
        for i in 0..<n {
            let id = "c\(i + 1)"
            creatorsCSV +=
                "\(id),\(genres[genre[i]]),\(contents[content[i]]),\(number(arpu[i])),\(number(followers[i]))\n"
            itesCSV += "\(id),\(number(effectHat[i])),\(number(se[i]))\n"
            truthCSV += "\(id),\(number(theta[i]))\n"
        }
        func table(_ text: String, _ name: String) -> CSVTable {
            try! CSVTable(bytes: Array(text.utf8), fileName: name)
        }
        let frame = try! AnalysisFrame(
            creators: table(creatorsCSV, "creators.csv"), idColumn: "creator_id",
            ites: try! ITETable(table: table(itesCSV, "ites.csv"), idColumn: "creator_id"),
            truth: table(truthCSV, "truth.csv"), outcome: .effectHat)
        let config = config(seed: seed &+ UInt64(replicate))
        let started = DispatchTime.now().uptimeNanoseconds
        let output = try! Analysis.run(config: config, frame: frame) { message in
            guard timings else { return }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            print(String(format: "      %7.2f s  ", elapsed) + message)
        }
        if timings {
            let phases = output.timings.map { String(format: "%@ %.2f s", $0.phase, $0.seconds) }
            print("      phases: " + phases.joined(separator: ", "))
        }

        // The frame keeps every row (all have ITEs); align by it anyway.
        let rows = frame.rowCount
        let truth = frame.truth!
        let y = frame.effectHat!
        let s = frame.se!
        func rmse(_ estimate: [Double]) -> Double {
            var sum = 0.0
            var count = 0
            for i in 0..<rows where truth[i].isFinite {
                let e = estimate[i].isFinite ? estimate[i] : y[i]
                sum += (e - truth[i]) * (e - truth[i])
                count += 1
            }
            return (sum / Double(max(count, 1))).squareRoot()
        }
        func coverage(lower: [Double], upper: [Double]) -> Double {
            var inside = 0
            var count = 0
            for i in 0..<rows where truth[i].isFinite && lower[i].isFinite && upper[i].isFinite {
                if lower[i] <= truth[i] && truth[i] <= upper[i] { inside += 1 }
                count += 1
            }
            return count > 0 ? Double(inside) / Double(count) : .nan
        }
        let recommendation = output.results.recommendation!
        let decision = recommendation.decision
        var label = decision.rawValue
        if decision != .poolUngrouped, decision != .noHbm, let grouping = recommendation.grouping {
            label += ":" + grouping
        }
        var chosen: [Double] = y
        var chosenCoverage: Double? = coverage(
            lower: zip(y, s).map { $0 - 1.96 * $1 }, upper: zip(y, s).map { $0 + 1.96 * $1 })
        if decision != .noHbm, let name = output.estimatesGrouping, let estimates = output.creatorEstimates[name] {
            chosen = estimates.mean
            chosenCoverage = coverage(lower: estimates.lower, upper: estimates.upper)
        }
        let oracleMean: [Double]
        if let estimates = output.creatorEstimates[world.oracle] {
            oracleMean = estimates.mean
        } else {
            // The true grouping was skipped (too small a group): fit it directly.
            let grouping = output.groupings.first { $0.name == world.oracle }!
            let spec: ModelSpec
            if grouping.kind == .additive, let members = grouping.members, members.count == 2 {
                spec = .additive(
                    ModelSpec.Factor(name: members[0].name, codes: members[0].codes, labels: members[0].labels),
                    ModelSpec.Factor(name: members[1].name, codes: members[1].codes, labels: members[1].labels))
            } else {
                spec = .oneWay(ModelSpec.Factor(name: grouping.name, codes: grouping.codes, labels: grouping.labels))
            }
            oracleMean = HierarchicalModel.fit(spec: spec, effects: y, ses: s).thetaMean
        }
        var bestName = "raw"
        var bestRMSE = rmse(y)
        for (name, estimates) in output.creatorEstimates.sorted(by: { $0.key < $1.key }) {
            let value = rmse(estimates.mean)
            if value < bestRMSE { (bestName, bestRMSE) = (name, value) }
        }
        return WorldReplicate(
            decision: decision, label: label, reasons: recommendation.reasons, rmse: rmse(chosen), oracle: world.oracle,
            oracleRMSE: rmse(oracleMean), bestName: bestName, bestRMSE: bestRMSE, coverage: chosenCoverage)
    }
}
