import Foundation
import TestSupport
import XCTest

@testable import GroupingCore

final class CellStatisticsTests: XCTestCase {
    /// Raw per-cell means of y (what the model passes as centres).
    private func centers(_ y: [Double], _ layout: CellLayout) -> [Double] {
        var sum = [Double](repeating: 0, count: layout.cellCount)
        var count = [Double](repeating: 0, count: layout.cellCount)
        for (value, cell) in zip(y, layout.cellOf) {
            sum[Int(cell)] += value
            count[Int(cell)] += 1
        }
        return zip(sum, count).map { $1 > 0 ? $0 / $1 : 0 }
    }

    func testOneCellByHand() {
        // y = (1, 3), se² = (1, 3), tau = 1: v = (2, 4), W = 1/2 + 1/4 = 3/4,
        // ŷ = (1/2 + 3/4)/(3/4) = 5/3, R = (1 − 5/3)²/2 + (3 − 5/3)²/4 = 2/9 + 4/9 = 2/3,
        // constant = −½ (log 2 + log 4) − ½ · 2/3 = −½ log 8 − 1/3.
        let layout = CellLayout(spec: .ungrouped(), count: 2)
        let y = [1.0, 3.0]
        let stats = CellStatistics(
            tau: 1, effects: y, seSquared: [1, 3], layout: layout, centers: centers(y, layout))
        XCTAssertEqual(stats.tau, 1)
        assertClose([0.75], stats.precision, rel: 1e-15)
        assertClose([5.0 / 3], stats.mean, rel: 1e-15)
        assertClose(-0.5 * log(8.0) - 1.0 / 3, stats.constant, rel: 1e-14)
    }

    func testTheCentresDoNotChangeTheResult() {
        // The centres only keep R_c free of cancellation: any centre gives the same numbers.
        let layout = CellLayout(spec: .ungrouped(), count: 3)
        let y = [1e6 + 0.1, 1e6 - 0.2, 1e6 + 0.4]
        let se2 = [0.04, 0.09, 0.01]
        let exact = CellStatistics(tau: 0.1, effects: y, seSquared: se2, layout: layout, centers: centers(y, layout))
        let shifted = CellStatistics(tau: 0.1, effects: y, seSquared: se2, layout: layout, centers: [1e6 + 0.05])
        assertClose(exact.mean, shifted.mean, rel: 1e-14)
        assertClose(exact.constant, shifted.constant, rel: 1e-9)
        // R by the definition with the exact mean, in deviations from 1e6 (no cancellation).
        let v = se2.map { $0 + 0.01 }
        let w = v.map { 1 / $0 }.reduce(0, +)
        let d = y.map { $0 - 1e6 }
        let mean = zip(d, v).map { $0 / $1 }.reduce(0, +) / w
        let r = zip(d, v).map { ($0 - mean) * ($0 - mean) / $1 }.reduce(0, +)
        assertClose(-0.5 * v.map(log).reduce(0, +) - 0.5 * r, exact.constant, rel: 1e-12)
        assertClose(1e6 + mean, exact.mean[0], rel: 1e-15)
    }

    func testCellsOfAOneWayLayout() {
        // Cell 0: y = 2 with v = 1 (se² 0.75, tau² 0.25); cell 1: y = (0, 4) with v = (1, 3);
        // cell 2: empty. W = (1, 4/3, 0), ŷ = (2, (0 + 4/3)/(4/3) = 1, 0),
        // R = (0, (0−1)²/1 + (4−1)²/3 = 4, 0), constant = −½ (log 1 + log 1 + log 3) − ½ · 4.
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "g", codes: [1, 0, 1], labels: ["a", "b", "c"]))
        let layout = CellLayout(spec: spec, count: 3)
        let y = [0.0, 2.0, 4.0]
        let stats = CellStatistics(
            tau: 0.5, effects: y, seSquared: [0.75, 0.75, 2.75], layout: layout, centers: centers(y, layout))
        assertClose([1, 4.0 / 3, 0], stats.precision, rel: 1e-15)
        assertClose([2, 1, 0], stats.mean, rel: 1e-15, abs: 1e-15)
        assertClose(-0.5 * log(3.0) - 2, stats.constant, rel: 1e-14)
    }

    func testTauZeroUsesTheStandardErrorsAlone() {
        let layout = CellLayout(spec: .ungrouped(), count: 2)
        let stats = CellStatistics(tau: 0, effects: [1, 2], seSquared: [1, 1], layout: layout, centers: [1.5])
        assertClose([2], stats.precision, rel: 1e-15)
        assertClose([1.5], stats.mean, rel: 1e-15)
        assertClose(-0.5 * 0.5, stats.constant, rel: 1e-15, "R = ¼ + ¼, log v = 0")
    }

    func testInterpolationEndsAndMidpoint() {
        let layout = CellLayout(
            spec: .oneWay(ModelSpec.Factor(name: "g", codes: [0, 1, 1], labels: ["a", "b"])), count: 3)
        let y = [0.5, -1.0, 2.0]
        let se2 = [0.2, 0.3, 0.5]
        let a = CellStatistics(tau: 0.1, effects: y, seSquared: se2, layout: layout, centers: centers(y, layout))
        let b = CellStatistics(tau: 1.0, effects: y, seSquared: se2, layout: layout, centers: centers(y, layout))

        let atA = CellStatistics.interpolate(a, b, weight: 0, tau: 0.1)
        assertClose(a.precision, atA.precision, rel: 1e-15)
        assertClose(a.mean, atA.mean, rel: 1e-15)
        assertClose(a.constant, atA.constant, rel: 1e-15)
        let atB = CellStatistics.interpolate(a, b, weight: 1, tau: 1.0)
        assertClose(b.precision, atB.precision, rel: 1e-15)
        assertClose(b.mean, atB.mean, rel: 1e-14)
        assertClose(b.constant, atB.constant, rel: 1e-15)

        let middle = CellStatistics.interpolate(a, b, weight: 0.5, tau: 0.3)
        XCTAssertEqual(middle.tau, 0.3)
        for c in 0..<2 {
            let w = (a.precision[c] + b.precision[c]) / 2
            assertClose(w, middle.precision[c], rel: 1e-15)
            // W·ŷ is interpolated, not ŷ: the mean is precision-weighted.
            assertClose(
                (a.precision[c] * a.mean[c] + b.precision[c] * b.mean[c]) / 2 / w, middle.mean[c], rel: 1e-14)
        }
        assertClose((a.constant + b.constant) / 2, middle.constant, rel: 1e-15)
    }

    func testInterpolationOfAnEmptyCellKeepsMeanZero() {
        let layout = CellLayout(
            spec: .oneWay(ModelSpec.Factor(name: "g", codes: [0, 0], labels: ["a", "b"])), count: 2)
        let a = CellStatistics(tau: 0.1, effects: [1, 2], seSquared: [1, 1], layout: layout, centers: [1.5, 0])
        let b = CellStatistics(tau: 2, effects: [1, 2], seSquared: [1, 1], layout: layout, centers: [1.5, 0])
        let middle = CellStatistics.interpolate(a, b, weight: 0.25, tau: 0.5)
        XCTAssertEqual(middle.precision[1], 0)
        XCTAssertEqual(middle.mean[1], 0)
    }
}
