import Foundation

/// Heckbert's "nice numbers": steps of 1, 2 or 5 times a power of ten.
///
/// Source: Heckbert, P. S. (1990), "Nice numbers for graph labels", Graphics Gems I,
/// 61–63. A step is kept as an integer mantissa and a decimal exponent so that tick
/// values can be computed without accumulating rounding error (0.1 + 0.2 ≠ 0.3).
public struct NiceStep: Equatable, Sendable {
    /// 1, 2, 5 or 10.
    public var mantissa: Int
    /// Power of ten.
    public var exponent: Int

    public var value: Double { NiceStep.scaled(mantissa, exponent) }

    /// The nice number near `x > 0`: rounded to the nearest of 1, 2, 5, 10 × 10^e when
    /// `round`, otherwise the smallest of them ≥ x.
    public init(near x: Double, round: Bool) {
        let exponent = Int(log10(x).rounded(.down))
        let fraction = x / NiceStep.scaled(1, exponent)
        let mantissa: Int
        if round {
            mantissa = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            mantissa = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
        }
        if mantissa == 10 {
            self.mantissa = 1
            self.exponent = exponent + 1
        } else {
            self.mantissa = mantissa
            self.exponent = exponent
        }
    }

    /// `multiple · 10^exponent`, correctly rounded for negative exponents (division by an
    /// exact power of ten rather than multiplication by an inexact one).
    public static func scaled(_ multiple: Int, _ exponent: Int) -> Double {
        if exponent >= 0 { return Double(multiple) * pow(10, Double(exponent)) }
        return Double(multiple) / pow(10, Double(-exponent))
    }
}
