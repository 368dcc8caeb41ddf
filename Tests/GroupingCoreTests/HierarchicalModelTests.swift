import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The fitted model against PyMC (NUTS on the non-centered model; fixture by
/// scripts/fixtures/pymc_reference.py), LOO against the generic matrix path, determinism and
/// degenerate inputs.
final class HierarchicalModelTests: XCTestCase {
    struct PyMCReference: Decodable {
        struct Parameter: Decodable {
            let mean: Double
            let sd: Double
            let mcse_mean: Double
            let mcse_sd: Double
        }
        let divergences: Int
        let labels: [String]
        let effects: [Double]
        let ses: [Double]
        let codes: [Int32]
        let params: [String: Parameter]
        let loo: LOO

        /// az.loo of the theta-integrated log-likelihood on PyMC's draws.
        struct LOO: Decodable {
            let elpd: Double
            let se: Double
            let p_loo: Double
            let k_max: Double
            let half_split_difference: Double
        }
    }

    static let reference: PyMCReference? = try? Fixtures.load(
        PyMCReference.self, target: "GroupingCoreTests", name: "pymc_synthetic.json")
    static let referenceFit: HierarchicalFit? = reference.map { reference in
        HierarchicalModel.fit(
            HierarchicalModelData(
                effects: reference.effects, ses: reference.ses, codes: reference.codes,
                groupCount: reference.labels.count),
            labels: reference.labels)
    }

    func testPosteriorAgreesWithPyMC() throws {
        try assertAgreesWithPyMC(try XCTUnwrap(Self.reference), try XCTUnwrap(Self.referenceFit))
    }

    /// The example platform (examples/creator-platform, grouping by genre), fitted by PyMC.
    func testExamplePosteriorAgreesWithPyMC() throws {
        let reference = try Fixtures.load(
            PyMCReference.self, target: "GroupingCoreTests", name: "pymc_example_genre.json")
        let fit = HierarchicalModel.fit(
            HierarchicalModelData(
                effects: reference.effects, ses: reference.ses, codes: reference.codes,
                groupCount: reference.labels.count),
            labels: reference.labels)
        try assertAgreesWithPyMC(reference, fit)
    }

    /// Means and sds within 4 combined Monte-Carlo standard errors; PSIS-LOO within 1 elpd
    /// unit (the Monte-Carlo error of elpd_loo is about 0.1–0.2 here: the elpd of PyMC's chains
    /// {0,1} and {2,3} differ by 0.25 and 0.03), p_loo within 0.5, se within 1%.
    private func assertAgreesWithPyMC(_ reference: PyMCReference, _ fit: HierarchicalFit) throws {
        XCTAssertEqual(reference.divergences, 0)
        XCTAssertLessThan(abs(fit.loo.elpd - reference.loo.elpd), 1.0, "elpd \(fit.loo.elpd) vs \(reference.loo.elpd)")
        XCTAssertLessThan(
            abs(fit.loo.pLoo - reference.loo.p_loo), 0.5, "p_loo \(fit.loo.pLoo) vs \(reference.loo.p_loo)")
        assertClose(reference.loo.se, fit.loo.se, rel: 0.01)
        XCTAssertLessThan(fit.loo.kMax, 0.7)
        XCTAssertLessThan(reference.loo.k_max, 0.7)
        let s = Double(fit.mu.count)
        var compared: [(String, MeanSD)] = [
            ("mu", fit.muSummary), ("tau", fit.tauSummary), ("sigma_group", fit.sigmaGroupSummary),
        ]
        for (g, group) in fit.groups.enumerated() {
            compared.append(("mu_group[\(g)]", MeanSD(mean: group.mean, sd: group.sd)))
        }
        for (name, ours) in compared {
            let theirs = try XCTUnwrap(reference.params[name], name)
            // Our draws are independent: MCSE(mean) = sd/√S, MCSE(sd) ≈ sd/√(2S).
            let meanError = (theirs.mcse_mean * theirs.mcse_mean + ours.sd * ours.sd / s).squareRoot()
            let sdError = (theirs.mcse_sd * theirs.mcse_sd + ours.sd * ours.sd / (2 * s)).squareRoot()
            XCTAssertLessThan(
                abs(ours.mean - theirs.mean), 4 * meanError, "\(name) mean \(ours.mean) vs \(theirs.mean)")
            XCTAssertLessThan(abs(ours.sd - theirs.sd), 4 * sdError, "\(name) sd \(ours.sd) vs \(theirs.sd)")
        }
    }

    func testDiagnosticsOfIndependentDrawsAreClean() throws {
        let fit = try XCTUnwrap(Self.referenceFit)
        XCTAssertLessThan(fit.diagnostics.rhatMax, 1.01)
        XCTAssertGreaterThan(fit.diagnostics.essBulkMin, 3000)
        XCTAssertGreaterThan(fit.diagnostics.essTailMin, 2500)
        XCTAssertTrue(fit.diagnostics.warnings.isEmpty, "\(fit.diagnostics.warnings)")
    }

    func testCreatorLOOEqualsTheMatrixPath() throws {
        let reference = try XCTUnwrap(Self.reference)
        let fit = try XCTUnwrap(Self.referenceFit)
        let rows = Array(0..<40)
        let matrix: [[Double]] = rows.map { i in
            let g = Int(reference.codes[i])
            return (0..<fit.mu.count).map { s in
                let v = reference.ses[i] * reference.ses[i] + fit.tau[s] * fit.tau[s]
                let d = reference.effects[i] - fit.muGroup[g][s]
                return -0.5 * log(2 * Double.pi * v) - 0.5 * d * d / v
            }
        }
        let pointwise = LeaveOneOut.pointwise(logLikelihood: matrix, reff: 1)
        // The PSIS cross-check on the draws is the generic matrix path to the digit (its Pareto
        // k), and the exact elpd_i and lppd_i agree with PSIS within its Monte Carlo error.
        for (row, expected) in zip(rows, pointwise) {
            XCTAssertLessThan(abs(expected.elpd - fit.pointwiseElpd[row]), 0.02, "creator \(row)")
            XCTAssertLessThan(abs(expected.lppd - fit.pointwiseLppd[row]), 0.02, "creator \(row)")
            assertClose(expected.k, fit.paretoK[row], rel: 1e-9, abs: 1e-12)
        }
        assertClose(-2 * fit.loo.elpd, fit.loo.looic, rel: 1e-14)
        XCTAssertEqual(fit.loo.paretoK.good + fit.loo.paretoK.bad + fit.loo.paretoK.veryBad, reference.effects.count)
    }

    func testThetaSummariesMatchTheirDefinition() throws {
        let reference = try XCTUnwrap(Self.reference)
        let fit = try XCTUnwrap(Self.referenceFit)
        for i in [0, 1, 2, 500, 1499] {
            // Rao–Blackwellised mean and sd, recomputed directly from the draws.
            let g = Int(reference.codes[i])
            let se2 = reference.ses[i] * reference.ses[i]
            var means: [Double] = []
            var variances: [Double] = []
            for s in 0..<fit.mu.count {
                let t2 = fit.tau[s] * fit.tau[s]
                let v = se2 + t2
                means.append((t2 * reference.effects[i] + se2 * fit.muGroup[g][s]) / v)
                variances.append(se2 * t2 / v)
            }
            let mean = means.reduce(0, +) / Double(means.count)
            let second = zip(means, variances).reduce(0) { $0 + $1.0 * $1.0 + $1.1 } / Double(means.count)
            // The fit's values are exact (quadrature); the draws' Rao–Blackwellised estimate
            // agrees within its Monte Carlo error.
            let sd = (second - mean * mean).squareRoot()
            XCTAssertLessThan(abs(mean - fit.thetaMean[i]), 4 * sd / Double(means.count).squareRoot() + 1e-12)
            assertClose(sd, fit.thetaSD[i], rel: 0.03)
            // The central interval: about ±1.96 sd around the mean (theta's posterior is
            // close to normal here), lower < mean < upper.
            XCTAssertLessThan(fit.thetaLower[i], fit.thetaMean[i])
            XCTAssertGreaterThan(fit.thetaUpper[i], fit.thetaMean[i])
            assertClose(2 * 1.959964 * fit.thetaSD[i], fit.thetaUpper[i] - fit.thetaLower[i], rel: 0.08)
        }
    }

    func testSameSeedGivesIdenticalFit() {
        let data = Self.synthetic(count: 300, groups: 4, seed: 11)
        let settings = SamplerSettings(chains: 4, draws: 300, seed: 9)
        let first = HierarchicalModel.fit(data, settings: settings)
        let second = HierarchicalModel.fit(data, settings: settings)
        XCTAssertEqual(first.mu, second.mu)
        XCTAssertEqual(first.muGroup, second.muGroup)
        XCTAssertEqual(first.thetaLower, second.thetaLower)
        XCTAssertEqual(first.pointwiseElpd, second.pointwiseElpd)
        XCTAssertEqual(first.hbmResult(), second.hbmResult())
        let other = HierarchicalModel.fit(data, settings: SamplerSettings(chains: 4, draws: 300, seed: 10))
        XCTAssertNotEqual(first.mu, other.mu)
    }

    func testTauNearZeroIsHandled() {
        // No creator-level heterogeneity at all: tau's posterior piles up at 0.
        var generator = SeededGenerator(seed: 5)
        let n = 400
        let codes = (0..<n).map { Int32($0 % 4) }
        let ses = (0..<n).map { _ in 0.2 + 0.3 * RandomVariates.uniformOpen(using: &generator) }
        let effects = (0..<n).map { i in
            0.1 * Double(codes[i]) + ses[i] * RandomVariates.standardNormal(using: &generator)
        }
        let fit = HierarchicalModel.fit(
            HierarchicalModelData(effects: effects, ses: ses, codes: codes, groupCount: 4),
            settings: SamplerSettings(chains: 4, draws: 500))
        assertFinite(fit)
        XCTAssertLessThan(fit.tauSummary.mean, 0.1)
        XCTAssertGreaterThan(fit.tau.min() ?? 0, 0)
    }

    func testDegenerateInputsNeverGiveNaN() throws {
        let settings = SamplerSettings(chains: 2, draws: 200)
        let cases: [(String, HierarchicalModelData)] = [
            (
                "one group",
                HierarchicalModelData(
                    effects: [0.1, 0.3, -0.2, 0.5, 0.0, 0.2], ses: [0.1, 0.2, 0.1, 0.3, 0.2, 0.1],
                    codes: [0, 0, 0, 0, 0, 0], groupCount: 1)
            ),
            (
                "group of one",
                HierarchicalModelData(
                    effects: [0.1, 0.3, -0.2, 0.5, 0.0, 0.2, 2.0], ses: [0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.1],
                    codes: [0, 0, 0, 1, 1, 1, 2], groupCount: 3)
            ),
            (
                "equal se",
                HierarchicalModelData(
                    effects: [0.1, 0.3, -0.2, 0.5, 0.0, 0.2], ses: [Double](repeating: 0.15, count: 6),
                    codes: [0, 0, 0, 1, 1, 1], groupCount: 2)
            ),
            (
                "equal effects",
                HierarchicalModelData(
                    effects: [Double](repeating: 0.25, count: 6), ses: [0.1, 0.2, 0.1, 0.3, 0.2, 0.1],
                    codes: [0, 0, 0, 1, 1, 1], groupCount: 2)
            ),
            ("no creators", HierarchicalModelData(effects: [], ses: [], codes: [], groupCount: 2)),
            (
                "an empty group",
                HierarchicalModelData(
                    effects: [0.1, 0.3, -0.2, 0.5], ses: [0.1, 0.2, 0.1, 0.3], codes: [0, 0, 2, 2], groupCount: 3)
            ),
            (
                "equal effects and se",
                HierarchicalModelData(
                    effects: [Double](repeating: 0, count: 6), ses: [Double](repeating: 0.1, count: 6),
                    codes: [0, 1, 0, 1, 0, 1], groupCount: 2)
            ),
        ]
        for (name, data) in cases {
            let fit = HierarchicalModel.fit(data, settings: settings)
            assertFinite(fit, name)
            let json = try JSONEncoder().encode(fit.hbmResult())
            XCTAssertFalse(String(decoding: json, as: UTF8.self).lowercased().contains("nan"), name)
        }
        let fallback = Priors.default(effects: [Double](repeating: 0.25, count: 6), ses: [0.1, 0.2, 0.3])
        assertClose(0.2, fallback.tauScale, rel: 1e-12)
        assertClose(1.0, fallback.muSD, rel: 1e-12)
        XCTAssertEqual(Priors.default(effects: [1], ses: []).tauScale, 1)
    }

    func testPriorsDefaultToTheSampleSD() {
        let priors = Priors.default(effects: [1, 2, 3, 4])
        let s = (5.0 / 3).squareRoot()
        assertClose(s, priors.tauScale, rel: 1e-14)
        assertClose(s, priors.sigmaGroupScale, rel: 1e-14)
        assertClose(5 * s, priors.muSD, rel: 1e-14)
        XCTAssertEqual(priors.echo["tau"], "HalfNormal(1.29099)")
    }

    private func assertFinite(
        _ fit: HierarchicalFit, _ message: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        let scalars = [
            fit.muSummary.mean, fit.muSummary.sd, fit.tauSummary.mean, fit.tauSummary.sd,
            fit.sigmaGroupSummary.mean, fit.sigmaGroupSummary.sd, fit.loo.elpd, fit.loo.se, fit.loo.pLoo,
            fit.loo.kMax, fit.diagnostics.rhatMax, fit.diagnostics.essBulkMin, fit.diagnostics.essTailMin,
        ]
        XCTAssertTrue(scalars.allSatisfy(\.isFinite), "\(message): \(scalars)", file: file, line: line)
        for array in [fit.thetaMean, fit.thetaSD, fit.thetaLower, fit.thetaUpper, fit.pointwiseElpd, fit.paretoK] {
            XCTAssertTrue(array.allSatisfy(\.isFinite), message, file: file, line: line)
        }
        for group in fit.groups {
            XCTAssertTrue(
                [group.mean, group.sd, group.hdiLow, group.hdiHigh].allSatisfy(\.isFinite), message, file: file,
                line: line)
        }
    }

    static func synthetic(count: Int, groups: Int, seed: UInt64) -> HierarchicalModelData {
        var generator = SeededGenerator(seed: seed)
        let codes = (0..<count).map { Int32($0 % groups) }
        let ses = (0..<count).map { _ in 0.05 + 0.5 * RandomVariates.uniformOpen(using: &generator) }
        let effects = (0..<count).map { i in
            0.1 * Double(codes[i]) + 0.2 * RandomVariates.standardNormal(using: &generator)
                + ses[i] * RandomVariates.standardNormal(using: &generator)
        }
        return HierarchicalModelData(effects: effects, ses: ses, codes: codes, groupCount: groups)
    }
}
