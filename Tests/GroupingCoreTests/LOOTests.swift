import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The log-likelihood matrices of scripts/fixtures/loo_reference.py, regenerated from the
/// same closed form (see the script's docstring), so no matrix is stored.
enum LOOFixtureMatrix {
    static let observations = 50
    static let draws = 2000

    static func matrix(scale: Double, shift: Double) -> [[Double]] {
        let m: [Double] = (0..<draws).map { s in
            let hashed = (UInt64(s) &* 2_654_435_761 &+ 12345) % (1 << 32)
            let u = (Double(hashed) + 0.5) / 4_294_967_296.0
            return 0.15 * (log(u) - log1p(-u))
        }
        return (0..<observations).map { i in
            var y = 0.02 * Double(i) - 0.5
            if i == 7 { y = 6 } else if i == 23 { y = 8 } else if i == 41 { y = -7 }
            let sd = scale * (0.5 + 0.2 * Double(i % 5))
            return m.map { ms in
                let z = (y - ms - shift) / sd
                return -0.5 * log(2 * Double.pi) - log(sd) - 0.5 * z * z
            }
        }
    }
}

struct LOOReference: Decodable {
    struct Fit: Decodable {
        let reff: Double
        let elpd: Double
        let se: Double
        let p_loo: Double
        let good_k: Double
        let pareto_k: [Double]
        let loo_i: [Double]
        let log_weights_obs7_first20: [Double]
        let log_weights_obs0_first20: [Double]
    }
    struct Model: Decodable {
        let scale: Double
        let shift: Double
        let reff_1: Fit
        let reff_0_6: Fit
        enum CodingKeys: String, CodingKey {
            case scale, shift, reff_1
            case reff_0_6 = "reff_0.6"
        }
    }
    struct CompareRow: Decodable {
        let name: String
        let rank: Int
        let elpd_loo: Double
        let elpd_diff: Double
        let se: Double
        let dse: Double
        let weight: Double
    }
    let models: [Model]
    let compare: [CompareRow]

    static func load() throws -> LOOReference {
        try Fixtures.load(LOOReference.self, target: "GroupingCoreTests", name: "loo_reference.json")
    }
}

/// PSIS and PSIS-LOO against `az.psislw` / `az.loo` (ArviZ 0.23), to 1e-6.
final class LOOTests: XCTestCase {
    func testPSISLogWeightsMatchArviZ() throws {
        let reference = try LOOReference.load()
        for model in reference.models {
            let matrix = LOOFixtureMatrix.matrix(scale: model.scale, shift: model.shift)
            for fit in [model.reff_1, model.reff_0_6] {
                for (row, expected) in [(7, fit.log_weights_obs7_first20), (0, fit.log_weights_obs0_first20)] {
                    let result = PSIS.smooth(logRatios: matrix[row].map { -$0 }, reff: fit.reff)
                    assertClose(expected, Array(result.logWeights.prefix(20)), rel: 1e-6, abs: 1e-9, "row \(row)")
                    assertClose(fit.pareto_k[row], result.k, rel: 1e-6, "row \(row)")
                }
            }
        }
    }

    func testPointwiseLOOMatchesArviZ() throws {
        let reference = try LOOReference.load()
        var sawBadK = false
        for model in reference.models {
            let matrix = LOOFixtureMatrix.matrix(scale: model.scale, shift: model.shift)
            for fit in [model.reff_1, model.reff_0_6] {
                let pointwise = LeaveOneOut.pointwise(logLikelihood: matrix, reff: fit.reff)
                assertClose(fit.pareto_k, pointwise.map(\.k), rel: 1e-6)
                assertClose(fit.loo_i, pointwise.map(\.elpd), rel: 1e-6)
                let summary = LeaveOneOut.summarize(
                    elpd: pointwise.map(\.elpd), lppd: pointwise.map(\.lppd), paretoK: pointwise.map(\.k),
                    sampleCount: LOOFixtureMatrix.draws)
                assertClose(fit.elpd, summary.elpd, rel: 1e-6)
                assertClose(fit.se, summary.se, rel: 1e-6)
                assertClose(fit.p_loo, summary.pLoo, rel: 1e-6)
                assertClose(-2 * fit.elpd, summary.looic, rel: 1e-6)
                assertClose(fit.good_k, summary.kThreshold, rel: 1e-12)
                XCTAssertEqual(summary.paretoK.good + summary.paretoK.bad + summary.paretoK.veryBad, 50)
                XCTAssertEqual(summary.paretoK.good, fit.pareto_k.filter { $0 <= fit.good_k }.count)
                XCTAssertEqual(summary.paretoK.veryBad, fit.pareto_k.filter { $0 > 1 }.count)
                if summary.paretoK.bad > 0 { sawBadK = true }
            }
        }
        XCTAssertTrue(sawBadK, "the fixture should exercise k above the good threshold")
    }

    func testTailLength() {
        XCTAssertEqual(PSIS.tailLength(sampleCount: 4000), 190)
        XCTAssertEqual(PSIS.tailLength(sampleCount: 100), 20)
    }

    /// The bucketed tail equals the tail of a full sort: the (M+1)-th largest as the cutoff
    /// (at least the floor), the values strictly above it ascending; with ties, equal values
    /// and a skewed spread.
    func testTailSelectionEqualsSorting() {
        var generator = SeededGenerator(seed: 12)
        let selection = TailSelection(capacity: 5000)
        defer { selection.deallocate() }
        for trial in 0..<40 {
            let count = [1, 2, 50, 191, 400, 4000][trial % 6]
            var values: [Double] = (0..<count).map { _ in
                let u = RandomVariates.uniformOpen(using: &generator)
                switch trial % 4 {
                case 0: return -30 * u
                case 1: return -Double(Int(10 * u))  // ties
                case 2: return u < 0.99 ? -1000 - u : -u  // most values far below the rest
                default: return -5
                }
            }
            let tailLength = 190
            let floor = trial % 5 == 0 ? -3.0 : -800
            let sorted = values.sorted()
            let wanted = min(tailLength, count - 1) + 1
            let cutoff = max(sorted[count - wanted], floor)
            let expectedTail = sorted.filter { $0 > cutoff }
            let result = values.withUnsafeMutableBufferPointer {
                let r = selection.select($0, tailLength: tailLength, floor: floor)
                return (r.cutoff, Array(r.tail))
            }
            XCTAssertEqual(result.0, cutoff, "trial \(trial)")
            XCTAssertEqual(result.1, expectedTail, "trial \(trial)")
        }
    }

    func testQuickSelectFindsOrderStatistic() {
        var generator = SeededGenerator(seed: 3)
        var values = (0..<1001).map { _ in Double(Int.random(in: 0..<50, using: &generator)) }
        let sorted = values.sorted()
        for k in [0, 17, 500, 999, 1000] {
            var copy = values
            let selected = copy.withUnsafeMutableBufferPointer { QuickSelect.select($0, k: k) }
            XCTAssertEqual(selected, sorted[k])
            XCTAssertTrue(copy[(k + 1)...].allSatisfy { $0 >= selected })
            XCTAssertTrue(copy[..<k].allSatisfy { $0 <= selected })
        }
        values.removeAll()
    }
    /// The fit (products of eight scales at a time, logs once per block, tabulated grid
    /// shapes) equals Zhang–Stephens written out with one log1p per term (ArviZ's `_gpdfit`),
    /// on light, heavy and extreme tails (shape 12: x₍ₙ₎/x₍ₙ/₄₎ beyond 10²⁰, blocks of about ten factors)
    /// and on a tail long enough that its grid is not tabulated.
    func testParetoFitEqualsTheDirectFormula() {
        func direct(_ x: [Double]) -> (k: Double, sigma: Double) {
            let n = x.count
            let m = 30 + Int(Double(n).squareRoot())
            let quarter = x[Int(Double(n) / 4 + 0.5) - 1]
            let b = (1...m).map { j in (1 - (Double(m) / (Double(j) - 0.5)).squareRoot()) / (3 * quarter) + 1 / x[n - 1]
            }
            func meanLog(_ b: Double) -> Double { x.reduce(0) { $0 + log1p(-b * $1) } / Double(n) }
            let logLik = b.map { Double(n) * (log(-$0 / meanLog($0)) - meanLog($0) - 1) }
            let weights = logLik.map { l in 1 / logLik.reduce(0) { $0 + exp($1 - l) } }
            let kept = weights.map { $0 >= 10 * Double.ulpOfOne ? $0 : 0 }
            let total = kept.reduce(0, +)
            let bPosterior = zip(b, kept).reduce(0) { $0 + $1.0 * $1.1 } / total
            let k = meanLog(bPosterior)
            return ((Double(n) * k + 5) / (Double(n) + 10), -k / bPosterior)
        }
        var generator = SeededGenerator(seed: 21)
        for (n, shape) in [(190, 0.0), (190, 0.9), (190, 12.0), (60, 0.5), (30_000, 0.3)] {
            // Generalized Pareto draws σ·((1 − u)^(−ξ) − 1)/ξ, ξ = shape (exponential at 0).
            let x = (0..<n).map { _ -> Double in
                let u = RandomVariates.uniformOpen(using: &generator)
                return shape == 0 ? -log1p(-u) : (pow(1 - u, -shape) - 1) / shape
            }.sorted()
            if shape > 10 { XCTAssertGreaterThan(x[n - 1] / x[n / 4], 1e20) }
            let expected = direct(x)
            let fitted = x.withUnsafeBufferPointer { GeneralizedParetoFit.fit(sorted: $0) }
            assertClose(expected.k, fitted.k, rel: 1e-10, "n \(n), shape \(shape)")
            assertClose(expected.sigma, fitted.sigma, rel: 1e-10, "n \(n), shape \(shape)")
        }
    }

    /// The candidates' threshold is the (a + 1)-th largest sub-sample value; −∞ when the
    /// sub-sample is too small to guess from.
    func testTailGuessIsAnOrderStatistic() {
        let plan = PSIS.TailPlan(sampleCount: 4000)
        var values = (0..<250).map { Double(($0 * 37) % 250) - 250 }
        let sorted = values.sorted()
        for above in [plan.stratifiedAbove, plan.randomAbove] {
            let guess = values.withUnsafeMutableBufferPointer { plan.guess(subsample: $0, above: above) }
            XCTAssertEqual(guess, sorted[250 - above - 1])
            XCTAssertEqual(values.filter { $0 > guess }.count, above)
        }
        var few = [Double](repeating: -1, count: 63)
        XCTAssertEqual(few.withUnsafeMutableBufferPointer { plan.guess(subsample: $0, above: 10) }, -.infinity)
    }
}
