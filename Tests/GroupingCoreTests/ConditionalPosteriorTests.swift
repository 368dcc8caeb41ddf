import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The conditional posterior against the normal-normal model written out densely: with
/// y = mu·1 + Z_A a + Z_B b + theta + e, every term Gaussian and independent,
///
///     y ~ N(0, Σ),  Σ = diag(se² + tau²) + σ_mu² 11ᵀ + σ_A² Z_A Z_Aᵀ + σ_B² Z_B Z_Bᵀ,
///     E[x | y] = Cov(x, y) Σ⁻¹ y,  Var[x | y] = Var x − Cov(x, y) Σ⁻¹ Cov(y, x)
///
/// for any linear combination x of (mu, a, b) (Gelman et al., BDA3 §3.5 and §A.1). The
/// dense solve here is a separate, textbook Cholesky on n × n, not the model's reduction.
final class ConditionalPosteriorTests: XCTestCase {
    // MARK: A small dense Gaussian

    /// Σ = L Lᵀ of a symmetric positive-definite matrix (row-major).
    private struct DenseGaussian {
        let n: Int
        var lower: [Double]

        init(covariance a: [Double], n: Int) {
            self.n = n
            lower = [Double](repeating: 0, count: n * n)
            for j in 0..<n {
                var d = a[j * n + j]
                for k in 0..<j { d -= lower[j * n + k] * lower[j * n + k] }
                lower[j * n + j] = d.squareRoot()
                for i in (j + 1)..<max(j + 1, n) {
                    var s = a[i * n + j]
                    for k in 0..<j { s -= lower[i * n + k] * lower[j * n + k] }
                    lower[i * n + j] = s / lower[j * n + j]
                }
            }
        }

        /// Σ⁻¹ b.
        func solve(_ b: [Double]) -> [Double] {
            var z = b
            for i in 0..<n {
                for k in 0..<i { z[i] -= lower[i * n + k] * z[k] }
                z[i] /= lower[i * n + i]
            }
            for i in stride(from: n - 1, through: 0, by: -1) {
                for k in (i + 1)..<max(i + 1, n) { z[i] -= lower[k * n + i] * z[k] }
                z[i] /= lower[i * n + i]
            }
            return z
        }

        /// log N(y | 0, Σ).
        func logDensity(_ y: [Double]) -> Double {
            let logDet = (0..<n).map { 2 * log(lower[$0 * n + $0]) }.reduce(0, +)
            let quadratic = zip(y, solve(y)).map { $0 * $1 }.reduce(0, +)
            return -0.5 * Double(n) * log(2 * Double.pi) - 0.5 * logDet - 0.5 * quadratic
        }
    }

    private static func dot(_ a: [Double], _ b: [Double]) -> Double { zip(a, b).map { $0 * $1 }.reduce(0, +) }

    /// A small additive data set: A with 3 levels (eliminated), B with 2 (kept).
    private struct Data {
        var y: [Double] = [0.8, -0.3, 1.6, 0.2, 2.4, 0.9, -1.1, 1.3]
        var se: [Double] = [0.5, 0.8, 0.3, 1.0, 0.6, 0.4, 0.9, 0.7]
        var a: [Int32] = [0, 0, 1, 1, 2, 2, 0, 2]
        var b: [Int32] = [0, 1, 0, 1, 0, 1, 0, 0]
        var n: Int { y.count }
    }

    private let tau = 0.4
    private let muSD = 2.0
    private let sigmaA = 0.7
    private let sigmaB = 1.3

    private func fit(_ spec: ModelSpec, _ data: Data) -> (CellStatistics, CellLayout, ConditionalPosterior) {
        let layout = CellLayout(spec: spec, count: data.n)
        var sum = [Double](repeating: 0, count: layout.cellCount)
        var count = [Double](repeating: 0, count: layout.cellCount)
        for i in 0..<data.n {
            sum[Int(layout.cellOf[i])] += data.y[i]
            count[Int(layout.cellOf[i])] += 1
        }
        let centers = zip(sum, count).map { $1 > 0 ? $0 / $1 : 0 }
        let stats = CellStatistics(
            tau: tau, effects: data.y, seSquared: data.se.map { $0 * $0 }, layout: layout, centers: centers)
        let posterior = ConditionalPosterior(
            statistics: stats, layout: layout, sigmaRow: sigmaA, sigmaColumn: sigmaB, muSD: muSD)
        return (stats, layout, posterior)
    }

    /// The dense model: Σ, and Cov(x, y) for x = mu + [a_j] + [b_k] (nil: left out).
    private func dense(_ data: Data, useA: Bool, useB: Bool) -> (DenseGaussian, (Int?, Int?, Bool) -> [Double]) {
        let n = data.n
        var sigma = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var value = muSD * muSD
                if useA && data.a[i] == data.a[j] { value += sigmaA * sigmaA }
                if useB && data.b[i] == data.b[j] { value += sigmaB * sigmaB }
                if i == j { value += data.se[i] * data.se[i] + tau * tau }
                sigma[i * n + j] = value
            }
        }
        let covariance = { (row: Int?, column: Int?, withMu: Bool) -> [Double] in
            (0..<n).map { i in
                var value = withMu ? self.muSD * self.muSD : 0
                if let row, data.a[i] == Int32(row) { value += self.sigmaA * self.sigmaA }
                if let column, data.b[i] == Int32(column) { value += self.sigmaB * self.sigmaB }
                return value
            }
        }
        return (DenseGaussian(covariance: sigma, n: n), covariance)
    }

    private func posterior(
        of c: [Double], prior variance: Double, gaussian: DenseGaussian, y: [Double]
    ) -> (mean: Double, variance: Double) {
        let s = gaussian.solve(c)
        return (Self.dot(s, y), variance - Self.dot(c, s))
    }

    // MARK: Tests

    func testUngroupedIsTheConjugateNormalPosterior() {
        // mu ~ N(0, σ²), ŷ | mu ~ N(mu, 1/W): precision 1/σ² + W, mean W ŷ / (1/σ² + W).
        var data = Data()
        data.y = [1, 3]
        data.se = [1, 3.0.squareRoot()]
        let (stats, _, post) = fit(.ungrouped(), data)
        // v = se² + 0.16 = (1.16, 3.16).
        let w = 1 / 1.16 + 1 / 3.16
        let yhat = (1 / 1.16 + 3 / 3.16) / w
        let precision = 1 / (muSD * muSD) + w
        assertClose(w, stats.precision[0], rel: 1e-14)
        assertClose(w * yhat / precision, post.denseMean[0], rel: 1e-13)
        assertClose(1 / precision, post.denseCovariance[0], rel: 1e-13)
        assertClose([w * yhat / precision], post.cellMean, rel: 1e-13)
        assertClose([1 / precision], post.cellVariance, rel: 1e-13)
        XCTAssertEqual(post.rowMean, [])
        // Marginal: y ~ N(0, diag(v) + σ² 11ᵀ); the 2π terms are the constant left out.
        let (gaussian, _) = dense(data, useA: false, useB: false)
        assertClose(gaussian.logDensity(data.y) + log(2 * Double.pi), post.logLikelihood, rel: 1e-12)
    }

    func testOneWayAgainstTheDenseModel() {
        let data = Data()
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "a", codes: data.a, labels: ["x", "y", "z"]))
        let (_, layout, post) = fit(spec, data)
        let (gaussian, covariance) = dense(data, useA: true, useB: false)
        assertClose(
            gaussian.logDensity(data.y) + Double(data.n) / 2 * log(2 * Double.pi), post.logLikelihood, rel: 1e-12)
        let mu = posterior(of: covariance(nil, nil, true), prior: muSD * muSD, gaussian: gaussian, y: data.y)
        assertClose(mu.mean, post.denseMean[0], rel: 1e-11)
        assertClose(mu.variance, post.denseCovariance[0], rel: 1e-11)
        for j in 0..<3 {
            let a = posterior(of: covariance(j, nil, false), prior: sigmaA * sigmaA, gaussian: gaussian, y: data.y)
            assertClose(a.mean, post.rowMean[j], rel: 1e-11, abs: 1e-13, "a_\(j)")
            assertClose(a.variance, post.rowVariance[j], rel: 1e-11, "a_\(j)")
            let c = layout.cellOf.firstIndex(of: Int32(j)).map { Int(layout.cellOf[$0]) }!
            let eta = posterior(
                of: covariance(j, nil, true), prior: muSD * muSD + sigmaA * sigmaA, gaussian: gaussian, y: data.y)
            assertClose(eta.mean, post.cellMean[c], rel: 1e-11, "eta_\(j)")
            assertClose(eta.variance, post.cellVariance[c], rel: 1e-11, "eta_\(j)")
        }
    }

    func testAdditiveAgainstTheDenseModel() {
        let data = Data()
        let spec = ModelSpec.additive(
            ModelSpec.Factor(name: "a", codes: data.a, labels: ["x", "y", "z"]),
            ModelSpec.Factor(name: "b", codes: data.b, labels: ["p", "q"]))
        let (_, layout, post) = fit(spec, data)
        XCTAssertEqual(layout.eliminated, 0, "a has more levels: its scale is sigmaRow")
        let (gaussian, covariance) = dense(data, useA: true, useB: true)
        assertClose(
            gaussian.logDensity(data.y) + Double(data.n) / 2 * log(2 * Double.pi), post.logLikelihood, rel: 1e-12)
        let mu = posterior(of: covariance(nil, nil, true), prior: muSD * muSD, gaussian: gaussian, y: data.y)
        assertClose(mu.mean, post.denseMean[0], rel: 1e-11)
        assertClose(mu.variance, post.denseCovariance[0], rel: 1e-11)
        for k in 0..<2 {
            let b = posterior(of: covariance(nil, k, false), prior: sigmaB * sigmaB, gaussian: gaussian, y: data.y)
            assertClose(b.mean, post.denseMean[1 + k], rel: 1e-11, abs: 1e-13, "b_\(k)")
            assertClose(b.variance, post.denseCovariance[(1 + k) * 3 + 1 + k], rel: 1e-11, "b_\(k)")
        }
        for j in 0..<3 {
            let a = posterior(of: covariance(j, nil, false), prior: sigmaA * sigmaA, gaussian: gaussian, y: data.y)
            assertClose(a.mean, post.rowMean[j], rel: 1e-11, abs: 1e-13, "a_\(j)")
            assertClose(a.variance, post.rowVariance[j], rel: 1e-11, "a_\(j)")
        }
        for c in 0..<layout.cellCount {
            let j = Int(layout.cellRow[c])
            let k = Int(layout.cellColumn[c])
            let prior = muSD * muSD + sigmaA * sigmaA + sigmaB * sigmaB
            let eta = posterior(of: covariance(j, k, true), prior: prior, gaussian: gaussian, y: data.y)
            assertClose(eta.mean, post.cellMean[c], rel: 1e-11, "cell (\(j), \(k))")
            assertClose(eta.variance, post.cellVariance[c], rel: 1e-11, "cell (\(j), \(k))")
        }
    }

    func testLogLikelihoodDifferencesAcrossTauMatchTheMarginal() {
        // What the grid over tau uses: differences, in which the dropped constant cancels.
        let data = Data()
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "a", codes: data.a, labels: ["x", "y", "z"]))
        let layout = CellLayout(spec: spec, count: data.n)
        func logLikelihood(_ tau: Double) -> Double {
            let stats = CellStatistics(
                tau: tau, effects: data.y, seSquared: data.se.map { $0 * $0 }, layout: layout,
                centers: [0, 0, 0])
            return ConditionalPosterior(
                statistics: stats, layout: layout, sigmaRow: sigmaA, sigmaColumn: 1, muSD: muSD
            ).logLikelihood
        }
        func marginal(_ tau: Double) -> Double {
            let n = data.n
            var sigma = [Double](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in 0..<n {
                    sigma[i * n + j] =
                        muSD * muSD + (data.a[i] == data.a[j] ? sigmaA * sigmaA : 0)
                        + (i == j ? data.se[i] * data.se[i] + tau * tau : 0)
                }
            }
            return DenseGaussian(covariance: sigma, n: n).logDensity(data.y)
        }
        assertClose(marginal(1.5) - marginal(0.05), logLikelihood(1.5) - logLikelihood(0.05), rel: 1e-10)
    }

    func testDrawsHaveThePosteriorMeanAndVariance() {
        let data = Data()
        let spec = ModelSpec.additive(
            ModelSpec.Factor(name: "a", codes: data.a, labels: ["x", "y", "z"]),
            ModelSpec.Factor(name: "b", codes: data.b, labels: ["p", "q"]))
        let (stats, layout, post) = fit(spec, data)
        var generator = SeededGenerator(seed: 99)
        let count = 20_000
        var sums = [Double](repeating: 0, count: layout.cellCount)
        var squares = [Double](repeating: 0, count: layout.cellCount)
        for _ in 0..<count {
            let draw = post.draw(statistics: stats, layout: layout, using: &generator)
            XCTAssertEqual(draw.rowEffects.count, 3)
            XCTAssertEqual(draw.columnEffects.count, 2)
            for c in 0..<layout.cellCount {
                let eta =
                    draw.mu + draw.rowEffects[Int(layout.cellRow[c])] + draw.columnEffects[Int(layout.cellColumn[c])]
                sums[c] += eta
                squares[c] += eta * eta
            }
        }
        for c in 0..<layout.cellCount {
            let mean = sums[c] / Double(count)
            let variance = squares[c] / Double(count) - mean * mean
            // Monte Carlo: the mean within 4 standard errors, the variance within 5%
            // (its relative sd is √(2/20000) = 1%).
            let standardError = (post.cellVariance[c] / Double(count)).squareRoot()
            XCTAssertEqual(mean, post.cellMean[c], accuracy: 4 * standardError, "cell \(c)")
            assertClose(post.cellVariance[c], variance, rel: 0.05, "cell \(c)")
        }
    }
}
