import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

/// The large-N node compression: its Gauss rule on known distributions, and the per-creator
/// sums with and without it on data where every (cell, tau) group is compressed.
final class NodeCompressionTests: XCTestCase {
    /// The 3-point rule integrates x⁰…x⁵ exactly against the discrete distribution.
    func testGaussRuleMatchesMomentsToDegreeFive() throws {
        var generator = SeededGenerator(seed: 41)
        let values = (0..<40).map { _ in 0.3 + 0.01 * RandomVariates.standardNormal(using: &generator) }
        let weights = (0..<40).map { _ in RandomVariates.uniformOpen(using: &generator) }
        let variances = values.map { 0.001 + 0.5 * ($0 - 0.3) }
        let rule = try XCTUnwrap(NodeCompression.gaussRule(weights: weights, values: values, variances: variances))
        XCTAssertEqual(rule.nodes.count, 3)
        let total = weights.reduce(0, +)
        let mean = zip(weights, values).map(*).reduce(0, +) / total
        for degree in 0...5 {
            let exact = zip(weights, values).map { $0 * pow($1 - mean, Double(degree)) }.reduce(0, +)
            let ruled = zip(rule.weights, rule.nodes).map { $0 * pow($1 - mean, Double(degree)) }.reduce(0, +)
            XCTAssertEqual(ruled, exact, accuracy: 1e-12 * total * pow(0.01, Double(degree)) * 10, "degree \(degree)")
        }
        // h is linear in x here, so the regression reproduces it at the nodes.
        for (x, h) in zip(rule.nodes, rule.variances) { XCTAssertEqual(h, 0.001 + 0.5 * (x - 0.3), accuracy: 1e-12) }
        // Exactly three distinct values: the rule is the distribution itself.
        let three = try XCTUnwrap(
            NodeCompression.gaussRule(weights: [1, 1, 1, 1], values: [0, 1, 2, 2], variances: [1, 1, 1, 1]))
        for (node, weight) in zip(three.nodes, three.weights) {
            XCTAssertEqual(weight, node > 1.5 ? 2 : 1, accuracy: 1e-12)
            XCTAssertEqual(node, node.rounded(), accuracy: 1e-12)
        }
        // Fewer than four weighted points, or two distinct values: no rule.
        XCTAssertNil(NodeCompression.gaussRule(weights: [1, 1, 1], values: [0, 1, 2], variances: [1, 1, 1]))
        XCTAssertNil(NodeCompression.gaussRule(weights: [1, 1, 1, 1], values: [0, 1, 1, 0], variances: [1, 1, 1, 1]))
    }

    /// The Jacobi eigen-solver reconstructs its matrix: A = V diag(λ) Vᵀ with V orthogonal.
    func testSymmetricEigen3Reconstructs() {
        let a: [[Double]] = [[2, 0.7, 0], [0.7, -1, 0.3], [0, 0.3, 0.5]]
        let (values, vectors) = NodeCompression.symmetricEigen3(a)
        for r in 0..<3 {
            for c in 0..<3 {
                let rebuilt = (0..<3).map { vectors[r][$0] * values[$0] * vectors[c][$0] }.reduce(0, +)
                XCTAssertEqual(rebuilt, a[r][c], accuracy: 1e-14)
                let identity = (0..<3).map { vectors[$0][r] * vectors[$0][c] }.reduce(0, +)
                XCTAssertEqual(identity, r == c ? 1 : 0, accuracy: 1e-14)
            }
        }
    }

    /// 5,000 creators in 5 groups, the one-way model: the sums over the compressed nodes equal
    /// those over all the grid's nodes (elpd and lppd to 1e-7, LOO-PIT to 1e-7, theta's mean
    /// and sd to 1e-9 of the sd, its interval to 1e-6 of the sd).
    func testCompressedSumsEqualFullSums() {
        var generator = SeededGenerator(seed: 42)
        let n = 5000
        let codes = (0..<n).map { _ in Int32(Int(5 * RandomVariates.uniformOpen(using: &generator)) % 5) }
        let ses = (0..<n).map { _ in 0.05 + 0.25 * RandomVariates.uniformOpen(using: &generator) }
        let effects = (0..<n).map { i in
            0.05 * Double(codes[i]) + 0.1 * RandomVariates.standardNormal(using: &generator)
                + ses[i] * RandomVariates.standardNormal(using: &generator)
        }
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "g", codes: codes, labels: ["a", "b", "c", "d", "e"]))
        let context = ModelContext(
            spec: spec, effects: effects, ses: ses, priors: Priors.default(effects: effects, ses: ses))
        let grid = HyperparameterGrid.build(context: context)
        let (_, nodes) = HierarchicalModel.quadratureNodes(context: context, grid: grid)
        let compressedLanes = CreatorQuadrature.lanes(context: context, nodes: nodes, compressAbove: 0)
        XCTAssertLessThan(compressedLanes.widest, nodes.count / 2, "the groups were compressed")
        let full = CreatorQuadrature.compute(context: context, nodes: nodes, compressAbove: .max)
        let compressed = CreatorQuadrature.compute(context: context, nodes: nodes, compressAbove: 0)
        var worst = [Double](repeating: 0, count: 7)
        for i in 0..<n {
            let sd = full.thetaSD[i]
            let differences = [
                abs(full.elpd[i] - compressed.elpd[i]), abs(full.lppd[i] - compressed.lppd[i]),
                abs(full.pit[i] - compressed.pit[i]), abs(full.thetaMean[i] - compressed.thetaMean[i]) / sd,
                abs(full.thetaSD[i] - compressed.thetaSD[i]) / sd,
                abs(full.thetaLower[i] - compressed.thetaLower[i]) / sd,
                abs(full.thetaUpper[i] - compressed.thetaUpper[i]) / sd,
            ]
            for (j, d) in differences.enumerated() { worst[j] = max(worst[j], d) }
        }
        let limits = [1e-7, 1e-7, 1e-7, 1e-9, 1e-9, 1e-6, 1e-6]
        for (j, limit) in limits.enumerated() { XCTAssertLessThan(worst[j], limit, "quantity \(j): \(worst)") }
    }
}
