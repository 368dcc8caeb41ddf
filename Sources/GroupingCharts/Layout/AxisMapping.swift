import Foundation

/// The map from data values to positions along one axis, with the scale's transform and
/// end points computed once: what every mark's position goes through, so it must be cheap
/// (a million points per chart).
struct AxisMapping: Sendable {
    private let kind: ScaleKind
    private let transformedLower: Double
    private let span: Double
    private let start: Double
    private let length: Double

    /// - Parameters:
    ///   - scale: the axis's scale (nil: everything maps to the middle).
    ///   - start: the position of `scale.lower`.
    ///   - length: signed distance from `scale.lower` to `scale.upper` (negative for a
    ///     y axis, which grows upwards on a y-down surface).
    init(scale: ValueScale?, start: Double, length: Double) {
        self.kind = scale?.kind ?? .linear
        self.start = start
        self.length = length
        if let scale {
            let low = Self.transform(scale.lower, kind)
            let high = Self.transform(scale.upper, kind)
            transformedLower = low
            span = high - low
        } else {
            transformedLower = 0
            span = 0
        }
    }

    /// The position of `value`.
    @inline(__always)
    func position(_ value: Double) -> Double {
        guard span != 0 else { return start + length / 2 }
        return start + (Self.transform(value, kind) - transformedLower) / span * length
    }

    @inline(__always)
    static func transform(_ value: Double, _ kind: ScaleKind) -> Double {
        switch kind {
        case .linear: return value
        case .log: return log10(Swift.max(value, Double.leastNormalMagnitude))
        case .symlog(let threshold): return (value < 0 ? -1 : 1) * log10(1 + abs(value) / threshold)
        }
    }
}
