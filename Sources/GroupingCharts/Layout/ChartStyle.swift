/// Sizes and colours shared by every chart, in points.
public struct ChartStyle: Sendable {
    public var titleFont = Font(size: 14, bold: true)
    public var axisTitleFont = Font(size: 11)
    public var tickFont = Font(size: 10)
    public var categoryFont = Font(size: 10)
    public var countFont = Font(size: 9)
    public var noteFont = Font(size: 9)
    public var legendFont = Font(size: 10)
    /// Space around the whole chart.
    public var padding = 12.0
    /// Gap between a label and what it labels.
    public var gap = 5.0
    public var tickLength = 4.0
    public var background = Color.white
    public var axisStroke = Stroke(color: .mutedInk, width: 1)
    public var gridStroke = Stroke(color: .grid, width: 0.8)

    public init() {}

    public static let standard = ChartStyle()
}
