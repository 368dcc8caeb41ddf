/// A chart: a value type holding plain numbers and strings that lays itself out and
/// draws through a `Renderer`.
public protocol Chart: Sendable {
    /// The chart's title (also used for the accessible description of outputs).
    var title: String { get }
    /// The chart's data stated in a sentence or two (the SVG's `<desc>`): what is drawn and
    /// its main numbers, so the chart can be read without seeing it.
    var dataDescription: String { get }
    /// Draws the chart filling `frame`.
    func draw(in renderer: Renderer, frame: Rect)
    /// The height the chart wants at `width` (more groups need more room).
    func preferredHeight(forWidth width: Double) -> Double
}

extension Chart {
    public func preferredHeight(forWidth width: Double) -> Double {
        (width * 0.62).rounded()
    }

    /// Charts that do not describe their data are described by their title.
    public var dataDescription: String { title + "." }
}
