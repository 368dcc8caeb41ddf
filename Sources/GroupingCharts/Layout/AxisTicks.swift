import Foundation

/// Round tick values covering a data range on a linear axis (Heckbert's "loose
/// labelling": the step is a nice number near range / (targetCount − 1) and the axis is
/// widened to the enclosing multiples of the step, so the ticks always cover the data).
public struct AxisTicks: Equatable, Sendable {
    /// The tick values, ascending: round multiples of `step`.
    public var values: [Double]
    /// The step between ticks.
    public var step: NiceStep
    /// The axis range: the first and last tick.
    public var lower: Double
    public var upper: Double

    /// - Parameters:
    ///   - minimum: the smallest value to cover (finite).
    ///   - maximum: the largest value to cover (finite, ≥ minimum).
    ///   - targetCount: about how many ticks are wanted (Heckbert's `nticks`, ≥ 2).
    /// - Returns: ticks whose first value is ≤ `minimum` and last ≥ `maximum`.
    public init(minimum: Double, maximum: Double, targetCount: Int = 6) {
        var low = Swift.min(minimum, maximum)
        var high = Swift.max(minimum, maximum)
        if !(low.isFinite && high.isFinite) {
            low = 0
            high = 1
        }
        if high - low <= Swift.max(abs(high), abs(low)) * 1e-12 {
            // A single value: open a window of ±10% around it (±1 around zero).
            let half = low == 0 ? 1 : abs(low) * 0.1
            low -= half
            high += half
        }
        // Heckbert rounds the span to a nice number first; rounding the raw step directly
        // (a common variant) gives more ticks on short axes while staying 1-2-5.
        let step = NiceStep(near: (high - low) / Double(Swift.max(1, targetCount - 1)), round: true)
        let stepValue = step.value
        let first = Int((low / stepValue).rounded(.down))
        let last = Int((high / stepValue).rounded(.up))
        self.step = step
        self.values = (first...Swift.max(first + 1, last)).map { index in
            NiceStep.scaled(index * step.mantissa, step.exponent)
        }
        self.lower = values.first!
        self.upper = values.last!
    }
}
