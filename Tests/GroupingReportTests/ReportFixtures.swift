import Foundation

@testable import GroupingReport

/// Documents built from the sample results, shared by the rendering tests.
enum ReportFixtures {
    static let context = ReportContext(
        generatedAt: Date(timeIntervalSince1970: 1_795_000_000), toolVersion: "0.1.0", seed: 42, paper: .a4,
        timings: [.init(phase: "Phase 1: exploration", seconds: 0.42), .init(phase: "Phase 4: model", seconds: 125)],
        samplerDescription: "Adaptive-grid exact sampler, 4 chains × 1,000 draws after 1,000 warm-up",
        methodsNotes: ["Outcome lift excludes creators with revenue_pre = 0."])

    static func fullDocument() -> ReportDocument {
        let results = SampleResults.full()
        let charts = FakeCharts.all(
            for: results.candidates.map(\.name), fitted: ["genre", "size_quartile", "data_driven_cluster"])
        return ReportDocument(results: results, charts: charts, context: context)
    }

    static func explorationDocument() -> ReportDocument {
        let results = SampleResults.explorationOnly()
        let charts = FakeCharts.all(for: results.candidates.map(\.name), fitted: [])
        return ReportDocument(results: results, charts: charts, context: context)
    }

    /// Writes rendered output to /tmp for looking at by hand.
    static func save(_ bytes: [UInt8], as name: String) {
        try? Data(bytes).write(to: URL(fileURLWithPath: "/tmp/grouping-report-tests").appendingPathComponent(name))
    }

    static func prepareOutputFolder() {
        try? FileManager.default.createDirectory(
            atPath: "/tmp/grouping-report-tests", withIntermediateDirectories: true)
    }
}
