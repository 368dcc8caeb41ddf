import CCairo
import GroupingCharts
import XCTest

/// A Cairo context on a small image surface, kept for measuring text with the real font.
enum RealFont {
    nonisolated(unsafe) static let renderer: CairoRenderer = {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 4, 4)!
        return CairoRenderer(context: cairo_create(surface)!)
    }()
}

extension RecordingRenderer {
    /// Draws `chart` into a fresh recording renderer of the given size.
    static func record(_ chart: Chart, width: Double = 640, height: Double? = nil, realFont: Bool = false)
        -> RecordingRenderer
    {
        let renderer = realFont ? RecordingRenderer(measure: RealFont.renderer.measureText) : RecordingRenderer()
        let height = height ?? chart.preferredHeight(forWidth: width)
        chart.draw(in: renderer, frame: Rect(x: 0, y: 0, width: width, height: height))
        return renderer
    }

    /// The linear map from a screen coordinate back to a data value, recovered from the
    /// tick labels of the value axis (numeric labels anchored middle-end for a y axis,
    /// top-middle for an x axis).
    func valueMap(vertical: Bool) -> (Double) -> Double {
        let ticks = texts.filter { text in
            text.font.size == 10 && text.color == .mutedInk && text.rotation == 0
                && (vertical ? text.anchor == .middleEnd : text.anchor == .topMiddle) && Double(text.text) != nil
        }
        precondition(ticks.count >= 2, "need two numeric tick labels")
        let first = ticks.first!
        let last = ticks.last!
        let (p0, p1) = vertical ? (first.point.y, last.point.y) : (first.point.x, last.point.x)
        let v0 = Double(first.text)!
        let v1 = Double(last.text)!
        return { position in v0 + (position - p0) * (v1 - v0) / (p1 - p0) }
    }

    /// Pairs of drawn texts whose boxes overlap.
    func overlappingTexts() -> [(String, String)] {
        let all = texts.filter { !$0.text.isEmpty }
        var pairs: [(String, String)] = []
        for i in 0..<all.count {
            for j in (i + 1)..<all.count where all[i].box.overlaps(all[j].box) {
                pairs.append((all[i].text, all[j].text))
            }
        }
        return pairs
    }
}
