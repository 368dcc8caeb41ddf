import Foundation

/// Numbers inside the sentences the library writes (checklist details, reasons, pitfalls):
/// significant digits, p-values, percentages. Locale-independent.
public enum Format {
    /// `value` with `digits` significant digits, no exponent for ordinary magnitudes, no
    /// trailing zeros: 0.0523, 12.3, 1234, 1.2e-07.
    public static func number(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "—" : (value > 0 ? "∞" : "−∞") }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e15 {
            let decimals = max(0, digits - 1 - Int(floor(log10(magnitude))))
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
        return String(format: "%.\(max(0, digits - 1))e", value)
    }

    /// A p-value: `0.032`, `3.2e-12`, and `< 1e-300` for a p-value that underflowed to 0.
    public static func pValue(_ p: Double) -> String {
        if p <= 0 { return "< 1e-300" }
        if p >= 0.001 { return number(p, digits: 2) }
        return String(format: "%.1e", p)
    }

    /// A share as a percentage with one decimal: 0.934 → "93.4%".
    public static func percent(_ share: Double) -> String {
        String(format: "%.1f%%", 100 * share)
    }
}
