import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The ungrouped and additive models against PyMC (NUTS on the non-centred models; fixtures by
/// scripts/fixtures/schema2_reference.py), exact LOO and LOO-PIT against brute-force refits,
/// and the az.summary columns against ArviZ on the same draws.
final class ModelFormsTests: XCTestCase {
    struct Parameter: Decodable {
        let mean: Double
        let sd: Double
        let mcse_mean: Double
        let mcse_sd: Double
    }
    struct Ungrouped: Decodable {
        let effects: [Double]
        let ses: [Double]
        let params: [String: Parameter]
    }
    struct Additive: Decodable {
        let effects: [Double]
        let ses: [Double]
        let codes_a: [Int32]
        let codes_b: [Int32]
        let labels_a: [String]
        let labels_b: [String]
        let params: [String: Parameter]
    }

    /// Our values are exact up to the grid, so the tolerance is PyMC's own Monte Carlo error
    /// (4 of its mcse) plus a relative 1% for the grid.
    func assertAgrees(_ name: String, mean: Double, sd: Double, _ reference: Parameter?) throws {
        let reference = try XCTUnwrap(reference, name)
        XCTAssertLessThan(
            abs(mean - reference.mean), 4 * reference.mcse_mean + 0.01 * reference.sd,
            "\(name) mean \(mean) vs \(reference.mean)")
        XCTAssertLessThan(
            abs(sd - reference.sd), 4 * reference.mcse_sd + 0.01 * reference.sd, "\(name) sd \(sd) vs \(reference.sd)")
    }

    func testUngroupedAgreesWithPyMC() throws {
        let reference = try Fixtures.load(Ungrouped.self, target: "GroupingCoreTests", name: "pymc_ungrouped.json")
        let fit = HierarchicalModel.fit(spec: .ungrouped(), effects: reference.effects, ses: reference.ses)
        try assertAgrees("mu", mean: fit.muSummary.mean, sd: fit.muSummary.sd, reference.params["mu"])
        try assertAgrees("tau", mean: fit.tauSummary.mean, sd: fit.tauSummary.sd, reference.params["tau"])
        XCTAssertTrue(fit.grid.adequate)
        XCTAssertNil(fit.trueShare)
    }

    func testAdditiveAgreesWithPyMC() throws {
        let reference = try Fixtures.load(Additive.self, target: "GroupingCoreTests", name: "pymc_additive.json")
        let spec = ModelSpec.additive(
            ModelSpec.Factor(name: "A", codes: reference.codes_a, labels: reference.labels_a),
            ModelSpec.Factor(name: "B", codes: reference.codes_b, labels: reference.labels_b))
        let fit = HierarchicalModel.fit(spec: spec, effects: reference.effects, ses: reference.ses)
        XCTAssertTrue(fit.grid.adequate, "\(fit.grid)")
        try assertAgrees("mu", mean: fit.muSummary.mean, sd: fit.muSummary.sd, reference.params["mu"])
        for scale in fit.hyperparameters {
            try assertAgrees(scale.name, mean: scale.mean, sd: scale.sd, reference.params[scale.name])
        }
        for effect in fit.effects {
            // "A[A1]" here is PyMC's "a[A1]".
            let key = effect.name.hasPrefix("A[") ? "a" + effect.name.dropFirst() : "b" + effect.name.dropFirst()
            try assertAgrees(effect.name, mean: effect.mean, sd: effect.sd, reference.params[key])
        }
        XCTAssertEqual(fit.groups.count, reference.labels_a.count * reference.labels_b.count)
    }

    /// Exact LOO and LOO-PIT equal refits without each creator by the same quadrature:
    /// p(y_i | y_−i) = Σ_k w_k^(−i) N(y_i | eta's LOO mean, its variance + se² + tau²).
    func testExactLOOAndPITEqualBruteForceRefits() {
        var generator = SeededGenerator(seed: 5)
        let n = 30
        let codes = (0..<n).map { Int32($0 % 3) }
        let ses = (0..<n).map { _ in 0.1 + 0.2 * RandomVariates.uniformOpen(using: &generator) }
        let effects = (0..<n).map { i in
            0.1 * Double(codes[i]) + 0.08 * RandomVariates.standardNormal(using: &generator)
                + ses[i] * RandomVariates.standardNormal(using: &generator)
        }
        let priors = Priors.default(effects: effects, ses: ses)
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "g", codes: codes, labels: ["a", "b", "c"]))
        let fit = HierarchicalModel.fit(spec: spec, effects: effects, ses: ses, priors: priors)
        for i in [0, 7, 13, 29] {
            var rest = Array(0..<n)
            rest.remove(at: i)
            let restSpec = ModelSpec.oneWay(
                ModelSpec.Factor(name: "g", codes: rest.map { codes[$0] }, labels: ["a", "b", "c"]))
            let context = ModelContext(
                spec: restSpec, effects: rest.map { effects[$0] }, ses: rest.map { ses[$0] }, priors: priors)
            let grid = HyperparameterGrid.build(context: context)
            var density = 0.0
            var cdf = 0.0
            for (w, node) in zip(grid.weights, grid.nodes) {
                let conditional = context.conditional(grid.tauStatistics[node.tauKey]!, x: node.x)
                let c = Int(codes[i])
                let variance = conditional.cellVariance[c] + ses[i] * ses[i] + exp(2 * node.x[0])
                let z = (effects[i] - conditional.cellMean[c]) / variance.squareRoot()
                density += w * exp(-0.5 * z * z) / (2 * Double.pi * variance).squareRoot()
                cdf += w * 0.5 * erfc(-z / 2.0.squareRoot())
            }
            XCTAssertLessThan(abs(log(density) - fit.pointwiseElpd[i]), 1e-3, "creator \(i)")
            XCTAssertLessThan(abs(cdf - fit.pit[i]), 1e-3, "creator \(i)")
        }
    }

    struct SummaryReference: Decodable {
        let draws: [String: [[Double]]]
        let summary: [String: [String: Double]]
    }

    func testSummaryColumnsMatchArviZ() throws {
        let reference = try Fixtures.load(
            SummaryReference.self, target: "GroupingCoreTests", name: "az_summary_reference.json")
        for (name, chains) in reference.draws {
            let row = PosteriorSummaryRow.summarize(name, chains: chains)
            let expected = try XCTUnwrap(reference.summary[name])
            let values: [(String, Double?)] = [
                ("mean", row.mean), ("sd", row.sd), ("hdi_3%", row.hdi3), ("hdi_97%", row.hdi97),
                ("mcse_mean", row.mcseMean), ("mcse_sd", row.mcseSd), ("ess_bulk", row.essBulk),
                ("ess_tail", row.essTail), ("r_hat", row.rHat),
            ]
            for (column, value) in values {
                let value = try XCTUnwrap(value, "\(name) \(column)")
                let target = try XCTUnwrap(expected[column], "\(name) \(column)")
                XCTAssertLessThan(abs(value - target), 1e-6 * max(1, abs(target)), "\(name) \(column): \(value) vs \(target)")
            }
        }
    }

    /// p_worse is loo's normal approximation Φ(−elpd_diff/se_diff), and the flags follow loo.
    func testPWorseAndDiagFlags() {
        assertClose(0.5 * erfc(2 / 2.0.squareRoot()), ModelComparison.probabilityWorse(elpdDiff: 4, dse: 2), rel: 1e-14)
        assertClose(0.0227501319481792, ModelComparison.probabilityWorse(elpdDiff: 4, dse: 2), rel: 1e-12)
        XCTAssertEqual(
            ModelComparison.diagnostics(isBest: false, elpdDiff: 3, observations: 50, paretoKBad: true),
            [.nBelow100, .smallDifference, .paretoK])
        XCTAssertEqual(ModelComparison.diagnostics(isBest: false, elpdDiff: 30, observations: 500, paretoKBad: false), [])
        XCTAssertEqual(ModelComparison.diagnostics(isBest: true, elpdDiff: 0, observations: 50, paretoKBad: true), [])
    }

    /// Pooling factors by baggr's definitions on a hand-checked case: one creator per group of
    /// a tight posterior is se²/(se² + tau²) per creator, v_g/(v_g + sigma²) per group.
    func testPoolingFactorsFollowTheirDefinition() {
        let effects = [0.1, 0.2, 0.15, 0.3, 0.25, 0.35, 0.05, 0.12]
        let ses = [Double](repeating: 0.1, count: 8)
        let codes: [Int32] = [0, 0, 0, 0, 1, 1, 1, 1]
        let fit = HierarchicalModel.fit(
            spec: .oneWay(ModelSpec.Factor(name: "g", codes: codes, labels: ["a", "b"])), effects: effects, ses: ses)
        // With equal se, every creator's pooling factor is the same: E[se²/(se² + tau²)].
        for value in fit.pooling { assertClose(fit.pooling[0], value, rel: 1e-12) }
        XCTAssertGreaterThan(fit.pooling[0], 0)
        XCTAssertLessThan(fit.pooling[0], 1)
        // Groups of 4 creators with equal se: v_g = (se² + tau²)/4, so the group factor is below
        // the creator factor's complement in the same direction: both in (0, 1), equal by symmetry.
        XCTAssertEqual(fit.groupPooling.count, 2)
        assertClose(fit.groupPooling[0].pooling, fit.groupPooling[1].pooling, rel: 1e-12)
        XCTAssertGreaterThan(fit.groupPooling[0].pooling, 0)
        XCTAssertLessThan(fit.groupPooling[0].pooling, 1)
    }
}
