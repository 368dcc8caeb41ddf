/// A numeric axis as a chart describes it; the layout picks the ticks for the room it has.
public struct ValueAxis: Sendable {
    public var minimum: Double
    public var maximum: Double
    /// The central part of the data (quartiles or percentiles), for the automatic choice
    /// of a log scale (see `ValueScale.make`); nil = the whole range.
    public var centralLow: Double?
    public var centralHigh: Double?
    /// Fraction of the range added at both ends of a linear axis before ticking, so marks
    /// at the extremes are not cut by the frame (0 for bars that start at zero).
    public var padding: Double
    public var choice: ScaleChoice
    public var title: String?
    /// Ticks to use instead of computed ones (e.g. each k of the elbow), with the range.
    public var fixedTicks: [Double]?

    public init(
        minimum: Double, maximum: Double, centralLow: Double? = nil, centralHigh: Double? = nil,
        choice: ScaleChoice = .linear,
        title: String?, fixedTicks: [Double]? = nil, padding: Double = 0.02
    ) {
        self.minimum = minimum
        self.maximum = maximum
        self.centralLow = centralLow
        self.centralHigh = centralHigh
        self.padding = padding
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
        var scale = ValueScale.make(
            choice, minimum: minimum, maximum: maximum, centralLow: centralLow ?? minimum,
            centralHigh: centralHigh ?? maximum)
        guard scale.kind == .linear else { return scale }
        scale = .linear(minimum: minimum, maximum: maximum, targetTicks: target)
        // Marks exactly at an end tick would be cut by the frame: widen by `padding` on
        // that side only, never across zero.
        let range = scale.upper - scale.lower
        var low = minimum
        var high = maximum
        if minimum - scale.lower < range * 0.01 && minimum != 0 {
            low = minimum - range * padding
            if minimum > 0 { low = Swift.max(0, low) }
        }
        if scale.upper - maximum < range * 0.01 && maximum != 0 {
            high = maximum + range * padding
            if maximum < 0 { high = Swift.min(0, high) }
        }
        if low != minimum || high != maximum {
            scale = .linear(minimum: low, maximum: high, targetTicks: target)
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

    /// Categories beyond which `.automatic` lays them out as rows.
    public static let horizontalThreshold = 15

    /// Whether `count` categories are drawn as rows under this choice.
    public func isHorizontal(categoryCount count: Int) -> Bool {
        switch self {
        case .horizontal: return true
        case .vertical: return false
        case .automatic: return count > Self.horizontalThreshold
        }
    }
}
