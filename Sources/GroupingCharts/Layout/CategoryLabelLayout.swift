import Foundation

/// How the labels of categories side by side along a horizontal axis are set so that
/// they never collide: straight (one or two wrapped lines) when they fit their band,
/// otherwise rotated by 45° or 90° and shortened with "…", and when even upright lines do
/// not fit, only every k-th label is shown.
struct CategoryLabelLayout {
    enum Mode: Equatable {
        case straight(lines: Int)
        case rotated(degrees: Double)
    }

    var mode: Mode
    /// The text of each label as drawn (lines joined by "\n" when wrapped; "" = not shown).
    var lines: [[String]]
    /// The height the labels need below the axis.
    var height: Double
    /// 1 = every label shown; k = every k-th.
    var labelStride: Int

    /// - Parameters:
    ///   - labels: the category labels.
    ///   - band: the width of one category's band.
    ///   - maxHeight: the most height the labels may take (longer ones are shortened).
    init(labels: [String], band: Double, maxHeight: Double, font: Font, renderer: Renderer) {
        let lineHeight = renderer.measureText("Ag", font: font).height
        let widths = labels.map { renderer.measureText($0, font: font).width }
        let room = band - 4
        let widest = widths.max() ?? 0
        labelStride = 1
        if widest <= room {
            mode = .straight(lines: 1)
            lines = labels.map { [$0] }
            height = lineHeight
            return
        }
        let wrapped = labels.map { TextFitting.wrap($0, toWidth: room, maxLines: 2, font: font, renderer: renderer) }
        if room > 0, !wrapped.contains(where: { $0.last?.hasSuffix(TextFitting.ellipsis) ?? false }) {
            let count = wrapped.map(\.count).max() ?? 1
            mode = .straight(lines: count)
            lines = wrapped
            height = Double(count) * lineHeight
            return
        }
        // Rotated: neighbours are `band` apart along x, so their perpendicular distance is
        // band · sin(angle); it must exceed the line height (plus a little air).
        let angle: Double
        if band * sin(Double.pi / 4) >= lineHeight + 1 {
            angle = 45
        } else {
            angle = 90
            labelStride = Swift.max(1, Int(((lineHeight + 1) / Swift.max(band, 1e-9)).rounded(.up)))
        }
        let radians = angle * Double.pi / 180
        // Vertical extent of a rotated label: length · sin + lineHeight · cos.
        let maxLength = Swift.max(lineHeight, (maxHeight - lineHeight * cos(radians)) / sin(radians))
        mode = .rotated(degrees: angle)
        let stride = labelStride
        let distinct = TextFitting.truncateDistinctly(labels, toWidth: maxLength, font: font, renderer: renderer)
        let shortened = distinct.enumerated().map { index, label in index % stride == 0 ? [label] : [""] }
        lines = shortened
        let longest = shortened.map { renderer.measureText($0[0], font: font).width }.max() ?? 0
        height = longest * sin(radians) + lineHeight * cos(radians)
    }

    /// How far the labels would reach left of the body's left edge, for bands starting
    /// `left` points into the body (positive = they would be cut off).
    func leftOverhang(left: Double, band: Double, font: Font, renderer: Renderer) -> Double {
        guard case .rotated(let degrees) = mode, degrees < 90 else { return 0 }
        let lineHeight = renderer.measureText("Ag", font: font).height
        let radians = degrees * Double.pi / 180
        var worst = 0.0
        for (index, label) in lines.enumerated() {
            guard let text = label.first, !text.isEmpty else { continue }
            let reach = renderer.measureText(text, font: font).width * cos(radians) + lineHeight / 2 * sin(radians)
            worst = Swift.max(worst, reach - (left + (Double(index) + 0.5) * band))
        }
        return worst
    }

    /// Draws the labels under the bands whose centres are `centers`, starting at `top`.
    func draw(centers: [Double], top: Double, font: Font, renderer: Renderer) {
        let lineHeight = renderer.measureText("Ag", font: font).height
        for (index, center) in centers.enumerated() where index < lines.count {
            switch mode {
            case .straight:
                for (lineIndex, line) in lines[index].enumerated() {
                    renderer.drawText(
                        line, at: Point(x: center, y: top + Double(lineIndex) * lineHeight), font: font, color: .ink,
                        anchor: .topMiddle)
                }
            case .rotated(let degrees):
                guard let line = lines[index].first, !line.isEmpty else { continue }
                if degrees == 90 {
                    renderer.drawText(
                        line, at: Point(x: center, y: top), font: font, color: .ink, anchor: .middleEnd, rotation: 90)
                } else {
                    // The text's end (right, vertical middle) sits just below the tick; shift it
                    // down by half the rotated line height so its top corner clears the axis.
                    let drop = lineHeight / 2 * cos(degrees * Double.pi / 180)
                    renderer.drawText(
                        line, at: Point(x: center, y: top + drop), font: font, color: .ink, anchor: .middleEnd,
                        rotation: degrees)
                }
            }
        }
    }
}
