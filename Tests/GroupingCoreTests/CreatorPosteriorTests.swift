import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// `CreatorPass` against the direct computation over all S draws: the windowed theta
/// quantiles equal the type-7 quantiles of the S theta draws (also where the posterior is far
/// from normal and the fallback runs), and PSIS-LOO equals `PSIS.smooth` / `LeaveOneOut` on the
/// explicit log-likelihood row.
final class CreatorPosteriorTests: XCTestCase {
    func testCreatorPassEqualsTheDirectComputation() {
        var generator = SeededGenerator(seed: 4)
        let runSizes = [700, 801, 499, 3]
        let tauSquared = [0.01, 0.04, 0.09, 0.2]
        let total = runSizes.reduce(0, +)
        for shape in 0..<4 {
            for withSeries in [true, false] {
                // mu draws Gaussian, or bimodal (fallback likely), or with one far outlier.
                let mu: [Double] = (0..<total).map { s in
                    let base = RandomVariates.normal(mean: 0.3, sd: 0.05, using: &generator)
                    if shape == 2 && s % 2 == 0 { return base + 3 }
                    if shape == 3 && s == 17 { return base + 40 }
                    return base
                }
                let layout = CreatorDrawLayout(
                    tauSquared: tauSquared, runSizes: runSizes, muGroup: [mu], seed: 5, seriesGroups: [withSeries])
                let y = shape == 1 ? 2.0 : 0.5
                let se = 0.2
                let offset = layout.offset(creator: 0)  // the data below holds one creator, index 0
                let data = HierarchicalModelData(effects: [y], ses: [se], codes: [0], groupCount: 1)
                let output = CreatorPosterior.compute(data: data, layout: layout)

                // Direct: every draw in layout order, with the normals the pass reads.
                var thetas: [Double] = []
                var ll: [Double] = []
                var means: [Double] = []
                var variances: [Double] = []
                for run in layout.runs {
                    let v = se * se + run.tauSquared
                    let shrink = se * se / v
                    for p in run.start..<run.end {
                        let m = layout.muGroup[p]
                        means.append(y + shrink * (m - y))
                        variances.append(se * se * run.tauSquared / v)
                        thetas.append(
                            y + shrink * (m - y) + (se * se * run.tauSquared / v).squareRoot()
                                * layout.normals[offset + p])
                        ll.append(-0.5 * log(2 * Double.pi * v) - 0.5 * (y - m) * (y - m) / v)
                    }
                }
                XCTAssertEqual(thetas.count, total)
                let mean = means.reduce(0, +) / Double(total)
                let second = zip(means, variances).reduce(0) { $0 + $1.0 * $1.0 + $1.1 } / Double(total)
                assertClose(mean, output.thetaMean[0], rel: 1e-12, "shape \(shape)")
                assertClose((second - mean * mean).squareRoot(), output.thetaSD[0], rel: 1e-8, "shape \(shape)")
                assertClose(SampleQuantile.type7(thetas, 0.025), output.thetaLower[0], rel: 1e-13, "shape \(shape)")
                assertClose(SampleQuantile.type7(thetas, 0.975), output.thetaUpper[0], rel: 1e-13, "shape \(shape)")
                let loo = LeaveOneOut.pointwise(logLikelihood: [ll])[0]
                let reference = PSIS.smooth(logRatios: ll.map { -$0 })
                let elpd = LogSumExp.of(zip(reference.logWeights, ll).map { $0 + $1 })
                assertClose(elpd, output.elpd[0], rel: 1e-10, "shape \(shape)")
                assertClose(loo.elpd, output.elpd[0], rel: 1e-10, "shape \(shape)")
                assertClose(loo.lppd, output.lppd[0], rel: 1e-10, "shape \(shape)")
                assertClose(reference.k, output.paretoK[0], rel: 1e-10, "shape \(shape)")
            }
        }
    }

    /// The series sums of a run equal the sums over its draws, for short and long series;
    /// nil when the series would be too long.
    func testExponentialSumsEqualTheDirectSums() throws {
        var generator = SeededGenerator(seed: 9)
        let t = (0..<301).map { _ in 2 * RandomVariates.uniformOpen(using: &generator) - 1 }
        var sums = [Double](repeating: 0, count: CreatorDrawLayout.seriesOrder + 1)
        for value in t {
            var power = 1.0
            for q in sums.indices {
                sums[q] += power
                power *= value
            }
        }
        let scratch = CreatorPass.Scratch(
            layout: CreatorDrawLayout(tauSquared: [1], runSizes: [4], muGroup: [[0, 1, 2, 3]], seed: 1))
        defer { scratch.deallocate() }
        for (a, b) in [(0.0, 0.0), (0.05, 0.01), (-0.3, 0.2), (0.5, 0.2), (-1.0, 0.05)] {
            let plus = t.reduce(0) { $0 + exp(a * $1 + b * $1 * $1) }
            let minus = t.reduce(0) { $0 + exp(-(a * $1 + b * $1 * $1)) }
            let series = try XCTUnwrap(
                sums.withUnsafeBufferPointer {
                    CreatorPass.exponentialSums(
                        a: a, b: b, powerSums: $0.baseAddress!, scratch: scratch.series,
                        reciprocals: UnsafeBufferPointer(scratch.reciprocals))
                }, "a \(a) b \(b)")
            assertClose(plus, series.plus, rel: 1e-14, "a \(a) b \(b)")
            assertClose(minus, series.minus, rel: 1e-14, "a \(a) b \(b)")
        }
        let tooLong = sums.withUnsafeBufferPointer {
            CreatorPass.exponentialSums(
                a: 6, b: 2, powerSums: $0.baseAddress!, scratch: scratch.series,
                reciprocals: UnsafeBufferPointer(scratch.reciprocals))
        }
        XCTAssertNil(tooLong)
    }
}
