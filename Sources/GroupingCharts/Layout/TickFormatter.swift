import Foundation
import GroupingNumerics

/// Compact tick labels: "0.05", "-2.5", "1.2k", "3.4M", "1e-6".
///
/// All labels of one axis share a style decided from the step and the largest
/// magnitude: plain decimals with as many digits as the step needs; a k/M/B/T suffix once
/// ticks reach 10,000; scientific "2.5e-6" once the largest tick is below 0.001.
public enum TickFormatter {
    /// Formats the linear ticks of one axis.
    public static func labels(for ticks: AxisTicks) -> [String] {
        let largest = ticks.values.map(abs).max() ?? 0
        return ticks.values.map { format($0, step: ticks.step, largest: largest) }
    }

    /// Formats one value of an axis whose step is `step` and largest |tick| `largest`.
    public static func format(_ value: Double, step: NiceStep, largest: Double) -> String {
        if value == 0 || abs(value) < step.value * 1e-9 { return "0" }
        if largest < 1e-3 { return scientific(value, exponentHint: step.exponent) }
        let suffixes: [(Double, Int, String)] = [(1e12, 12, "T"), (1e9, 9, "B"), (1e6, 6, "M"), (1e3, 3, "k")]
        if largest >= 1e4 {
            for (scale, power, suffix) in suffixes where largest >= scale {
                let decimals = Swift.max(0, power - step.exponent)
                return decimal(value / scale, decimals: decimals) + suffix
            }
        }
        return decimal(value, decimals: Swift.max(0, -step.exponent))
    }

    /// A power of ten, compactly: "0.001", "1", "100", "1k", "1M", "1e-6".
    public static func powerOfTen(_ exponent: Int) -> String {
        switch exponent {
        case ..<(-3): return "1e\(exponent)"
        case -3...(-1): return decimal(NiceStep.scaled(1, exponent), decimals: -exponent)
        case 0...3: return exponent == 3 ? "1k" : String(Int(NiceStep.scaled(1, exponent)))
        case 4...5: return "\(Int(NiceStep.scaled(1, exponent - 3)))k"
        case 6...8: return "\(Int(NiceStep.scaled(1, exponent - 6)))M"
        case 9...11: return "\(Int(NiceStep.scaled(1, exponent - 9)))B"
        default: return "1e\(exponent)"
        }
    }

    /// A value in plain notation with a fixed number of decimals (no "-0").
    public static func decimal(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.\(Swift.min(decimals, 12))f", value)
        if text.hasPrefix("-"), Double(text) == 0 { return String(text.dropFirst()) }
        return text
    }

    /// Scientific notation with the shortest mantissa: "1e-6", "2.5e-6", "-1.2e-7".
    public static func scientific(_ value: Double, exponentHint: Int) -> String {
        // value = multiple · 10^exponentHint with an integer multiple (for tick values).
        var multiple = Int((abs(value) / NiceStep.scaled(1, exponentHint)).rounded())
        var exponent = exponentHint
        guard multiple != 0 else { return String(format: "%.2g", value) }
        while multiple % 10 == 0 {
            multiple /= 10
            exponent += 1
        }
        let digits = String(multiple)
        let sign = value < 0 ? "-" : ""
        let leadingExponent = exponent + digits.count - 1
        let mantissa = digits.count == 1 ? digits : "\(digits.prefix(1)).\(digits.dropFirst())"
        return "\(sign)\(mantissa)e\(leadingExponent)"
    }

    /// A data value in a label or note (not a tick): up to `significant` digits, compact.
    public static func value(_ x: Double, significant: Int = 3) -> String {
        guard x.isFinite else { return x.isNaN ? NumberFormatting.missing : (x > 0 ? "∞" : "-∞") }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        if magnitude >= 1e3 || magnitude < 1e-3 {
            let suffixes: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")]
            if magnitude < 1e15, let (scale, suffix) = suffixes.first(where: { magnitude >= $0.0 }) {
                return trimmed(String(format: "%.\(significant)g", x / scale)) + suffix
            }
            return String(format: "%.\(Swift.max(0, significant - 1))e", x)
                .replacingOccurrences(of: "e-0", with: "e-").replacingOccurrences(of: "e+0", with: "e")
                .replacingOccurrences(of: "e+", with: "e")
        }
        return trimmed(String(format: "%.\(significant)g", x))
    }

    private static func trimmed(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var result = text
        while result.hasSuffix("0") { result.removeLast() }
        if result.hasSuffix(".") { result.removeLast() }
        return result
    }

    /// A count with thousands separators: 12,345 (`NumberFormatting.integer`).
    public static func count(_ n: Int) -> String { NumberFormatting.integer(n) }
}
