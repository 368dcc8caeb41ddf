/// Colour-blind-safe colours for the charts.
///
/// The categorical colours are Okabe and Ito's eight-colour palette ("Color Universal
/// Design", Okabe & Ito 2008, https://jfly.uni-koeln.de/color/), distinguishable under
/// the common forms of colour vision deficiency. The sequential ramp (for densities)
/// runs from near-white to the palette's blue through one hue, so it reads in greyscale.
public enum Palette {
    public static let orange = Color(hex: 0xE69F00)
    public static let skyBlue = Color(hex: 0x56B4E9)
    public static let bluishGreen = Color(hex: 0x009E73)
    public static let yellow = Color(hex: 0xF0E442)
    public static let blue = Color(hex: 0x0072B2)
    public static let vermillion = Color(hex: 0xD55E00)
    public static let reddishPurple = Color(hex: 0xCC79A7)
    public static let black = Color(hex: 0x000000)

    /// The Okabe–Ito colours in an order that keeps neighbours distinct (yellow last:
    /// it is weak on white).
    public static let categorical: [Color] = [
        blue, orange, bluishGreen, vermillion, skyBlue, reddishPurple, black, yellow,
    ]

    /// The `index`-th categorical colour, cycling.
    public static func categorical(_ index: Int) -> Color {
        categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// Main data colour (boxes, bars, points).
    public static let primary = blue
    /// Highlight colour (the chosen k, the best candidate).
    public static let highlight = vermillion
    /// Reference lines (zero, thresholds).
    public static let reference = vermillion
    /// Secondary reference (the global mean).
    public static let secondaryReference = bluishGreen

    /// A sequential colour for `t` in 0...1: light (few) to dark blue (many).
    public static func sequential(_ t: Double) -> Color {
        let stops: [Color] = [
            Color(hex: 0xDCEBF7), Color(hex: 0x9ECAE1), Color(hex: 0x4292C6),
            Color(hex: 0x08519C), Color(hex: 0x08306B),
        ]
        let t = Swift.min(1, Swift.max(0, t.isFinite ? t : 0))
        let scaled = t * Double(stops.count - 1)
        let lower = Swift.min(stops.count - 2, Int(scaled))
        return stops[lower].mixed(with: stops[lower + 1], scaled - Double(lower))
    }
}
