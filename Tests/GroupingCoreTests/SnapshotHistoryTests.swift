import Foundation
import GroupingCore
import XCTest

/// Snapshots written by hand in the shape of results.json (schema 1 or 2).
enum HistorySnapshots {
    /// A candidate's JSON; `skipped` makes its model not fitted.
    static func candidate(
        _ name: String, quality: Double, trueShare: Double? = 0.6, coverage: Double? = 0.95,
        pit: String? = "calibrated",
        versusUngrouped: (Double, Double)? = (30, 6), skipped: String? = nil
    ) -> String {
        if let skipped {
            return #"{"name": "\#(name)", "quality_score": \#(quality), "hbm": {"skipped": "\#(skipped)"}}"#
        }
        var hbm = [
            #""skipped": null"#, #""loo": {"elpd": -100}"#, #""shrinkage": {"corr_precision": -0.6}"#,
        ]
        if let coverage { hbm.append(#""coverage": {"hbm": \#(coverage), "raw": 0.95}"#) }
        if let trueShare { hbm.append(#""true_share": \#(trueShare)"#) }
        if let pit { hbm.append(#""loo_pit": {"statistic": 0.3, "p": 0.4, "verdict": "\#(pit)"}"#) }
        hbm.append(#""pooling": {"mean": 0.4, "median": 0.35, "groups": []}"#)
        if let (diff, dse) = versusUngrouped {
            hbm.append(#""versus_ungrouped": {"elpd_diff": \#(diff), "dse": \#(dse), "p_worse": 0.001}"#)
        }
        return #"{"name": "\#(name)", "quality_score": \#(quality), "hbm": {\#(hbm.joined(separator: ", "))}}"#
    }

    /// A comparison: (name, elpd_diff from the best, dse), best first.
    static func comparison(_ rows: [(String, Double, Double)]) -> String {
        "["
            + rows.enumerated().map { index, row in
                #"{"name": "\#(row.0)", "rank": \#(index + 1), "elpd_loo": \#(-100 - row.1), "elpd_diff": \#(row.1), "dse": \#(row.2), "p_worse": 0.01}"#
            }.joined(separator: ", ") + "]"
    }

    static func snapshot(
        schema: Int = 2, date: String? = nil, decision: String = "use_hbm", grouping: String? = "genre",
        production: String? = nil, candidates: [String], comparison: String
    ) -> Snapshot {
        var keys = [
            #""schema_version": \#(schema)"#, #""thresholds": {"quality_poor": 20, "shrinkage_corr": -0.3}"#,
            #""candidates": [\#(candidates.joined(separator: ", "))]"#, #""comparison": \#(comparison)"#,
            #""recommendation": {"decision": "\#(decision)", "grouping": \#(grouping.map { "\"\($0)\"" } ?? "null"), "reasons": []}"#,
        ]
        if let date { keys.append(#""snapshot_date": "\#(date)""#) }
        if let production { keys.append(#""production": {"grouping": "\#(production)", "holds": true}"#) }
        return try! JSONDecoder().decode(Snapshot.self, from: Data(("{" + keys.joined(separator: ", ") + "}").utf8))
    }

    /// genre clearly best, arpu behind, ungrouped last.
    static func healthy(date: String?, schema: Int = 2) -> Snapshot {
        snapshot(
            schema: schema, date: date,
            candidates: [candidate("genre", quality: 45), candidate("arpu", quality: 25, versusUngrouped: (10, 5))],
            comparison: comparison([("genre", 0, 0), ("arpu", 20, 6), ("ungrouped", 30, 6)]))
    }

    /// genre has lost its structure; size is now best.
    static func drifted(date: String?) -> Snapshot {
        snapshot(
            date: date, grouping: "size", production: "genre",
            candidates: [
                candidate("genre", quality: 2, trueShare: 0.01, versusUngrouped: (0.5, 1.2)),
                candidate("arpu", quality: 25), candidate("size", quality: 40),
            ],
            comparison: comparison([("size", 0, 0), ("arpu", 15, 6), ("genre", 35, 7), ("ungrouped", 35.5, 7)]))
    }
}

final class SnapshotHistoryTests: XCTestCase {
    func input(_ file: String, _ snapshot: Snapshot, modified: Date? = nil) -> HistoryInput {
        HistoryInput(file: file, snapshot: snapshot, modified: modified)
    }

    func testOrdersByRunTimeNotByArgumentOrder() {
        // snapshot_date where there is one, else the file's modification time (2025-08-15).
        let august = RunTime.date(iso: "2025-08-15")!
        let history = SnapshotHistory([
            input("c.json", HistorySnapshots.healthy(date: "2025-12-31")),
            input("a.json", HistorySnapshots.healthy(date: "2025-03-31"), modified: Date()),
            input("b.json", HistorySnapshots.healthy(date: nil), modified: august),
            input("d.json", HistorySnapshots.healthy(date: "2025-06-30")),
        ])
        XCTAssertEqual(history.entries.map(\.file), ["a.json", "d.json", "b.json", "c.json"])
        XCTAssertEqual(history.entries.map(\.label), ["2025-03-31", "2025-06-30", "2025-08-15", "2025-12-31"])
        XCTAssertEqual(history.entries[2].runTimeSource, .fileModified)
        XCTAssertEqual(history.entries[0].runTimeSource, .snapshotDate)
        XCTAssertEqual(history.pairs.map(\.from), ["2025-03-31", "2025-06-30", "2025-08-15"])
    }

    func testAStableSeriesIsStable() {
        let history = SnapshotHistory(
            (1...4).map { input("q\($0).json", HistorySnapshots.healthy(date: "2025-0\($0)-01")) })
        XCTAssertEqual(history.verdict.status, .stable)
        XCTAssertFalse(history.hasAlert)
        XCTAssertTrue(history.entries.allSatisfy { $0.flags.isEmpty })
        XCTAssertEqual(history.productionGrouping, "genre")
        XCTAssertEqual(history.productionSource, .latestRecommendation)
        let first = history.entries[0]
        XCTAssertEqual(first.looRank, 1)
        XCTAssertEqual(first.marginRunnerUp, HistoryMargin(against: "arpu", elpdDiff: 20, dse: 6))
        XCTAssertEqual(first.marginUngrouped, HistoryMargin(against: "ungrouped", elpdDiff: 30, dse: 6))
        XCTAssertEqual(first.poolingMedian, 0.35)
        XCTAssertEqual(first.looPIT, "calibrated")
    }

    func testADriftFlagsTheSnapshotsFromItOnAndNamesWhatChanged() {
        let dates = ["2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31"]
        let snapshots = [
            HistorySnapshots.healthy(date: dates[0]), HistorySnapshots.healthy(date: dates[1]),
            HistorySnapshots.drifted(date: dates[2]), HistorySnapshots.drifted(date: dates[3]),
        ]
        let history = SnapshotHistory(zip(dates, snapshots).map { input("\($0).json", $1) })
        // The latest snapshot recorded genre as the production grouping.
        XCTAssertEqual(history.productionGrouping, "genre")
        XCTAssertEqual(history.productionSource, .recorded)
        XCTAssertEqual(history.entries.map { !$0.flags.isEmpty }, [false, false, true, true])
        XCTAssertEqual(history.verdict.status, .changed)
        XCTAssertEqual(history.verdict.firstFlagged, "2025-09-30")
        XCTAssertEqual(history.verdict.changes, ["at 2025-09-30: use_hbm (genre) → use_hbm (size)"])
        let kinds = Set(history.entries[2].flags.map(\.kind))
        XCTAssertTrue(
            kinds.isSuperset(of: [.qualityPoor, .looBehind, .notBetterThanUngrouped, .notRecommended, .alert]))
        XCTAssertTrue(history.entries[2].flags.contains { $0.key == "quality_below_threshold" })
        XCTAssertTrue(history.entries[2].flags.contains { $0.key == "loo_ranking_changed" })
        XCTAssertTrue(
            history.verdict.degradations.contains {
                $0.contains("quality score below quality_poor (from 2025-09-30, 2 of 4 snapshots)")
            })
        XCTAssertEqual(history.entries[2].marginRunnerUp, HistoryMargin(against: "size", elpdDiff: -35, dse: 7))
        XCTAssertTrue(history.hasAlert)
    }

    func testDegradingWithoutAChangeOfDecision() {
        let low = HistorySnapshots.snapshot(
            date: "2025-06-30",
            candidates: [HistorySnapshots.candidate("genre", quality: 45, coverage: 0.84, pit: "too_narrow")],
            comparison: HistorySnapshots.comparison([("genre", 0, 0), ("ungrouped", 30, 6)]))
        let history = SnapshotHistory([
            input("a", HistorySnapshots.healthy(date: "2025-03-31")), input("b", low),
        ])
        XCTAssertEqual(history.verdict.status, .degrading)
        XCTAssertEqual(Set(history.entries[1].flags.map(\.key)), ["coverage_low", "calibration", "coverage_below_90"])
        XCTAssertTrue(history.verdict.summary.contains("coverage below 90%"), history.verdict.summary)
        XCTAssertTrue(history.verdict.summary.contains("LOO-PIT calibration"), history.verdict.summary)
    }

    func testMixedSchemaVersionsCompareOnWhatTheyShare() {
        // Schema 1: no true_share, LOO-PIT, pooling or ungrouped model.
        let old = HistorySnapshots.snapshot(
            schema: 1, date: "2025-03-31",
            candidates: [
                #"{"name": "genre", "quality_score": 44, "hbm": {"loo": {"elpd": -100}, "coverage": {"hbm": 0.95}}}"#
            ],
            comparison: #"[{"name": "genre", "rank": 1, "elpd_loo": -100}]"#)
        let history = SnapshotHistory([
            input("new", HistorySnapshots.healthy(date: "2025-06-30")), input("old", old),
        ])
        XCTAssertEqual(history.entries.map(\.schemaVersion), [1, 2])
        let first = history.entries[0]
        XCTAssertEqual(first.productionStatus, .fitted)
        XCTAssertNil(first.trueShare)
        XCTAssertNil(first.looPIT)
        XCTAssertNil(first.poolingMedian)
        XCTAssertNil(first.marginUngrouped)
        XCTAssertEqual(first.coverage, 0.95)
        XCTAssertEqual(history.entries[1].trueShare, 0.6)
        XCTAssertTrue(history.pairs[0].notes.contains { $0.contains("Schema versions differ") })
        XCTAssertEqual(history.verdict.status, .stable)
    }

    func testASnapshotWhoseProductionGroupingWasNotFittedIsSkipped() throws {
        let skipped = HistorySnapshots.snapshot(
            date: "2025-06-30", decision: "use_hbm", grouping: "arpu", production: "genre",
            candidates: [
                HistorySnapshots.candidate("genre", quality: 45, skipped: "smallest group has 2 creators"),
                HistorySnapshots.candidate("arpu", quality: 25),
            ],
            comparison: HistorySnapshots.comparison([("arpu", 0, 0), ("ungrouped", 10, 5)]))
        let history = SnapshotHistory([
            input("a", HistorySnapshots.healthy(date: "2025-03-31")), input("b", skipped),
        ])
        let entry = history.entries[1]
        XCTAssertEqual(entry.productionStatus, .skipped)
        XCTAssertEqual(entry.skippedReason, "smallest group has 2 creators")
        XCTAssertEqual(entry.qualityScore, 45)
        XCTAssertNil(entry.looRank)
        XCTAssertNil(entry.marginRunnerUp)
        XCTAssertTrue(entry.flags.contains { $0.kind == .notFitted && $0.detail.contains("smallest group has 2") })
        // history.json says so too.
        let json = String(decoding: try JSONEncoder().encode(history), as: UTF8.self)
        XCTAssertTrue(json.contains(#""production_status":"skipped""#), json)
        XCTAssertFalse(json.contains("NaN"))
    }

    func testTheProductionGroupingFallsBackToAnEarlierRecommendation() {
        let pooled = HistorySnapshots.snapshot(
            date: "2025-06-30", decision: "pool_ungrouped", grouping: nil,
            candidates: [HistorySnapshots.candidate("genre", quality: 10)],
            comparison: HistorySnapshots.comparison([("ungrouped", 0, 0), ("genre", 1, 2)]))
        let history = SnapshotHistory([
            input("a.json", HistorySnapshots.healthy(date: "2025-03-31")), input("b.json", pooled),
        ])
        XCTAssertEqual(history.productionGrouping, "genre")
        XCTAssertEqual(history.productionSource, .earlierRecommendation)
        XCTAssertEqual(history.productionSourceFile, "a.json")
        XCTAssertEqual(history.verdict.status, .changed)
    }

    func testRunTimeDates() {
        XCTAssertNil(RunTime.date(iso: "2025-02-30"))
        XCTAssertEqual(RunTime.isoDate(RunTime.date(iso: "2024-02-29")!), "2024-02-29")
    }
}

final class SnapshotDiffRankingTests: XCTestCase {
    func testAReorderingWithinTheNoiseIsANoteNotAnAlert() {
        let old = HistorySnapshots.healthy(date: nil)
        // arpu and genre swap, 3 elpd apart with dse 6: within the noise.
        let new = HistorySnapshots.snapshot(
            candidates: [
                HistorySnapshots.candidate("genre", quality: 45), HistorySnapshots.candidate("arpu", quality: 25),
            ],
            comparison: HistorySnapshots.comparison([("arpu", 0, 0), ("genre", 3, 6), ("ungrouped", 30, 6)]))
        let diff = SnapshotDiff(old: old, new: new)
        XCTAssertFalse(diff.alerts.contains { $0.key == "loo_ranking_changed" })
        XCTAssertTrue(diff.notes.contains { $0.contains("within the noise of LOO") }, "\(diff.notes)")
    }

    func testAReorderingBeyondTheNoiseIsAnAlert() {
        let diff = SnapshotDiff(
            old: HistorySnapshots.healthy(date: nil), new: HistorySnapshots.drifted(date: nil), production: "genre")
        let alert = try! XCTUnwrap(diff.alerts.first { $0.key == "loo_ranking_changed" })
        XCTAssertTrue(
            alert.detail.contains("genre is now behind the best model, size, by 35 elpd (dse 7)"), alert.detail)
        XCTAssertEqual(diff.productionGrouping, "genre")
    }
}
