import Foundation

/// The four corners of a drawn line of text, after anchoring and rotation, computed from
/// its metrics. Shared by the recording renderer and the layout tests for overlap checks.
public struct TextBox: Equatable, Sendable {
    /// Corners in order: top-left, top-right, bottom-right, bottom-left of the unrotated text.
    public var corners: [Point]

    /// - Parameters:
    ///   - metrics: the text's measured width, ascent and descent.
    ///   - point: the anchor point.
    ///   - anchor: which point of the text box sits at `point`.
    ///   - rotation: degrees, counter-clockwise as seen on screen, about `point`.
    public init(metrics: TextMetrics, at point: Point, anchor: TextAnchor, rotation: Double) {
        let left: Double
        switch anchor.horizontal {
        case .start: left = 0
        case .middle: left = -metrics.width / 2
        case .end: left = -metrics.width
        }
        // Offsets of the box's top relative to the anchor, in unrotated text space.
        let top: Double
        switch anchor.vertical {
        case .top: top = 0
        case .middle: top = -metrics.height / 2
        case .baseline: top = -metrics.ascent
        case .bottom: top = -metrics.height
        }
        let local = [
            (left, top), (left + metrics.width, top),
            (left + metrics.width, top + metrics.height), (left, top + metrics.height),
        ]
        let radians = rotation * Double.pi / 180
        let cosine = cos(radians)
        let sine = sin(radians)
        // Counter-clockwise on screen with y down: x' = x cos + y sin, y' = −x sin + y cos.
        corners = local.map { (x, y) in
            Point(x: point.x + x * cosine + y * sine, y: point.y - x * sine + y * cosine)
        }
    }

    /// The smallest axis-aligned rectangle holding the box.
    public var bounds: Rect {
        let xs = corners.map(\.x)
        let ys = corners.map(\.y)
        let minX = xs.min()!
        let minY = ys.min()!
        return Rect(x: minX, y: minY, width: xs.max()! - minX, height: ys.max()! - minY)
    }

    /// Whether two boxes overlap by more than `tolerance` points, by the separating-axis
    /// test for convex polygons (exact for rotated rectangles).
    public func overlaps(_ other: TextBox, tolerance: Double = 0.01) -> Bool {
        for polygon in [corners, other.corners] {
            for index in 0..<polygon.count {
                let a = polygon[index]
                let b = polygon[(index + 1) % polygon.count]
                let axis = (x: -(b.y - a.y), y: b.x - a.x)
                let length = (axis.x * axis.x + axis.y * axis.y).squareRoot()
                guard length > 0 else { continue }
                func project(_ points: [Point]) -> (Double, Double) {
                    let values = points.map { ($0.x * axis.x + $0.y * axis.y) / length }
                    return (values.min()!, values.max()!)
                }
                let (minA, maxA) = project(corners)
                let (minB, maxB) = project(other.corners)
                if maxA <= minB + tolerance || maxB <= minA + tolerance { return false }
            }
        }
        return true
    }
}
