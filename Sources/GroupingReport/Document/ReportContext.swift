import Foundation
import GroupingCore

/// The page format of the PDF.
public enum PaperSize: String, CaseIterable, Sendable {
    case a4
    case letter

    /// Width and height in PostScript points (1/72 inch).
    public var points: (width: Double, height: Double) {
        switch self {
        case .a4: return (595.276, 841.89)
        case .letter: return (612, 792)
        }
    }
}

/// What the run knows beyond `Results`: when it ran, with which tool and seed, and how long
/// each phase took. Everything here comes from the run, so the same run renders the same report.
public struct ReportContext: Sendable {
    /// When the run happened (shown in the title block and written as the PDF's creation date).
    public var generatedAt: Date
    public var toolVersion: String
    public var seed: UInt64
    public var paper: PaperSize
    /// Wall-clock seconds per phase, in the order they ran.
    public var timings: [PhaseTiming]
    /// The sampler in words ("NUTS, 4 chains × 1,000 draws after 1,000 warm-up").
    public var samplerDescription: String
    /// Further lines for the methods appendix.
    public var methodsNotes: [String]

    public init(
        generatedAt: Date, toolVersion: String = GroupingCoreVersion.current, seed: UInt64 = 42,
        paper: PaperSize = .a4, timings: [PhaseTiming] = [], samplerDescription: String = "",
        methodsNotes: [String] = []
    ) {
        self.generatedAt = generatedAt
        self.toolVersion = toolVersion
        self.seed = seed
        self.paper = paper
        self.timings = timings
        self.samplerDescription = samplerDescription
        self.methodsNotes = methodsNotes
    }

    /// `generatedAt` as `2026-11-25 01:05 UTC`, for people.
    public var generatedAtText: String {
        Self.utcString(generatedAt, format: "yyyy-MM-dd HH:mm 'UTC'")
    }

    /// `generatedAt` as ISO 8601 in UTC (`2026-11-25T01:05:00Z`), for the PDF metadata.
    public var generatedAtISO: String {
        Self.utcString(generatedAt, format: "yyyy-MM-dd'T'HH:mm:ss'Z'")
    }

    static func utcString(_ date: Date, format: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = format
        return formatter.string(from: date)
    }
}
