import Foundation

/// Formats numbers for people, the one formatter of the HTML, the PDF, the CSV and the
/// sentences the core writes (checklist details, reasons, pitfalls): significant digits,
/// p-values, percentages and thousands separators, with "—" for a value that does not exist.
///
/// Every function is pure and independent of the process locale (the report reads the same
/// on every machine): the decimal separator is ".", the thousands separator ",", and the
/// minus sign the ASCII hyphen-minus so that copied numbers paste into a spreadsheet.
public enum NumberFormatting {
    /// What the report prints where a value does not exist (nil or NaN).
    public static let missing = "—"

    /// `x` rounded to `digits` significant digits, in fixed notation with thousands
    /// separators, or in scientific notation (`1.2e-05` → `1.2e-5`) when |x| < 1e-4 or ≥ 1e9.
    ///
    /// Trailing zeros after the decimal point are dropped (`0.500` → `0.5`).
    /// - Parameters:
    ///   - x: The value; nil or NaN gives "—", infinities "∞" and "-∞".
    ///   - digits: Significant digits, at least 1.
    ///   - grouping: Thousands separators (off inside sentences that list numbers with commas).
    public static func significant(_ x: Double?, digits: Int = 3, grouping: Bool = true) -> String {
        guard let x, !x.isNaN else { return missing }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        if x == 0 { return "0" }
        let digits = max(1, digits)
        let magnitude = abs(x)
        if magnitude < 1e-4 || magnitude >= 1e9 {
            return scientific(x, digits: digits)
        }
        let exponent = Int(floor(log10(magnitude)))
        var decimals = max(0, digits - 1 - exponent)
        // Rounding can carry into the next power of ten (0.9996 → 1.00); one digit fewer then.
        if decimals > 0, abs(Double(String(format: "%.\(decimals)f", x)) ?? 0) >= pow(10, Double(exponent + 1)) {
            decimals -= 1
        }
        return fixed(x, decimals: decimals, trimTrailingZeros: true, grouping: grouping)
    }

    /// A number inside a sentence: `significant` without thousands separators (so that a
    /// comma-separated list of numbers cannot be misread).
    public static func number(_ x: Double, digits: Int = 3) -> String {
        significant(x, digits: digits, grouping: false)
    }

    /// `x` with exactly `decimals` digits after the point and thousands separators
    /// (`-1234.56`, 1 → `-1,234.6`).
    /// - Parameters:
    ///   - trimTrailingZeros: Drop zeros at the end of the fraction (and a bare point).
    public static func fixed(_ x: Double?, decimals: Int, trimTrailingZeros: Bool = false, grouping: Bool = true)
        -> String
    {
        guard let x, !x.isNaN else { return missing }
        if x.isInfinite { return x > 0 ? "∞" : "-∞" }
        var text = String(format: "%.\(max(0, decimals))f", x)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }  // no "-0.0"
        if trimTrailingZeros, text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return grouping ? groupThousands(text) : text
    }

    /// A count with thousands separators: 12345 → `12,345`; nil gives "—".
    public static func integer(_ n: Int?) -> String {
        guard let n else { return missing }
        return groupThousands(String(n))
    }

    /// Numbers as a list that cannot be misread: joined with ", ", or with "; " as soon as
    /// one of them holds a comma (a thousands separator): `5, 12`, `99; 3,134; 10,026`.
    public static func list(_ items: [String]) -> String {
        items.joined(separator: items.contains { $0.contains(",") } ? "; " : ", ")
    }

    /// A part of a whole with its verb: `1 of 4 groups has`, `3 of 4 groups have`,
    /// `0 of 2 cells have`. The verb agrees with the part; counts get thousands separators.
    public static func part(_ part: Int, of whole: Int, _ pluralNoun: String) -> String {
        "\(integer(part)) of \(integer(whole)) \(pluralNoun) \(part == 1 ? "has" : "have")"
    }

    /// A p-value as an analyst writes it: `0.032`, `0.0012`, `3.2e-12`, and `< 1e-300` for
    /// values so small that they are zero in double precision for all practical purposes.
    ///
    /// Two significant digits; scientific notation below 0.001.
    public static func pValue(_ p: Double?) -> String {
        guard let p, !p.isNaN else { return missing }
        if p < 1e-300 { return "< 1e-300" }
        if p < 0.001 { return scientific(p, digits: 2) }
        return significant(min(p, 1), digits: 2)
    }

    /// A fraction as a percentage: 0.934 → `93.4%` (one decimal by default).
    public static func percent(fraction: Double?, decimals: Int = 1) -> String {
        guard let fraction, !fraction.isNaN else { return missing }
        return fixed(fraction * 100, decimals: decimals) + "%"
    }

    /// A value already in percent: 42.31 → `42.3%`.
    public static func percent(points: Double?, decimals: Int = 1) -> String {
        guard let points, !points.isNaN else { return missing }
        return fixed(points, decimals: decimals) + "%"
    }

    /// A duration in seconds for people: `0.42 s`, `12.3 s`, `2 min 05 s`.
    public static func duration(seconds: Double?) -> String {
        guard let seconds, !seconds.isNaN, seconds >= 0 else { return missing }
        if seconds < 60 { return significant(seconds, digits: seconds < 1 ? 2 : 3) + " s" }
        let whole = Int(seconds.rounded())
        return "\(whole / 60) min " + String(format: "%02d", whole % 60) + " s"
    }

    /// Values that are read together (a table's columns of means, sds, minima and maxima) with
    /// one number of decimals, chosen so that the largest magnitude shows `digits` significant
    /// digits: [0.12, 0.0812, -0.4] → `0.120`, `0.081`, `-0.400`. Falls back to
    /// `significant` per value when the values are all tiny (< 1e-4) or huge (≥ 1e9).
    /// - Parameters:
    ///   - maxDecimals: Upper bound on the decimals.
    public static func aligned(_ values: [Double?], digits: Int = 3, maxDecimals: Int = 6) -> [String] {
        let magnitudes = values.compactMap { $0 }.filter { $0.isFinite && $0 != 0 }.map { abs($0) }
        guard let largest = magnitudes.max(), largest >= 1e-4, largest < 1e9 else {
            return values.map { significant($0, digits: digits) }
        }
        let exponent = Int(floor(log10(largest)))
        let decimals = min(max(0, digits - 1 - exponent), maxDecimals)
        return values.map { fixed($0, decimals: decimals) }
    }

    /// Scientific notation with a short exponent: 3.2e-12, 1.5e9 (no "+", no leading zeros,
    /// no trailing zeros in the mantissa).
    public static func scientific(_ x: Double, digits: Int) -> String {
        let raw = String(format: "%.\(max(0, digits - 1))e", x)
        guard let eIndex = raw.firstIndex(of: "e") else { return raw }
        var mantissa = String(raw[..<eIndex])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        var exponent = String(raw[raw.index(after: eIndex)...])
        var sign = ""
        if exponent.hasPrefix("-") {
            sign = "-"
            exponent.removeFirst()
        }
        if exponent.hasPrefix("+") { exponent.removeFirst() }
        while exponent.count > 1, exponent.hasPrefix("0") { exponent.removeFirst() }
        return "\(mantissa)e\(sign)\(exponent)"
    }

    /// Inserts "," every three digits of the integer part of a plain decimal string.
    public static func groupThousands(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") {
            sign = "-"
            body = body.dropFirst()
        }
        let pointIndex = body.firstIndex(of: ".") ?? body.endIndex
        let integerPart = Array(body[..<pointIndex])
        guard integerPart.count > 3 else { return text }
        var grouped = ""
        for (offset, digit) in integerPart.enumerated() {
            if offset > 0, (integerPart.count - offset) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return sign + grouped + body[pointIndex...]
    }
}
