/// The decision of a run, as the summary presents it.
public struct RecommendationView: Sendable {
    /// "Use the hierarchical model", "Do not use the hierarchical model", "Revise the candidates".
    public var headline: String
    public var badge: ReportBadge
    public var grouping: String?
    public var reasons: [String]

    public init(headline: String, badge: ReportBadge, grouping: String?, reasons: [String]) {
        self.headline = headline
        self.badge = badge
        self.grouping = grouping
        self.reasons = reasons
    }
}

/// A label with its value, for the methods appendix and the key facts of a section.
public struct KeyValue: Sendable {
    public var key: String
    public var value: String
    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}

/// How strongly a notice asks for attention.
public enum NoticeKind: String, Sendable {
    case info, warning
}

/// One element of a report section, in reading order. Both renderers walk the same blocks,
/// so the HTML page and the PDF always say the same thing in the same order.
public enum ReportBlock: Sendable {
    /// A sub-heading inside a section.
    case heading(String)
    case paragraph(String)
    case notice(NoticeKind, String)
    case bullets([String])
    case recommendation(RecommendationView)
    case keyValues([KeyValue])
    case table(ReportTable)
    case chart(ReportChart)
}

/// A numbered part of the report with its blocks.
public struct ReportSection: Sendable {
    /// Anchor id (`summary`, `phase-1`, …).
    public var id: String
    public var title: String
    /// One or two sentences on what the section answers.
    public var lead: String
    public var blocks: [ReportBlock]
    /// In print (PDF, and the HTML page's print styles), start on a fresh page.
    public var startsOnNewPage: Bool
    /// An appendix (lettered A, B, …, after the numbered main part) rather than a main section.
    public var appendix: Bool

    public init(
        id: String, title: String, lead: String, blocks: [ReportBlock], startsOnNewPage: Bool = true,
        appendix: Bool = false
    ) {
        self.id = id
        self.title = title
        self.lead = lead
        self.blocks = blocks
        self.startsOnNewPage = startsOnNewPage
        self.appendix = appendix
    }
}
