import GroupingCharts
/// A font of the PDF: DejaVu Sans (or Sans Mono) at a size, bold or not.
struct PDFFont: Hashable, Sendable {
    var size: Double
    var bold: Bool = false
    var italic: Bool = false
    var monospace: Bool = false

    /// Distance between baselines of wrapped lines.
    var lineHeight: Double { size * 1.32 }
    /// Baseline offset below the top of a line box.
    var baseline: Double { size * 0.98 }

    var family: String { monospace ? "DejaVu Sans Mono" : CairoRenderer.fontFamily }

    /// The Cairo face the painter selects and the measurer measures.
    var face: CairoFace { CairoFace(family: family, bold: bold, italic: italic, size: size) }

    /// The same font at `factor` times the size.
    func scaled(_ factor: Double) -> PDFFont {
        PDFFont(size: size * factor, bold: bold, italic: italic, monospace: monospace)
    }
}

/// An RGB colour with components in 0…1.
struct PDFColor: Equatable, Sendable {
    var red: Double, green: Double, blue: Double

    init(_ red: Double, _ green: Double, _ blue: Double) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// From a 0xRRGGBB literal.
    init(hex: UInt32) {
        self.init(Double((hex >> 16) & 0xff) / 255, Double((hex >> 8) & 0xff) / 255, Double(hex & 0xff) / 255)
    }
}

/// The PDF's typography, spacing and colours; the HTML stylesheet's palette in print form.
enum PDFStyle {
    static let margin = 48.0
    static let headerHeight = 22.0
    static let footerHeight = 22.0

    static let title = PDFFont(size: 19, bold: true)
    static let subtitle = PDFFont(size: 9.5)
    static let sectionHeading = PDFFont(size: 15, bold: true)
    static let lead = PDFFont(size: 9.5, italic: true)
    static let subheading = PDFFont(size: 11.5, bold: true)
    static let body = PDFFont(size: 9.5)
    static let bodyBold = PDFFont(size: 9.5, bold: true)
    static let tableTitle = PDFFont(size: 9, bold: true)
    static let caption = PDFFont(size: 7.8)
    static let tableHeader = PDFFont(size: 7.6, bold: true)
    static let tableCell = PDFFont(size: 7.6)
    static let tableCellBold = PDFFont(size: 7.6, bold: true)
    static let tableCode = PDFFont(size: 6.6, monospace: true)
    static let running = PDFFont(size: 7.5)
    static let headline = PDFFont(size: 13, bold: true)

    static let ink = PDFColor(hex: 0x1d2430)
    static let muted = PDFColor(hex: 0x5b6573)
    static let line = PDFColor(hex: 0xd9dee5)
    static let soft = PDFColor(hex: 0xf4f6f9)
    static let accent = PDFColor(hex: 0x2f5d9b)

    static let cellPaddingX = 4.0
    static let cellPaddingY = 3.0
    static let blockGap = 8.0

    /// Text and background colours of a badge tone.
    static func colors(_ tone: BadgeTone) -> (text: PDFColor, fill: PDFColor) {
        switch tone {
        case .positive: return (PDFColor(hex: 0x1e7a46), PDFColor(hex: 0xe3f4ea))
        case .negative: return (PDFColor(hex: 0xb3261e), PDFColor(hex: 0xfbe6e4))
        case .caution: return (PDFColor(hex: 0x8a5a00), PDFColor(hex: 0xfdf1d6))
        case .neutral: return (PDFColor(hex: 0x4d5663), PDFColor(hex: 0xeceff3))
        }
    }
}
