import Foundation
import GroupingCharts

/// Realistic example charts shared by the tests and the gallery (PNG files to look at).
enum Gallery {
    /// A small deterministic generator (SplitMix64) so examples are stable.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func normal() -> Double {
            let u = Swift.max(uniform(), 1e-300)
            let v = uniform()
            return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
        }
    }

    static let genres = ["Music", "Gaming", "Education", "Comedy", "Beauty", "Música & <Arte>"]

    static func genreBoxes() -> BoxPlotChart {
        var generator = Generator(state: 7)
        let groups = genres.enumerated().map { index, genre in
            BoxGroup(
                label: genre,
                values: (0..<250).map { _ in
                    0.05 * Double(index - 2) + 0.12 * generator.normal() + (generator.uniform() < 0.02 ? 0.6 : 0)
                })
        }
        return BoxPlotChart(
            title: "Revenue lift by genre", valueLabel: "Revenue lift (post − pre) / pre", groupAxisLabel: "Genre",
            groups: groups)
    }

    static func longLabels(_ count: Int) -> [String] {
        (0..<count).map {
            "Creator segment \($0 + 1): \(["long-form tutorials", "Ästhetik & design", "short clips <15s>", "live streaming evenings"][$0 % 4])"
        }
    }

    static func manyGroupBoxes() -> BoxPlotChart {
        var generator = Generator(state: 11)
        let groups = longLabels(50).enumerated().map { index, label in
            BoxGroup(
                label: label,
                values: (0..<(20 + index * 3)).map { _ in 0.01 * Double(index % 7) + 0.1 * generator.normal() })
        }
        return BoxPlotChart(
            title: "Revenue lift by a fifty-group candidate with long names", valueLabel: "Revenue lift", groups: groups
        )
    }
}

extension Gallery {
    static func elbow() -> ElbowChart {
        let ks = Array(2...10)
        return ElbowChart(ks: ks, inertias: ks.map { 3000 / Double($0) + 120 * Double($0) }, chosenK: 5)
    }

    static func forest() -> ForestChart {
        let rows = (0..<8).map { index in
            ForestRow(
                label: ["Music", "Gaming", "Education", "Comedy", "Beauty", "Música & <Arte>", "Ästhetik", "Sports"][
                    index],
                mean: 0.02 * Double(index) - 0.03, low: 0.02 * Double(index) - 0.09, high: 0.02 * Double(index) + 0.025,
                count: 40 + 25 * index)
        }
        return ForestChart(title: "Group effects μ_group: genre (95% HDI)", rows: rows, globalMean: 0.041)
    }

    static func scatter(_ count: Int) -> ScatterChart {
        var generator = Generator(state: 3)
        var xs: [Double] = []
        var ys: [Double] = []
        for _ in 0..<count {
            let se = 0.02 + 0.3 * generator.uniform()
            xs.append(1 / se)
            ys.append(abs(0.6 * se * generator.normal()))
        }
        return ScatterChart(
            title: "Shrinkage against precision", xs: xs, ys: ys, xLabel: "Precision (1/SE)",
            yLabel: "Shrinkage (absolute)")
    }

    static func sizes() -> BarChart {
        BarChart(
            title: "Group sizes: genre", labels: Array(genres) + ["Ästhetik"], values: [120, 85, 14, 60, 9, 33, 47],
            valueLabel: "Creators", referenceLine: 15, referenceLabel: "min_group_size")
    }

    static func loo() -> ErrorBarChart {
        ErrorBarChart(
            labels: ["genre", "size_quartile", "arpu_quintile", "genre_x_arpu", "data_driven_cluster"],
            values: [-1520.4, -1498.2, -1530.9, -1501.7, -1560.0], errors: [21.3, 19.8, 22.0, 25.1, 18.4])
    }

    /// The LOO comparison as differences to the best, the ungrouped baseline last.
    static func comparison() -> ComparisonChart {
        ComparisonChart(rows: [
            ComparisonChartRow(label: "genre", difference: 0, dse: 0),
            ComparisonChartRow(label: "arpu_quintile", difference: 34.9, dse: 16.6),
            ComparisonChartRow(label: "size_quartile", difference: 3.5, dse: 4.1),
            ComparisonChartRow(label: "ungrouped", difference: 61.2, dse: 12.0, isBaseline: true),
        ])
    }

    /// LOO-PIT values of a model whose intervals are a little too wide, with a ± 0.06 band.
    static func pit() -> PITECDFChart {
        var generator = Generator(state: 7)
        let values = (0..<600).map { _ in 0.5 + 0.4 * (generator.uniform() - 0.5) + 0.5 * (generator.uniform() - 0.5) }
        let points = (1..<100).map { Double($0) / 100 }
        return PITECDFChart(
            values: values, points: points, lower: points.map { Swift.max(0, $0 - 0.06) },
            upper: points.map { Swift.min(1, $0 + 0.06) })
    }
}
