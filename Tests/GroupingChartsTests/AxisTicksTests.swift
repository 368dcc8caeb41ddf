import GroupingCharts
import XCTest

final class AxisTicksTests: XCTestCase {
    /// A tick is round when it is an integer multiple of its step and the step is 1, 2 or
    /// 5 times a power of ten.
    private func assertRoundAndCovering(
        _ minimum: Double, _ maximum: Double, file: StaticString = #filePath, line: UInt = #line
    ) {
        let ticks = AxisTicks(minimum: minimum, maximum: maximum)
        XCTAssert([1, 2, 5].contains(ticks.step.mantissa), "step \(ticks.step)", file: file, line: line)
        XCTAssertLessThanOrEqual(ticks.values.first!, minimum, file: file, line: line)
        XCTAssertGreaterThanOrEqual(ticks.values.last!, maximum, file: file, line: line)
        XCTAssert((3...12).contains(ticks.values.count), "\(ticks.values)", file: file, line: line)
        for value in ticks.values {
            let multiple = value / ticks.step.value
            XCTAssertEqual(multiple, multiple.rounded(), accuracy: 1e-9, "\(value)", file: file, line: line)
            // The decimal text is short: no 0.30000000000000004.
            XCTAssertLessThanOrEqual("\(value)".count, 12, "\(value)", file: file, line: line)
        }
    }

    func testRoundTicksCoverData() {
        assertRoundAndCovering(-0.37, 0.82)
        assertRoundAndCovering(0, 1)
        assertRoundAndCovering(1_234, 98_765)
        assertRoundAndCovering(-8.5e-7, 3.3e-6)
        assertRoundAndCovering(-1e6, -2e3)
        assertRoundAndCovering(0.1, 0.3)
        assertRoundAndCovering(2, 10)
    }

    func testHeckbertExample() {
        // Heckbert's loose labelling of 0.1...0.93 with 5 ticks: step 0.2, 0 … 1.
        let ticks = AxisTicks(minimum: 0.1, maximum: 0.93, targetCount: 5)
        XCTAssertEqual(ticks.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    func testSingleValueOpensAWindow() {
        let ticks = AxisTicks(minimum: 5, maximum: 5)
        XCTAssertLessThan(ticks.lower, 5)
        XCTAssertGreaterThan(ticks.upper, 5)
        let zero = AxisTicks(minimum: 0, maximum: 0)
        XCTAssertLessThan(zero.lower, 0)
        XCTAssertGreaterThan(zero.upper, 0)
    }

    func testCompactLabels() {
        XCTAssertEqual(
            TickFormatter.labels(for: AxisTicks(minimum: 0, maximum: 0.2, targetCount: 5)),
            ["0", "0.05", "0.10", "0.15", "0.20"])
        XCTAssertEqual(TickFormatter.labels(for: AxisTicks(minimum: -5, maximum: 0, targetCount: 6)).first, "-5")
        XCTAssertEqual(
            TickFormatter.labels(for: AxisTicks(minimum: 0, maximum: 40_000, targetCount: 5)),
            ["0", "10k", "20k", "30k", "40k"])
        XCTAssertEqual(TickFormatter.labels(for: AxisTicks(minimum: 0, maximum: 3.4e6, targetCount: 5)).last, "4M")
        XCTAssertEqual(
            TickFormatter.labels(for: AxisTicks(minimum: 0, maximum: 3e-6, targetCount: 4)),
            ["0", "1e-6", "2e-6", "3e-6"])
        XCTAssertEqual(TickFormatter.format(-2.5, step: NiceStep(near: 0.5, round: true), largest: 5), "-2.5")
        XCTAssertEqual(TickFormatter.scientific(2.5e-6, exponentHint: -7), "2.5e-6")
        XCTAssertEqual(TickFormatter.value(1234), "1.23k")
        XCTAssertEqual(TickFormatter.value(3_400_000), "3.4M")
        XCTAssertEqual(TickFormatter.count(1_234_567), "1,234,567")
    }

    func testLogAndSymlogScales() {
        let log = ValueScale.make(.automatic, minimum: 1e-3, maximum: 1e3, centralLow: 0.03, centralHigh: 40)
        XCTAssertEqual(log.kind, .log)
        XCTAssertLessThanOrEqual(log.lower, 1e-3)
        XCTAssertGreaterThanOrEqual(log.upper, 1e3)
        XCTAssertEqual(log.tickLabels.first, "0.001")
        XCTAssertEqual(log.tickLabels.last, "1k")
        let symlog = ValueScale.make(.automatic, minimum: -0.6, maximum: 2e6, centralLow: -0.15, centralHigh: 0.15)
        guard case .symlog = symlog.kind else { return XCTFail("expected symlog, got \(symlog.kind)") }
        XCTAssertTrue(symlog.ticks.contains(0))
        XCTAssertLessThanOrEqual(symlog.lower, -0.6)
        XCTAssertGreaterThanOrEqual(symlog.upper, 2e6)
        XCTAssertLessThan(symlog.fraction(-0.6), symlog.fraction(0))
        XCTAssertEqual(
            ValueScale.make(.automatic, minimum: -0.4, maximum: 0.9, centralLow: -0.1, centralHigh: 0.3).kind, .linear)
    }
}
