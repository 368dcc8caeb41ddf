/// A numeric axis as a chart describes it; the layout picks the ticks for the room it has.
public struct ValueAxis: Sendable {
    public var minimum: Double
    public var maximum: Double
    /// A typical magnitude of the data, for the automatic choice of a log scale.
    public var typical: Double
    public var choice: ScaleChoice
    public var title: String?
    /// Ticks to use instead of computed ones (e.g. each k of the elbow), with the range.
    public var fixedTicks: [Double]?

    public init(
        minimum: Double, maximum: Double, typical: Double = 0, choice: ScaleChoice = .linear, title: String?,
        fixedTicks: [Double]? = nil
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.typical = typical
        self.choice = choice
        self.title = title
        self.fixedTicks = fixedTicks
    }

    /// The scale for an axis of `length` points: about one tick per `spacing` points.
    func scale(length: Double, spacing: Double) -> ValueScale {
        if let fixedTicks, !fixedTicks.isEmpty {
            let maxTicks = Swift.max(2, Int(length / 28))
            let stride = Swift.max(1, Int((Double(fixedTicks.count) / Double(maxTicks)).rounded(.up)))
            let shown = Swift.stride(from: 0, to: fixedTicks.count, by: stride).map { fixedTicks[$0] }
            return .fixed(ticks: shown, lower: minimum, upper: maximum)
        }
        let target = Swift.min(10, Swift.max(3, Int(length / spacing)))
        let span = maximum - minimum
        // A little room so marks at the extremes are not cut by the frame (linear only).
        let pad = span > 0 ? span * 0.02 : 0
        var scale = ValueScale.make(choice, minimum: minimum, maximum: maximum, typical: typical)
        if scale.kind == .linear {
            scale = .linear(minimum: minimum - pad, maximum: maximum + pad, targetTicks: target)
        }
        return scale
    }
}

/// A categorical axis: one band per label, optionally with the number of items under each.
public struct CategoryAxis: Sendable {
    public var labels: [String]
    public var counts: [Int]?
    public var title: String?

    public init(labels: [String], counts: [Int]? = nil, title: String? = nil) {
        self.labels = labels
        self.counts = counts
        self.title = title
    }
}

/// Which way a categorical chart runs.
public enum CategoryOrientation: Equatable, Sendable {
    /// Pick by the number of categories and the room their labels need.
    case automatic
    /// Categories side by side along x, values up the y axis.
    case vertical
    /// One row per category, values along x (labels read horizontally; many groups).
    case horizontal
}
