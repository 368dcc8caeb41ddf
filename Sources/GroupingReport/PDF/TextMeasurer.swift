import GroupingCharts

/// Measures the advance width of text in a font, in points.
///
/// Layout depends only on this protocol, so tests can lay out with a fixed-width measurer
/// and the PDF with Cairo's real font metrics (`CairoTextMeasurer`, shared with the charts:
/// unhinted, as the PDF surface draws).
protocol TextMeasurer {
    func width(_ text: String, font: PDFFont) -> Double
}

extension CairoTextMeasurer: TextMeasurer {
    func width(_ text: String, font: PDFFont) -> Double { advance(text, face: font.face) }
}
