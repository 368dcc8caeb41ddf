import TestSupport
import XCTest

@testable import GroupingCore

final class ImputationEstimatorTests: XCTestCase {
    // MARK: Reference fit (numpy lstsq on explicit dummies)

    struct Reference: Decodable {
        struct Case: Decodable {
            var window: [Int]?
            var se_multiplier: Double
            var period_values: [Int]
            var period_effects: [Double]
            var fit_creator_ids: [String]
            var creator_effects: [Double]
            var creator_ids: [String]
            var effect_hat: [Double]
            var se: [Double]
            var residual_variance: [Double]
            var pre_periods: [Int32]
            var post_periods: [Int32]
            var att: Double
            var att_se: Double
            var dropped: [DropCount]
            var treated_observations: Int
            var fit_observations: Int
        }
        var creator_ids: [String]
        var creator_codes: [Int32]
        var periods: [Double]
        var outcomes: [Double]
        var first_treated: [Double?]
        var cases: [Case]

        var panel: PanelObservations {
            PanelObservations(
                creatorIDs: creator_ids, creatorCodes: creator_codes, periods: periods, outcomes: outcomes,
                firstTreated: first_treated.map { $0 ?? .missing })
        }
    }

    func testMatchesReferenceLeastSquaresFit() throws {
        let reference = try Fixtures.load(
            Reference.self, target: "GroupingCoreTests", name: "imputation_reference.json")
        XCTAssertEqual(reference.cases.count, 2)
        for expected in reference.cases {
            let window = expected.window.map { $0[0]...$0[1] }
            let estimate = try ImputationEstimator.estimate(
                reference.panel, settings: ImputationSettings(eventWindow: window, seMultiplier: expected.se_multiplier)
            )
            let label = "window \(String(describing: window))"

            XCTAssertEqual(estimate.periodValues, expected.period_values, label)
            assertClose(expected.period_effects, estimate.periodEffects.map { $0 ?? .nan }, rel: 1e-8, abs: 1e-8, label)
            let alphaByID = Dictionary(
                uniqueKeysWithValues: zip(reference.creator_ids, estimate.creatorEffects))
            XCTAssertEqual(estimate.creatorEffects.compactMap { $0 }.count, expected.fit_creator_ids.count)
            assertClose(
                expected.creator_effects, expected.fit_creator_ids.map { alphaByID[$0]! ?? .nan },
                rel: 1e-8, abs: 1e-8, label)

            XCTAssertEqual(estimate.creatorIDs, expected.creator_ids, label)
            assertClose(expected.effect_hat, estimate.effectHat, rel: 1e-8, abs: 1e-8, label)
            assertClose(expected.residual_variance, estimate.residualVariance, rel: 1e-8, abs: 1e-8, label)
            assertClose(expected.se, estimate.se, rel: 1e-8, abs: 1e-8, label)
            XCTAssertEqual(estimate.prePeriods, expected.pre_periods, label)
            XCTAssertEqual(estimate.postPeriods, expected.post_periods, label)
            assertClose(expected.att, estimate.att, rel: 1e-8, abs: 1e-8, label)
            assertClose(expected.att_se, estimate.attSe, rel: 1e-8, abs: 1e-8, label)
            XCTAssertEqual(estimate.dropped, expected.dropped, label)
            XCTAssertEqual(estimate.treatedObservations, expected.treated_observations, label)
            XCTAssertEqual(estimate.fitObservations, expected.fit_observations, label)
            XCTAssertEqual(estimate.creators, 300)
            XCTAssertEqual(estimate.observations, reference.periods.count)
            XCTAssertEqual(estimate.unimputedObservations, 0)
        }
    }

    func testFileRowsDoNotChangeTheEstimate() throws {
        let reference = try Fixtures.load(
            Reference.self, target: "GroupingCoreTests", name: "imputation_reference.json")
        var panel = reference.panel
        // Reverse the observation order: the estimate must not depend on it.
        panel.creatorCodes.reverse()
        panel.periods.reverse()
        panel.outcomes.reverse()
        panel.firstTreated.reverse()
        let forward = try ImputationEstimator.estimate(reference.panel)
        let backward = try ImputationEstimator.estimate(panel)
        XCTAssertEqual(forward.creatorIDs, backward.creatorIDs)
        assertClose(forward.effectHat, backward.effectHat, rel: 1e-12, abs: 1e-12)
        assertClose(forward.se, backward.se, rel: 1e-12, abs: 1e-12)
    }

    // MARK: Noiseless panel

    func testNoiselessPanelRecoversTrueEffects() throws {
        let periods = 10
        var generator = SeededGenerator(seed: 7)
        var simulated = SimulatedPanel()
        var trueMean: [String: (sum: Double, count: Int, windowSum: Double, windowCount: Int)] = [:]
        for i in 0..<200 {
            let alpha = RandomVariates.normal(mean: 3, sd: 2, using: &generator)
            let first: Int? = i % 4 == 0 ? nil : 3 + i % 7
            for t in 1...periods {
                if i % 5 == 1 && t == 2 { continue }  // unbalanced
                let beta = 0.5 * Double(t) + (t % 3 == 0 ? 1 : 0)
                var y = alpha + beta
                if let first, t >= first {
                    let tau = 1 + 0.01 * Double(i) + 0.2 * Double(t - first)
                    y += tau
                    var m = trueMean["c\(i)", default: (0, 0, 0, 0)]
                    m.sum += tau
                    m.count += 1
                    if t - first <= 2 {
                        m.windowSum += tau
                        m.windowCount += 1
                    }
                    trueMean["c\(i)"] = m
                }
                simulated.append(creator: i, period: t, outcome: y, firstTreated: first)
            }
        }
        let estimate = try ImputationEstimator.estimate(simulated.panel(creators: 200))
        // Creators first treated in period 3 that miss period 2 have one untreated period.
        XCTAssertEqual(
            estimate.dropped, [DropCount(reason: "fewer than 2 untreated periods (no residual variance)", count: 4)])
        XCTAssertEqual(estimate.creatorIDs.count, trueMean.count - 4)
        for (k, id) in estimate.creatorIDs.enumerated() {
            let truth = trueMean[id]!
            assertClose(truth.sum / Double(truth.count), estimate.effectHat[k], rel: 0, abs: 1e-10, id)
            XCTAssertLessThan(estimate.se[k], 1e-6)
            XCTAssertFalse(estimate.se[k].isNaN)
        }
        let windowed = try ImputationEstimator.estimate(
            simulated.panel(creators: 200), settings: ImputationSettings(eventWindow: 0...2))
        for (k, id) in windowed.creatorIDs.enumerated() {
            let truth = trueMean[id]!
            assertClose(truth.windowSum / Double(truth.windowCount), windowed.effectHat[k], rel: 0, abs: 1e-10, id)
            XCTAssertEqual(Int(windowed.postPeriods[k]), truth.windowCount)
        }
        // Period effects come back relative to period 1.
        for (t, beta) in zip(estimate.periodValues, estimate.periodEffects) {
            let truth = 0.5 * Double(t) + (t % 3 == 0 ? 1 : 0) - 0.5
            assertClose(truth, beta!, rel: 0, abs: 1e-10)
        }
    }

    // MARK: Coverage

    /// effect_hat ± 1.96 se on a seeded panel with known effects (heteroskedastic
    /// creators, 3–11 untreated periods): the raw intervals cover close to 95%.
    func testRawIntervalsCoverNinetyFivePercent() throws {
        let (panel, truth) = SimulatedPanel.rollout(creators: 8000, periods: 12, seed: 2026)
        let estimate = try ImputationEstimator.estimate(panel)
        let coverage = try XCTUnwrap(estimate.rawCoverage(truth: truth))
        XCTAssertGreaterThan(coverage.creators, 5000)
        print(
            "raw coverage \(coverage.coverage) over \(coverage.creators) creators, ATT \(estimate.att) ± \(estimate.attSe)"
        )
        XCTAssertGreaterThanOrEqual(coverage.coverage, 0.935)
        XCTAssertLessThanOrEqual(coverage.coverage, 0.965)
        // Without the small-sample (t) inflation of the creator's own variance term the
        // intervals under-cover: that is why it is there.
        let inflation = ImputationEstimator.StandardErrors.smallSampleInflation(maxDegreesOfFreedom: 12)
        var coveredUnadjusted = 0
        for (k, id) in estimate.creatorIDs.enumerated() {
            let pre = Double(estimate.prePeriods[k])
            let post = Double(estimate.postPeriods[k])
            let own = estimate.residualVariance[k] * (1 / pre + 1 / post)
            let variance = estimate.se[k] * estimate.se[k] - (inflation[Int(pre) - 1] - 1) * own
            if Swift.abs(estimate.effectHat[k] - truth[id]!) <= 1.96 * variance.squareRoot() { coveredUnadjusted += 1 }
        }
        let unadjusted = Double(coveredUnadjusted) / Double(estimate.creatorIDs.count)
        print("raw coverage without the t inflation \(unadjusted)")
        XCTAssertLessThan(unadjusted, coverage.coverage - 0.01)
        // The ATT's interval covers the mean true effect over the treated observations.
        var trueATT = 0.0
        var weight = 0.0
        for (k, id) in estimate.creatorIDs.enumerated() {
            trueATT += Double(estimate.postPeriods[k]) * truth[id]!
            weight += Double(estimate.postPeriods[k])
        }
        XCTAssertLessThan(Swift.abs(estimate.att - trueATT / weight), 3 * estimate.attSe)

        // The multiplier scales every per-creator se and leaves the ATT's alone.
        let scaled = try ImputationEstimator.estimate(panel, settings: ImputationSettings(seMultiplier: 2.5))
        assertClose(estimate.se.map { 2.5 * $0 }, scaled.se, rel: 1e-14)
        assertClose(estimate.attSe, scaled.attSe, rel: 1e-14)
        XCTAssertEqual(scaled.panelEstimation().seMultiplier, 2.5)
    }

    // MARK: Identification

    func testDisconnectedCreatorsAndPeriodsAreDroppedAndCounted() throws {
        var simulated = SimulatedPanel()
        // 0, 1: never treated, periods 1…4 (the connected set).
        for i in 0..<2 {
            for t in 1...4 { simulated.append(creator: i, period: t, outcome: Double(i + t * t), firstTreated: nil) }
        }
        // 2: never treated, only period 5 — its own component.
        simulated.append(creator: 2, period: 5, outcome: 1, firstTreated: nil)
        // 3: untreated in period 5 only, treated in 6: disconnected.
        simulated.append(creator: 3, period: 5, outcome: 2, firstTreated: 6)
        simulated.append(creator: 3, period: 6, outcome: 3, firstTreated: 6)
        // 4: treated from 3, periods 1…4 and 6: kept; period 6 cannot be imputed.
        for t in [1, 2, 3, 4, 6] {
            simulated.append(creator: 4, period: t, outcome: Double(t * t) + (t >= 3 ? 5 : 0), firstTreated: 3)
        }
        // 5: treated from 3, observed in 1, 2 and 6 only: no estimated period effect.
        for t in [1, 2, 6] { simulated.append(creator: 5, period: t, outcome: 0, firstTreated: 3) }
        // 6: treated from 1: no untreated period.
        for t in [1, 2] { simulated.append(creator: 6, period: t, outcome: 0, firstTreated: 1) }
        // 7: treated from 2: one untreated period.
        for t in [1, 2] { simulated.append(creator: 7, period: t, outcome: 0, firstTreated: 2) }
        // 8: treated from 9: no treated period observed.
        for t in [1, 2] { simulated.append(creator: 8, period: t, outcome: 0, firstTreated: 9) }

        let estimate = try ImputationEstimator.estimate(simulated.panel(creators: 9))
        XCTAssertEqual(estimate.creatorIDs, ["c4"])
        assertClose(5, estimate.effectHat[0], rel: 0, abs: 1e-12)
        XCTAssertEqual(estimate.postPeriods, [2])
        XCTAssertEqual(estimate.unimputedObservations, 1)
        XCTAssertEqual(estimate.periodValues, [1, 2, 3, 4, 5, 6])
        XCTAssertNil(estimate.periodEffects[4])
        XCTAssertNil(estimate.periodEffects[5])
        XCTAssertEqual(estimate.periodEffects[0], 0)
        XCTAssertNil(estimate.creatorEffects[2])
        XCTAssertNil(estimate.creatorEffects[3])
        XCTAssertNotNil(estimate.creatorEffects[4])
        XCTAssertEqual(
            estimate.dropped,
            [
                DropCount(reason: "no treated period observed", count: 1),
                DropCount(reason: "no untreated period", count: 1),
                DropCount(reason: "no period shared with untreated creators", count: 1),
                DropCount(reason: "fewer than 2 untreated periods (no residual variance)", count: 1),
                DropCount(reason: "no treated period with an estimated period effect", count: 1),
            ])
        XCTAssertEqual(estimate.creators, 9)
        XCTAssertEqual(estimate.treatedCreators, 6)
        XCTAssertTrue(estimate.se.allSatisfy { $0.isFinite })
        XCTAssertTrue(estimate.attSe.isFinite)

        XCTAssertThrowsError(
            try ImputationEstimator.estimate(
                simulated.panel(creators: 9), settings: ImputationSettings(eventWindow: 5...6))
        ) { error in
            XCTAssertEqual((error as? PanelInputError)?.kind, .nothingEstimable)
        }
    }

    func testNothingEstimableThrows() {
        var simulated = SimulatedPanel()
        for t in 1...3 { simulated.append(creator: 0, period: t, outcome: Double(t), firstTreated: nil) }
        for t in 1...3 { simulated.append(creator: 1, period: t, outcome: Double(t), firstTreated: 1) }
        XCTAssertThrowsError(try ImputationEstimator.estimate(simulated.panel(creators: 2))) { error in
            let error = error as! PanelInputError
            XCTAssertEqual(error.kind, .nothingEstimable)
            XCTAssertTrue(error.message.contains("1 no untreated period"), error.message)
        }
    }

    func testWindowWithoutTreatedPeriodsDropsCreators() throws {
        var simulated = SimulatedPanel()
        for i in 0..<3 {
            for t in 1...6 {
                simulated.append(
                    creator: i, period: t, outcome: Double(i * t % 5), firstTreated: i == 0 ? nil : (i == 1 ? 3 : 6))
            }
        }
        let estimate = try ImputationEstimator.estimate(
            simulated.panel(creators: 3), settings: ImputationSettings(eventWindow: 2...3))
        XCTAssertEqual(estimate.creatorIDs, ["c1"])
        XCTAssertEqual(estimate.postPeriods, [2])
        XCTAssertEqual(estimate.dropped, [DropCount(reason: "no treated period in the event window", count: 1)])
    }

    func testPanelEstimationSummary() throws {
        let (panel, truth) = SimulatedPanel.rollout(creators: 400, periods: 8, seed: 3)
        let estimate = try ImputationEstimator.estimate(panel)
        let coverage = estimate.rawCoverage(truth: truth)?.coverage
        let summary = estimate.panelEstimation(rawCoverage: coverage)
        XCTAssertEqual(summary.creators, 400)
        XCTAssertEqual(summary.observations, panel.count)
        XCTAssertEqual(summary.att, estimate.att)
        XCTAssertEqual(summary.attSe, estimate.attSe)
        XCTAssertEqual(summary.iterations, 0)
        XCTAssertEqual(summary.seMultiplier, 1)
        XCTAssertEqual(summary.rawCoverage, coverage)
        XCTAssertTrue(summary.method.contains("Borusyak"))
    }
}

/// Builds panels observation by observation for the tests.
struct SimulatedPanel {
    var codes: [Int32] = []
    var periods: [Double] = []
    var outcomes: [Double] = []
    var firstTreated: [Double] = []

    mutating func append(creator: Int, period: Int, outcome: Double, firstTreated first: Int?) {
        codes.append(Int32(creator))
        periods.append(Double(period))
        outcomes.append(outcome)
        firstTreated.append(first.map(Double.init) ?? .missing)
    }

    func panel(creators: Int) -> PanelObservations {
        PanelObservations(
            creatorIDs: (0..<creators).map { "c\($0)" }, creatorCodes: codes, periods: periods,
            outcomes: outcomes, firstTreated: firstTreated)
    }

    /// A staggered rollout with known per-creator effects: 30% never treated, the rest
    /// first treated uniformly in 4…periods; α ~ N(0, 2), β_t = sin t, σ_i ~ U(0.5, 2),
    /// constant effect τ_i ~ N(1, 0.5), normal errors, 3% of observations missing.
    static func rollout(creators: Int, periods: Int, seed: UInt64) -> (PanelObservations, [String: Double]) {
        var generator = SeededGenerator(seed: seed)
        var simulated = SimulatedPanel()
        var truth: [String: Double] = [:]
        for i in 0..<creators {
            let alpha = RandomVariates.normal(mean: 0, sd: 2, using: &generator)
            let sigma = 0.5 + 1.5 * RandomVariates.uniformOpen(using: &generator)
            let tau = RandomVariates.normal(mean: 1, sd: 0.5, using: &generator)
            let treated = RandomVariates.uniformOpen(using: &generator) >= 0.3
            let first = treated ? 4 + Int(RandomVariates.uniformOpen(using: &generator) * Double(periods - 3)) : nil
            if first != nil { truth["c\(i)"] = tau }
            for t in 1...periods {
                if RandomVariates.uniformOpen(using: &generator) < 0.03 { continue }
                var y = alpha + sin(Double(t)) + sigma * RandomVariates.standardNormal(using: &generator)
                if let first, t >= first { y += tau }
                simulated.append(creator: i, period: t, outcome: y, firstTreated: first)
            }
        }
        return (simulated.panel(creators: creators), truth)
    }
}
