import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The windowed theta quantiles of `CreatorPosterior.creator` equal the type-7 quantiles of
/// all S theta draws, also where the posterior is far from normal (fallback path).
final class CreatorPosteriorTests: XCTestCase {
    func testCreatorQuantilesEqualFullQuantiles() {
        var generator = SeededGenerator(seed: 4)
        let total = 2000
        for shape in 0..<3 {
            // segments of tau nodes; mu draws either Gaussian, or bimodal (fallback likely)
            let segments = [
                CreatorPosterior.Segment(tauSquared: 0.01, start: 0, end: 700),
                CreatorPosterior.Segment(tauSquared: 0.04, start: 700, end: 1500),
                CreatorPosterior.Segment(tauSquared: 0.09, start: 1500, end: total),
            ]
            let mu: [Double] = (0..<total).map { s in
                let base = RandomVariates.normal(mean: 0.3, sd: 0.05, using: &generator)
                return shape == 2 && s % 2 == 0 ? base + 3 : base
            }
            let z = (0..<total).map { _ in RandomVariates.standardNormal(using: &generator) }
            let y = shape == 1 ? 2.0 : 0.5
            let se = 0.2
            let buffers = UnsafeMutableBufferPointer<Double>.allocate(capacity: 4 * total)
            defer { buffers.deallocate() }
            buffers.initialize(repeating: 0)
            let scratch = CreatorPosterior.Scratch(
                ratios: UnsafeMutableBufferPointer(rebasing: buffers[0..<total]),
                lowWindow: UnsafeMutableBufferPointer(rebasing: buffers[total..<(2 * total)]),
                highWindow: UnsafeMutableBufferPointer(rebasing: buffers[(2 * total)..<(3 * total)]),
                other: UnsafeMutableBufferPointer(rebasing: buffers[(3 * total)..<(4 * total)]))
            let result = segments.withUnsafeBufferPointer { segmentBuffer in
                mu.withUnsafeBufferPointer { muBuffer in
                    z.withUnsafeBufferPointer { zBuffer in
                        CreatorPosterior.creator(
                            y: y, se: se, mu: muBuffer, z: zBuffer, segments: segmentBuffer, scratch: scratch,
                            tailLength: PSIS.tailLength(sampleCount: total))
                    }
                }
            }
            var thetas: [Double] = []
            var ll: [Double] = []
            for segment in segments {
                let v = se * se + segment.tauSquared
                for s in segment.start..<segment.end {
                    let shrink = se * se / v
                    thetas.append(y + shrink * (mu[s] - y) + (se * se * segment.tauSquared / v).squareRoot() * z[s])
                    ll.append(-0.5 * log(2 * Double.pi * v) - 0.5 * (y - mu[s]) * (y - mu[s]) / v)
                }
            }
            assertClose(SampleQuantile.type7(thetas, 0.025), result.lower, rel: 1e-13, "shape \(shape)")
            assertClose(SampleQuantile.type7(thetas, 0.975), result.upper, rel: 1e-13, "shape \(shape)")
            let loo = LeaveOneOut.pointwise(logLikelihood: [ll])[0]
            let reference = PSIS.smooth(logRatios: ll.map { -$0 })
            let elpd = LogSumExp.of(zip(reference.logWeights, ll).map { $0 + $1 })
            assertClose(elpd, result.elpd, rel: 1e-10, "shape \(shape)")
            assertClose(loo.elpd, result.elpd, rel: 1e-10)
            assertClose(reference.k, result.k, rel: 1e-10)
        }
    }
}
