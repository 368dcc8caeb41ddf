import Foundation

/// How a value axis maps data to position.
public enum ScaleKind: Equatable, Sendable {
    /// Proportional.
    case linear
    /// log10; only for positive data.
    case log
    /// Symmetric log: sign(v) · log10(1 + |v| / threshold); linear near zero, logarithmic
    /// beyond `threshold` (as matplotlib's "symlog"); for data of both signs.
    case symlog(threshold: Double)
}

/// What a chart's value axis should use: a fixed kind, or `automatic`, which switches to
/// a logarithmic kind when the data span so many orders of magnitude that a linear axis
/// would flatten the typical values into a line (see `ValueScale.make`).
public enum ScaleChoice: Equatable, Sendable {
    case automatic
    case linear
    case log
    case symlog
}

/// A value axis: its kind, its range and its ticks with labels.
public struct ValueScale: Equatable, Sendable {
    public var kind: ScaleKind
    public var lower: Double
    public var upper: Double
    public var ticks: [Double]
    public var tickLabels: [String]

    /// A linear scale with round ticks covering `minimum...maximum`.
    public static func linear(minimum: Double, maximum: Double, targetTicks: Int = 6) -> ValueScale {
        let ticks = AxisTicks(minimum: minimum, maximum: maximum, targetCount: targetTicks)
        return ValueScale(
            kind: .linear, lower: ticks.lower, upper: ticks.upper, ticks: ticks.values,
            tickLabels: TickFormatter.labels(for: ticks))
    }

    /// A log10 scale over positive `minimum...maximum`, ticked at powers of ten (every
    /// second or third one when there are many decades).
    public static func log(minimum: Double, maximum: Double, targetTicks: Int = 7) -> ValueScale {
        let low = Int(log10(minimum).rounded(.down))
        let high = Swift.max(low + 1, Int(log10(maximum).rounded(.up)))
        let stride = Swift.max(1, Int((Double(high - low) / Double(Swift.max(2, targetTicks - 1))).rounded(.up)))
        let exponents = Array(Swift.stride(from: low, through: high, by: stride))
        return ValueScale(
            kind: .log, lower: NiceStep.scaled(1, low), upper: NiceStep.scaled(1, exponents.last!),
            ticks: exponents.map { NiceStep.scaled(1, $0) }, tickLabels: exponents.map(TickFormatter.powerOfTen)
        )
        .covering(maximum)
    }

    /// A symmetric-log scale over `minimum...maximum`, ticked at 0 and ±powers of ten
    /// from `threshold` outwards, each side only as far as its data reach.
    public static func symlog(minimum: Double, maximum: Double, threshold: Double, targetTicks: Int = 9) -> ValueScale {
        let base = Int(log10(threshold).rounded(.down))
        func exponents(reaching magnitude: Double, ticks: Int) -> [Int] {
            guard magnitude > 0 else { return [] }
            let top = Swift.max(base, Int(log10(magnitude).rounded(.up)))
            let stride = Swift.max(1, Int((Double(top - base + 1) / Double(Swift.max(1, ticks))).rounded(.up)))
            return Array(Swift.stride(from: top, through: base, by: -stride)).reversed()
        }
        let sides = (minimum < 0 ? 1 : 0) + (maximum > 0 ? 1 : 0)
        let perSide = Swift.max(2, (targetTicks - 1) / Swift.max(1, sides))
        var ticks: [Double] = [0]
        var labels: [String] = ["0"]
        for exponent in exponents(reaching: maximum, ticks: perSide) {
            ticks.append(NiceStep.scaled(1, exponent))
            labels.append(TickFormatter.powerOfTen(exponent))
        }
        for exponent in exponents(reaching: -minimum, ticks: perSide) {
            ticks.insert(-NiceStep.scaled(1, exponent), at: 0)
            labels.insert("-" + TickFormatter.powerOfTen(exponent), at: 0)
        }
        let lower = Swift.min(ticks.first!, minimum)
        let upper = Swift.max(ticks.last!, maximum)
        return ValueScale(
            kind: .symlog(threshold: threshold), lower: lower, upper: upper, ticks: ticks, tickLabels: labels)
    }

    /// The scale for data in `minimum...maximum` whose central part (e.g. from the lowest
    /// first quartile to the highest third quartile, or the 10th to 90th percentile) is
    /// `centralLow...centralHigh`.
    ///
    /// `automatic` rule, so that a linear axis is kept unless it would flatten the data:
    /// - all values positive: a log scale when the central part spans at least
    ///   `centralDecades` orders of magnitude or the maximum exceeds the central part by
    ///   `extremeDecades`;
    /// - all values negative: the same on magnitudes, drawn as a symmetric log scale;
    /// - both signs: a symmetric log scale when the largest magnitude exceeds the central
    ///   magnitude by `extremeDecades` (a few huge values among ordinary ones);
    /// - otherwise linear.
    public static func make(
        _ choice: ScaleChoice, minimum: Double, maximum: Double, centralLow: Double, centralHigh: Double,
        centralDecades: Double = 2.5, extremeDecades: Double = 4
    ) -> ValueScale {
        let largest = Swift.max(abs(minimum), abs(maximum))
        var central = Swift.max(abs(centralLow), abs(centralHigh))
        if !(central > 0 && central.isFinite) { central = largest }
        func symlogScale() -> ValueScale {
            let smallestCentral = Swift.min(abs(centralLow), abs(centralHigh))
            let anchor = minimum < 0 && maximum > 0 ? central : Swift.max(smallestCentral, central * 1e-3)
            let threshold = NiceStep.scaled(
                1, Int(log10(Swift.max(anchor, largest * 1e-12, Double.leastNormalMagnitude)).rounded(.down)))
            return symlog(minimum: minimum, maximum: maximum, threshold: threshold)
        }
        func decades(_ high: Double, _ low: Double) -> Double {
            low > 0 && high > 0 ? log10(high / low) : 0
        }
        switch choice {
        case .linear: return linear(minimum: minimum, maximum: maximum)
        case .log: return minimum > 0 ? log(minimum: minimum, maximum: maximum) : symlogScale()
        case .symlog: return symlogScale()
        case .automatic:
            if minimum > 0 {
                let low = Swift.max(centralLow, minimum)
                if decades(centralHigh, low) >= centralDecades || decades(maximum, centralHigh) >= extremeDecades {
                    return log(minimum: minimum, maximum: maximum)
                }
            } else if maximum < 0 {
                let low = Swift.max(-centralHigh, -maximum)
                if decades(-centralLow, low) >= centralDecades || decades(-minimum, -centralLow) >= extremeDecades {
                    return symlogScale()
                }
            } else if largest > 0 && decades(largest, central) >= extremeDecades {
                return symlogScale()
            }
            return linear(minimum: minimum, maximum: maximum)
        }
    }

    private func covering(_ maximum: Double) -> ValueScale {
        var copy = self
        copy.upper = Swift.max(upper, maximum)
        return copy
    }

    /// Where `value` falls on the axis: 0 at `lower`, 1 at `upper` (may leave 0...1).
    public func fraction(_ value: Double) -> Double {
        AxisMapping(scale: self, start: 0, length: 1).position(value)
    }

    /// A short note for the chart when the scale is not linear, e.g. "Log scale".
    public var note: String? {
        switch kind {
        case .linear: return nil
        case .log: return "Log scale: values span many orders of magnitude"
        case .symlog(let threshold):
            return
                "Symmetric log scale (linear within ±\(TickFormatter.value(threshold))): values span many orders of magnitude"
        }
    }
}

extension ValueScale {
    /// A linear scale over `lower...upper` with the given ticks (e.g. every integer k).
    public static func fixed(ticks: [Double], lower: Double, upper: Double) -> ValueScale {
        let step = zip(ticks.dropFirst(), ticks).map { $0 - $1 }.min() ?? 1
        let largest = ticks.map(abs).max() ?? 0
        let labels = ticks.map {
            TickFormatter.format($0, step: NiceStep(near: Swift.max(step, 1e-300), round: true), largest: largest)
        }
        return ValueScale(kind: .linear, lower: lower, upper: upper, ticks: ticks, tickLabels: labels)
    }
}
