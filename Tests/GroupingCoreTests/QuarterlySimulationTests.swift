import XCTest

@testable import GroupingCore

final class QuarterlySimulationTests: XCTestCase {
    func testQuarterEnds() {
        XCTAssertEqual(
            (1...9).map(QuarterlySimulation.quarterEnd),
            [
                "2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31", "2026-03-31", "2026-06-30", "2026-09-30",
                "2026-12-31", "2027-03-31",
            ])
        for quarter in 1...40 { XCTAssertTrue(SnapshotDate.isISODate(QuarterlySimulation.quarterEnd(quarter))) }
    }

    func testQuarterEndsBeforeTheFirstQuarterCountBackwards() {
        // Not used by the tool, but the formula stays a calendar: quarter 0 ends 2024-12-31.
        XCTAssertEqual(QuarterlySimulation.quarterEnd(0), "2024-12-31")
        XCTAssertEqual(QuarterlySimulation.quarterEnd(-3), "2024-03-31")
    }

    func testDrift() {
        let drifting = QuarterlySimulation(quarters: 4, driftAt: 3)
        XCTAssertEqual((1...4).map(drifting.isDrifted), [false, false, true, true])
        let steady = QuarterlySimulation(quarters: 4)
        XCTAssertEqual((1...4).map(steady.isDrifted), [false, false, false, false])
    }

    func testConfigNamesTheQuarterAndParses() throws {
        let simulation = QuarterlySimulation(quarters: 3, driftAt: 2, seed: 5)
        let base = CreatorPlatformSimulator.exampleConfig(seed: 7)
        let first = simulation.config(quarter: 1, base: base)
        let second = simulation.config(quarter: 2, base: base)

        let lines = second.components(separatedBy: "\n")
        XCTAssertEqual(
            lines[1],
            "# Quarter 2 of 3 (grouping-report simulate --quarters), drifted structure (genre no longer matters, audience size does)."
        )
        XCTAssertTrue(first.contains("# Quarter 1 of 3 (grouping-report simulate --quarters), original structure."))
        XCTAssertTrue(first.contains("  # previous: (none: the first quarter)"))
        XCTAssertTrue(second.contains("  # previous: ../q1/out/results.json"))
        XCTAssertTrue(second.hasSuffix("production:\n  grouping: genre\n" + lines[lines.count - 2] + "\n"))

        let config = try ConfigParser.parse(second, fileName: "q2/config.yml")
        XCTAssertEqual(config.snapshotDate, "2025-06-30")
        XCTAssertEqual(config.title, "Creator revenue boost, simulated quarter 2 (2025-06-30)")
        XCTAssertEqual(config.production?.grouping, QuarterlySimulation.productionGrouping)
        XCTAssertEqual(try ConfigParser.parse(first, fileName: "q1/config.yml").snapshotDate, "2025-03-31")
    }

    func testFilesPerQuarter() {
        let simulation = QuarterlySimulation(quarters: 2, driftAt: 2, creators: 30, seed: 11)
        let files = simulation.files()
        let names = files.map(\.name)
        XCTAssertEqual(
            names,
            ["q1", "q2"].flatMap { q in
                ["creators.csv", "ites.csv", "panel.csv", "truth.csv", "config.yml"].map { "\(q)/\($0)" }
            })
        let creators1 = files[0].contents
        let creators2 = files[5].contents
        XCTAssertEqual(creators1.split(separator: "\n").count, 31, "a header and 30 creators")
        XCTAssertNotEqual(creators1, creators2, "each quarter a fresh cohort (seed + q)")
        // Quarter q's files are the simulator's with seed + q (config aside).
        let reference = CreatorPlatformSimulator(creators: 30, seed: 12, drifted: false).files()
        XCTAssertEqual(creators1, reference[0].contents)
        XCTAssertTrue(files[4].contents.contains("snapshot_date: 2025-03-31"))
        XCTAssertTrue(files[9].contents.contains("snapshot_date: 2025-06-30"))
    }

    func testZeroQuartersStillWritesOne() {
        let files = QuarterlySimulation(quarters: 0, creators: 10).files()
        XCTAssertEqual(files.map(\.name).first, "q1/creators.csv")
        XCTAssertEqual(files.count, 5)
    }
}
