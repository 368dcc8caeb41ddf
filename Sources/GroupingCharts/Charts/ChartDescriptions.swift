/// What each chart shows, said in words: the `<desc>` of its SVG, read by screen readers and
/// found by a text search. Each states the data drawn (the groups and their main numbers),
/// not how to read the chart; that is the caption's job.
///
/// Items are separated by semicolons, since numbers may carry thousands separators.
enum ChartDescription {
    /// Lists at most this many items in full; the rest are counted.
    static let listedItems = 12

    /// "a; b; c" or "a; b; … and 5 more".
    static func list(_ items: [String]) -> String {
        guard items.count > listedItems else { return items.joined(separator: "; ") }
        return items.prefix(listedItems).joined(separator: "; ") + "; and \(items.count - listedItems) more"
    }

    /// "1 group" / "2 groups".
    static func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(TickFormatter.count(n)) \(n == 1 ? singular : plural ?? singular + "s")"
    }

    static func value(_ x: Double) -> String { TickFormatter.value(x) }
}

extension BoxPlotChart {
    public var dataDescription: String {
        let boxes = summary().boxes
        let described = zip(groups, boxes).map { group, box -> String in
            guard let box else { return "\(group.label): no finite values" }
            return "\(group.label): median \(ChartDescription.value(box.median)), quartiles "
                + "\(ChartDescription.value(box.q1)) to \(ChartDescription.value(box.q3)), "
                + "n=\(TickFormatter.count(box.count))"
        }
        let subject = valueLabel ?? "Values"
        return "\(subject) for \(ChartDescription.counted(groups.count, "group")) as boxplots. "
            + ChartDescription.list(described) + "."
    }
}

extension BarChart {
    public var dataDescription: String {
        let bars = zip(labels, values).map { "\($0.0): \(ChartDescription.value($0.1))" }
        var text = "\(valueLabel ?? "Values") for \(ChartDescription.counted(bars.count, "group")). "
        text += ChartDescription.list(bars) + "."
        if let referenceLine, referenceLine.isFinite {
            let below = values.filter { $0 < referenceLine }.count
            text += " The \(referenceLabel) line is at \(ChartDescription.value(referenceLine)); "
            text += "\(ChartDescription.counted(below, "group")) below it."
        }
        return text
    }
}

extension ForestChart {
    public var dataDescription: String {
        let described = rows.map { row -> String in
            var text = "\(row.label): \(ChartDescription.value(row.mean))"
            if row.low.isFinite && row.high.isFinite {
                text += " (\(ChartDescription.value(row.low)) to \(ChartDescription.value(row.high)))"
            }
            if let raw = row.raw, raw.isFinite { text += ", raw mean \(ChartDescription.value(raw))" }
            if let count = row.count { text += ", n=\(TickFormatter.count(count))" }
            return text
        }
        var text = "\(intervalLabel) of \(xLabel.lowercased()) for \(ChartDescription.counted(rows.count, "group")). "
        text += ChartDescription.list(described) + "."
        if let globalMean, globalMean.isFinite { text += " Global mean \(ChartDescription.value(globalMean))." }
        return text
    }
}

extension ScatterChart {
    public var dataDescription: String {
        let pairs = zip(xs, ys).filter { $0.0.isFinite && $0.1.isFinite }
        guard let first = pairs.first else { return "No points to draw." }
        var range = (xLow: first.0, xHigh: first.0, yLow: first.1, yHigh: first.1)
        for (x, y) in pairs {
            range.xLow = Swift.min(range.xLow, x)
            range.xHigh = Swift.max(range.xHigh, x)
            range.yLow = Swift.min(range.yLow, y)
            range.yHigh = Swift.max(range.yHigh, y)
        }
        return "\(ChartDescription.counted(pairs.count, "point")): \(xLabel) from "
            + "\(ChartDescription.value(range.xLow)) to \(ChartDescription.value(range.xHigh)), "
            + "\(yLabel) from \(ChartDescription.value(range.yLow)) to \(ChartDescription.value(range.yHigh))."
    }
}

extension ElbowChart {
    public var dataDescription: String {
        let described = points.map { "k=\($0.k): \(ChartDescription.value($0.inertia))" }
        var text = "\(yLabel) for \(ChartDescription.counted(described.count, "value")) of k. "
        text += ChartDescription.list(described) + "."
        if let chosenK { text += " The chosen k is \(chosenK)." }
        return text
    }
}

extension ErrorBarChart {
    public var dataDescription: String {
        let described = orderedRows.map {
            "\($0.label): \(ChartDescription.value($0.value)) ± \(ChartDescription.value($0.error))"
        }
        return "\(valueLabel) for \(ChartDescription.counted(described.count, "row")). "
            + ChartDescription.list(described) + "."
    }
}
