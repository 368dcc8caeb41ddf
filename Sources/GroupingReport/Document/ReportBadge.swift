/// The tone of a status badge: how a reader should take the value beside it.
public enum BadgeTone: String, Sendable {
    case positive, negative, caution, neutral
}

/// A short status word shown as a coloured badge (HTML) or a tinted label (PDF).
public struct ReportBadge: Equatable, Sendable {
    public var text: String
    public var tone: BadgeTone

    public init(text: String, tone: BadgeTone) {
        self.text = text
        self.tone = tone
    }

    /// The badge of a checklist status: pass, fail, review or not_assessed.
    public static func checklistStatus(_ status: String) -> ReportBadge {
        switch status {
        case "pass": return ReportBadge(text: "pass", tone: .positive)
        case "fail": return ReportBadge(text: "fail", tone: .negative)
        case "review": return ReportBadge(text: "review", tone: .caution)
        default: return ReportBadge(text: "not assessed", tone: .neutral)
        }
    }

    /// The badge of a quality grade: good, moderate or poor.
    public static func quality(_ grade: String?) -> ReportBadge? {
        switch grade {
        case "good": return ReportBadge(text: "good", tone: .positive)
        case "moderate": return ReportBadge(text: "moderate", tone: .caution)
        case "poor": return ReportBadge(text: "poor", tone: .negative)
        default: return nil
        }
    }
}
