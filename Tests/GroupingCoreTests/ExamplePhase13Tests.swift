import Foundation
import GroupingCore
import TestSupport
import XCTest

/// Phases 1 and 3 on the example dataset agree with pandas and scipy to 1e-9 relative
/// (reference: scripts/fixtures/example_phase13_reference.py → Fixtures/example_phase13.json).
final class ExamplePhase13Tests: XCTestCase {
    struct Reference: Decodable {
        typealias Group = Phase13Reference.Group
        typealias Sizes = Phase13Reference.Sizes
        struct Candidate: Decodable {
            var name: String
            var groups: [Group]
            var total: Double
            var between: Double
            var within: Double
            var quality_score: Double
            var anova_f: Double
            var anova_p: Double
            var kruskal_h: Double
            var kruskal_p: Double
            var eta_squared: Double
            var sizes: Sizes
        }
        var rows: Int
        var lift: [Candidate]
        var effect_hat: [Candidate]
    }

    func exampleCandidates(outcome: OutcomeSpec) throws -> (AnalysisFrame, [CandidateResult]) {
        let folder = Fixtures.repositoryRoot.appendingPathComponent("examples/creator-platform")
        func table(_ name: String) throws -> CSVTable {
            try CSVTable(bytes: [UInt8](Data(contentsOf: folder.appendingPathComponent(name))), fileName: name)
        }
        var config = try ConfigParser.parse(
            String(contentsOf: folder.appendingPathComponent("config.yml"), encoding: .utf8), fileName: "config.yml")
        config.outcome = outcome
        let frame = try AnalysisFrame(
            creators: try table("creators.csv"), idColumn: config.data.id,
            ites: try ITETable(table: try table("ites.csv"), idColumn: config.data.id), truth: nil, outcome: outcome)
        let (groupings, _) = try CandidateBuilder.build(config.candidates, frame: frame, cluster: nil, minGroupSize: 15)
        return (
            frame,
            groupings.map { CandidateDescription.describe($0, outcome: frame.outcome, thresholds: config.thresholds) }
        )
    }

    func compare(_ reference: [Reference.Candidate], _ allResults: [CandidateResult]) {
        // The additive candidate (genre_plus_arpu) describes the cells of its members' cross in
        // Phases 1 and 3: its numbers are the cross's, which the reference holds.
        let results = allResults.filter { $0.kind != "additive" }
        for additive in allResults where additive.kind == "additive" {
            let cross = allResults.first { $0.kind == "cross" }
            XCTAssertEqual(additive.groups, cross?.groups)
            XCTAssertEqual(additive.qualityScore, cross?.qualityScore)
        }
        XCTAssertEqual(reference.map(\.name), results.map(\.name))
        for (ref, ours) in zip(reference, results) {
            let name = ref.name
            XCTAssertEqual(ref.groups.map(\.label), ours.groups.map(\.label), name)
            for (g, o) in zip(ref.groups, ours.groups) {
                XCTAssertEqual(g.count, o.count, "\(name) \(g.label)")
                assertClose(g.mean, o.mean, rel: 1e-9, abs: 1e-15, "\(name) \(g.label) mean")
                assertClose(g.std, o.std, rel: 1e-9, "\(name) \(g.label) std")
                XCTAssertEqual(g.min, o.min)
                XCTAssertEqual(g.max, o.max)
            }
            assertClose(ref.total, ours.variance.total, rel: 1e-9, "\(name) total")
            assertClose(ref.between, ours.variance.between, rel: 1e-9, "\(name) between")
            assertClose(ref.within, ours.variance.within, rel: 1e-9, "\(name) within")
            assertClose(ref.quality_score, ours.qualityScore, rel: 1e-9, "\(name) quality")
            assertClose(ref.anova_f, ours.anova.f, rel: 1e-9, "\(name) F")
            assertClose(ref.anova_p, ours.anova.p, rel: 1e-9, "\(name) ANOVA p")
            assertClose(ref.kruskal_h, ours.kruskal.h, rel: 1e-9, "\(name) H")
            assertClose(ref.kruskal_p, ours.kruskal.p, rel: 1e-9, "\(name) Kruskal p")
            assertClose(ref.eta_squared, ours.etaSquared, rel: 1e-9, "\(name) eta")
            XCTAssertEqual(ref.sizes.min, ours.sizes.min)
            XCTAssertEqual(ref.sizes.median, ours.sizes.median)
            XCTAssertEqual(ref.sizes.max, ours.sizes.max)
            XCTAssertEqual(ref.sizes.below_min, ours.sizes.belowMin, name)
        }
    }

    func testLiftOutcomeMatchesPandasAndScipy() throws {
        let reference = try Fixtures.load(Reference.self, target: "GroupingCoreTests", name: "example_phase13.json")
        let (frame, results) = try exampleCandidates(outcome: .lift(pre: "revenue_pre", post: "revenue_post"))
        XCTAssertEqual(frame.rowCount, reference.rows)
        compare(reference.lift, results)
    }

    func testEffectHatOutcomeMatchesPandasAndScipy() throws {
        let reference = try Fixtures.load(Reference.self, target: "GroupingCoreTests", name: "example_phase13.json")
        let (_, results) = try exampleCandidates(outcome: .effectHat)
        compare(reference.effect_hat, results)
    }
}
