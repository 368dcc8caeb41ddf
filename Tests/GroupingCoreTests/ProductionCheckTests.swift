import GroupingCore
import XCTest

final class ProductionCheckTests: XCTestCase {
    /// genre and size fitted, size best by 30 elpd (dse 6); the decision is up to the test.
    func results(decision: Decision, grouping: String?) -> Results {
        var results = Results()
        for (name, quality, versus) in [("genre", 3.0, -1.0), ("size", 40.0, 30.0)] {
            var candidate = CandidateResult(name: name, kind: "categorical")
            candidate.qualityScore = quality
            candidate.quality = quality < 20 ? "poor" : "moderate"
            var hbm = HBMResult(skipped: nil)
            hbm.versusUngrouped = VersusUngrouped(elpdDiff: versus, dse: 6, pWorse: versus < 0 ? 0.56 : 1e-6)
            hbm.trueShare = quality / 100
            candidate.hbm = hbm
            results.candidates.append(candidate)
        }
        var best = ComparisonRow(
            name: "size", rank: 1, elpdLoo: -70, looic: 140, elpdDiff: 0, dLooic: 0, se: 10, dse: 0, weight: 1)
        best.pWorse = 0
        var genre = ComparisonRow(
            name: "genre", rank: 2, elpdLoo: -100, looic: 200, elpdDiff: 30, dLooic: 60, se: 10, dse: 6, weight: 0)
        genre.pWorse = 2.9e-7
        let ungrouped = ComparisonRow(
            name: "ungrouped", rank: 3, elpdLoo: -101, looic: 202, elpdDiff: 31, dLooic: 62, se: 10, dse: 6, weight: 0)
        results.comparison = [best, genre, ungrouped]
        results.recommendation = Recommendation(decision: decision, grouping: grouping, reasons: ["size wins"])
        return results
    }

    func testItHoldsWhenTheRunRecommendsIt() {
        let check = ProductionCheck(
            config: ProductionConfig(grouping: "size"), results: results(decision: .useHbm, grouping: "size"),
            review: ReviewConfig(), previous: nil)
        XCTAssertTrue(check.holds)
        XCTAssertEqual(check.verdict, .holds)
        XCTAssertTrue(check.statement.hasPrefix("size still holds"), check.statement)
        XCTAssertFalse(check.checks.isEmpty)
        XCTAssertNil(check.previous)
        XCTAssertTrue(check.alerts.isEmpty)
    }

    func testASwitchIsSaidPlainlyWithItsEvidence() {
        let check = ProductionCheck(
            config: ProductionConfig(grouping: "genre"), results: results(decision: .useHbm, grouping: "size"),
            review: ReviewConfig(), previous: nil)
        XCTAssertFalse(check.holds)
        XCTAssertEqual(check.verdict, .switchGrouping)
        XCTAssertEqual(check.statement, "Switch from genre to size.")
        XCTAssertEqual(
            check.versusRecommended, ProductionMargin(against: "size", elpdDiff: -30, dse: 6, pWorse: 2.9e-7))
        XCTAssertEqual(check.versusUngrouped?.elpdDiff, -1)
        XCTAssertTrue(
            check.evidence.contains(
                "LOO: genre predicts left-out creators worse than size by 30 elpd (dse 6, p_worse 2.9e-7)."),
            "\(check.evidence)")
        XCTAssertTrue(
            check.evidence.contains {
                $0.hasPrefix("Against the ungrouped model: genre predicts worse than ungrouped by 1 elpd")
            })
        XCTAssertTrue(check.evidence.contains { $0.hasPrefix("Quality score 3% (poor)") }, "\(check.evidence)")
    }

    func testStopWhenNoGroupingIsRecommended() {
        let pooled = ProductionCheck(
            config: ProductionConfig(grouping: "genre"), results: results(decision: .poolUngrouped, grouping: nil),
            review: ReviewConfig(), previous: nil)
        XCTAssertEqual(pooled.verdict, .stop)
        XCTAssertTrue(pooled.statement.hasPrefix("Stop using genre:"), pooled.statement)
        XCTAssertTrue(pooled.statement.contains("ungrouped hierarchical model"))
        let none = ProductionCheck(
            config: ProductionConfig(grouping: "genre"), results: results(decision: .noHbm, grouping: nil),
            review: ReviewConfig(), previous: nil)
        XCTAssertEqual(none.verdict, .stop)
        XCTAssertTrue(none.statement.contains("raw ITEs"))
        let ungrouped = ProductionCheck(
            config: ProductionConfig(grouping: "ungrouped"), results: results(decision: .poolUngrouped, grouping: nil),
            review: ReviewConfig(), previous: nil)
        XCTAssertTrue(ungrouped.holds)
    }

    func testThePreviousSnapshotNamesTheGroupingAndGivesTheAlerts() throws {
        let previous = HistorySnapshots.healthy(date: "2025-03-31")
        var current = results(decision: .useHbm, grouping: "size")
        current.snapshotDate = "2025-06-30"
        let check = ProductionCheck(
            config: ProductionConfig(previous: "q1/results.json"), results: current, review: ReviewConfig(),
            previous: PreviousSnapshot(file: "q1/results.json", snapshot: previous))
        XCTAssertEqual(check.grouping, "genre")
        XCTAssertEqual(check.source, "previous")
        XCTAssertEqual(check.previous, "q1/results.json")
        XCTAssertEqual(check.previousSnapshotDate, "2025-03-31")
        XCTAssertEqual(check.statement, "Switch from genre to size.")
        XCTAssertTrue(check.alerts.contains { $0.key == "quality_below_threshold" }, "\(check.alerts)")
        // Recorded in results.json.
        current.production = check
        let json = String(decoding: try current.jsonData(), as: UTF8.self)
        XCTAssertTrue(json.contains(#""statement" : "Switch from genre to size.""#), json)
        XCTAssertTrue(json.contains(#""holds" : false"#))
    }

    func testTheConfigSection() throws {
        let base = """
            data: {creators: creators.csv, ites: ites.csv}
            candidates: [genre, {name: arpu_q, quantiles: arpu, bins: 4}]

            """
        let config = try ConfigParser.parse(
            base + "production: {grouping: arpu_q, previous: last/results.json}", fileName: "config.yml")
        XCTAssertEqual(config.production, ProductionConfig(grouping: "arpu_q", previous: "last/results.json"))
        XCTAssertNil(try ConfigParser.parse(base, fileName: "config.yml").production)
        XCTAssertThrowsError(try ConfigParser.parse(base + "production: {grouping: size}", fileName: "config.yml")) {
            let error = $0 as? InputError
            XCTAssertEqual(error?.key, "production.grouping")
            XCTAssertTrue(error?.description.contains("\"size\" is not a candidate") ?? false, "\($0)")
        }
        XCTAssertThrowsError(
            try ConfigParser.parse(base + "production: {grouping: genre, previus: x}", fileName: "config.yml")
        ) {
            XCTAssertEqual(($0 as? InputError)?.key, "production.previus")
        }
    }
}
