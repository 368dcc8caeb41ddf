import Foundation

/// grouping-bench: time and peak memory of each phase at scale. Never run by the tests.
///
///     grouping-bench description [--creators N]   load + Phase 1 + Phase 3 (default 1,000,000)
///     grouping-bench panel [--creators N] [--periods T]   the imputation estimator (1,000,000 × 24)
///     grouping-bench clustering [--creators N] [--exact]   k-means, k = 2…10 (1,000,000 × 4)
///     grouping-bench report [--creators N]        the whole report in memory (default 1,500 creators)
///     grouping-bench all                           every benchmark at its default size
let arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first ?? "all"
switch mode {
case "description":
    runDescriptionBenchmark(arguments: arguments)
case "panel":
    runPanelBenchmark(arguments: arguments)
    runClusteringBenchmark(arguments: arguments)
case "clustering":
    runClusteringBenchmark(arguments: arguments)
case "report":
    runReportBenchmark(arguments: arguments)
case "all":
    runDescriptionBenchmark(arguments: arguments)
    runPanelBenchmark(arguments: arguments)
default:
    print("usage: grouping-bench [description|panel|clustering|report|all] [--creators N]")
    exit(2)
}
