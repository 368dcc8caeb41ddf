import Foundation
import GroupingCore

struct ReportRun {
    let sources: InputSources
    let outputDirectory: URL
    let formats: Set<OutputFormat>
    let seedOverride: UInt64?
    let progress: Progress
    func execute() throws { throw InputError(message: "run is being assembled") }
}
