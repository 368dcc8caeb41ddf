/// Numbers as the SVG writer prints them: rounded to hundredths of a point (a hundredth of
/// a CSS pixel, far below what a screen or a printer resolves), without trailing zeros or
/// a negative zero: 12, 12.5, 12.05, -0.3.
enum SVGNumber {
    /// Values beyond this magnitude are printed as whole numbers (hundredths would
    /// overflow `Int`); no chart coordinate comes near it.
    private static let largest = 1e13

    /// Appends `value` to `text`; a non-finite value is written as 0 (callers skip shapes
    /// with non-finite coordinates, so this only keeps the document well-formed).
    static func append(_ value: Double, to text: inout String) {
        guard value.isFinite else {
            text += "0"
            return
        }
        guard Swift.abs(value) < largest else {
            text += String(Int(value.rounded()))
            return
        }
        let hundredths = Int((value * 100).rounded())
        if hundredths == 0 {
            text += "0"
            return
        }
        if hundredths < 0 { text += "-" }
        let magnitude = Swift.abs(hundredths)
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        guard fraction != 0 else { return }
        text += "."
        if fraction % 10 == 0 {
            text += String(fraction / 10)
        } else {
            if fraction < 10 { text += "0" }
            text += String(fraction)
        }
    }

    /// `value` as `append(_:to:)` writes it.
    static func format(_ value: Double) -> String {
        var text = ""
        append(value, to: &text)
        return text
    }
}
