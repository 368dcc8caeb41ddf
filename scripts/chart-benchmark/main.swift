// Chart drawing times with large inputs; compiled and run by scripts/chart-benchmark.sh.
// (GroupingCharts sources are compiled into this module, hence no import.)
import Foundation

func time(_ name: String, _ body: () throws -> Void) rethrows {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print(String(format: "%-52@ %.3f s", name as NSString, seconds))
}
var state: UInt64 = 42
func uniform() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
func normal() -> Double { (-2 * log(max(uniform(), 1e-300))).squareRoot() * cos(2 * .pi * uniform()) }

let million = (0..<1_000_000).map { _ in normal() * 0.2 + (uniform() < 0.01 ? 5 : 0) }
let boxes = BoxPlotChart(title: "1,000,000 values in 6 groups", valueLabel: "Lift", groups: (0..<6).map { g in
    BoxGroup(label: "Group \(g)", values: Array(million[(g * 166_666)..<((g + 1) * 166_666)])) })
let oneGroup = BoxPlotChart(title: "1,000,000 values in one group", valueLabel: "Lift", groups: [BoxGroup(label: "All", values: million)])
let scatter = ScatterChart(title: "1,000,000 points", xs: million.map { abs($0) + 1 }, ys: million, xLabel: "x", yLabel: "y")
let fifty = BoxPlotChart(title: "50 groups, 1,000,000 values", valueLabel: "Lift", groups: (0..<50).map { g in
    BoxGroup(label: "Creator segment \(g): long-form tutorials", values: Array(million[(g * 20_000)..<((g + 1) * 20_000)])) })
for (name, chart) in [("boxplot 6 groups", boxes as Chart), ("boxplot 1 group", oneGroup), ("boxplot 50 groups", fifty), ("scatter (hexbin density)", scatter)] {
    try time("\(name): PNG 2x") { _ = try ChartOutput.png(chart, width: 800) }
    try time("\(name): SVG") { _ = ChartOutput.svg(chart, width: 800) }
    try time("\(name): PDF") { _ = try ChartOutput.pdf(chart, width: 800) }
}
let points20k = ScatterChart(title: "20,000 points", xs: Array(million.prefix(20_000)).map { abs($0) }, ys: Array(million.suffix(20_000)), xLabel: "x", yLabel: "y")
let heavy = BoxPlotChart(title: "heavy tails", valueLabel: "v", groups: (0..<50).map { g in
    BoxGroup(label: "G\(g)", values: (0..<20_000).map { _ in pow(normal(), 3) }) })
for (name, chart) in [("scatter 20,000 points", points20k as Chart), ("50 groups heavy tails (thinned outliers)", heavy)] {
    try time("\(name): PNG 2x") { _ = try ChartOutput.png(chart, width: 800) }
    try time("\(name): SVG") { _ = ChartOutput.svg(chart, width: 800) }
    try time("\(name): PDF") { _ = try ChartOutput.pdf(chart, width: 800) }
}
