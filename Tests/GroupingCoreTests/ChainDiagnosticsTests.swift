import TestSupport
import XCTest

@testable import GroupingCore

/// R-hat, bulk/tail ESS and HDI against ArviZ 0.23 (fixture made by
/// scripts/fixtures/diagnostics_reference.py), to 1e-6 relative.
final class ChainDiagnosticsTests: XCTestCase {
    struct Case: Decodable {
        let name: String
        let draws: [[Double]]
        let rhat: Double
        let ess_bulk: Double
        let ess_tail: Double
        let hdi95: [Double]
    }
    struct Reference: Decodable { let cases: [Case] }

    func loadReference() throws -> Reference {
        try Fixtures.load(Reference.self, target: "GroupingCoreTests", name: "diagnostics_reference.json")
    }

    func testRhatMatchesArviZ() throws {
        for item in try loadReference().cases {
            assertClose(item.rhat, ChainDiagnostics.rhat(chains: item.draws), rel: 1e-6, item.name)
        }
    }

    func testBulkESSMatchesArviZ() throws {
        for item in try loadReference().cases {
            assertClose(item.ess_bulk, ChainDiagnostics.essBulk(chains: item.draws), rel: 1e-6, item.name)
        }
    }

    func testTailESSMatchesArviZ() throws {
        for item in try loadReference().cases {
            assertClose(item.ess_tail, ChainDiagnostics.essTail(chains: item.draws), rel: 1e-6, item.name)
        }
    }

    func testHDIMatchesArviZ() throws {
        for item in try loadReference().cases {
            let interval = SampleQuantile.hdi(item.draws.flatMap { $0 }, prob: 0.95)
            assertClose(item.hdi95[0], interval.low, rel: 1e-12, item.name)
            assertClose(item.hdi95[1], interval.high, rel: 1e-12, item.name)
        }
    }

    func testShiftedChainIsFlagged() throws {
        let shifted = try XCTUnwrap(try loadReference().cases.first { $0.name == "ar1_shifted_chain" })
        let summary = ChainDiagnostics.summarize([("x", shifted.draws)])
        XCTAssertGreaterThan(summary.rhatMax, 1.01)
        XCTAssertTrue(summary.warnings.contains { $0.contains("R-hat") })
        XCTAssertTrue(summary.warnings.contains { $0.contains("bulk ESS") })
    }

    func testConstantDrawsGiveNoNaN() {
        let constant = [[Double]](repeating: [Double](repeating: 2.5, count: 100), count: 4)
        XCTAssertNil(ChainDiagnostics.rhat(chains: constant))
        XCTAssertEqual(ChainDiagnostics.essBulk(chains: constant), 400)
        let summary = ChainDiagnostics.summarize([("c", constant)])
        XCTAssertFalse(summary.rhatMax.isNaN)
        XCTAssertFalse(summary.essBulkMin.isNaN)
        XCTAssertFalse(summary.essTailMin.isNaN)
    }

    func testNormalQuantileAgainstKnownValues() {
        // scipy.stats.norm.ppf
        assertClose(-1.9599639845400545, NormalQuantile.of(0.025), rel: 1e-14)
        assertClose(0.2533471031357997, NormalQuantile.of(0.6), rel: 1e-13)
        assertClose(-4.753424308822899, NormalQuantile.of(1e-6), rel: 1e-13)
        assertClose(3.090232306167813, NormalQuantile.of(0.999), rel: 1e-13)
        XCTAssertEqual(NormalQuantile.of(0.5), 0)
    }

    func testType7Quantile() {
        // numpy.quantile([1, 2, 4, 8], [0.1, 0.5, 0.975])
        assertClose(1.3, SampleQuantile.type7([4, 1, 8, 2], 0.1), rel: 1e-14)
        assertClose(3.0, SampleQuantile.type7([4, 1, 8, 2], 0.5), rel: 1e-14)
        assertClose(7.7, SampleQuantile.type7([4, 1, 8, 2], 0.975), rel: 1e-14)
    }
}
