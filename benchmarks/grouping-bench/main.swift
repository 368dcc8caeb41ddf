import Foundation

/// grouping-bench: time and peak memory of each phase at scale. Never run by the tests.
///
///     grouping-bench description [--creators N]    load + Phase 1 + Phase 3 (1,000,000 creators)
///     grouping-bench clustering [--creators N] [--exact]   k-means, k = 2…10 (1,000,000 × 4)
///     grouping-bench panel [--creators N] [--periods T]    the imputation estimator (1,000,000 × 24)
///     grouping-bench phase4 [--creators N]         5 candidates' models and LOO (20,000 creators)
///     grouping-bench report [--creators N]         the whole example report in memory (1,500)
///     grouping-bench calibration [--datasets D]   simulation-based calibration of the three models
///     grouping-bench grid-stress [--max-creators N]   the grid against a brute-force lattice
///     grouping-bench fuzz [--inputs N] [--seed S]  the CSV reader and config parser, mutated inputs
///     grouping-bench worlds [--replicates R] [--seed S] [--creators 300,2000]
///                                                  decisions on simulated worlds vs an oracle
///     grouping-bench all                           every benchmark at its default size
let arguments = Array(CommandLine.arguments.dropFirst())
let benchmarks: [(name: String, run: ([String]) -> Void)] = [
    ("description", runDescriptionBenchmark),
    ("clustering", runClusteringBenchmark),
    ("panel", runPanelBenchmark),
    ("phase4", runPhase4Benchmark),
    ("report", runReportBenchmark),
    ("calibration", runCalibrationBenchmark),
    ("grid-stress", runGridStressBenchmark),
    ("worlds", runWorldsBenchmark),
]
let tools: [(name: String, run: ([String]) -> Void)] = [("fuzz", runFuzzHarness)]
let mode = arguments.first ?? "all"
if mode == "all" {
    for benchmark in benchmarks { benchmark.run([]) }
} else if let benchmark = (benchmarks + tools).first(where: { $0.name == mode }) {
    benchmark.run(arguments)
} else {
    print("usage: grouping-bench [\((benchmarks + tools).map(\.name).joined(separator: "|"))|all] [--creators N]")
    exit(2)
}
