import GroupingCore
import TestSupport
import XCTest

/// Compares `SpecialFunctions` with 60-digit values from
/// `scripts/fixtures/special_functions_reference.py` (scipy's values are stored beside them).
final class SpecialFunctionsTests: XCTestCase {
    struct Reference: Decodable {
        struct FCase: Decodable { let f, dfn, dfd, scipy, exact, rel: Double }
        struct ChiCase: Decodable { let x, df, scipy, exact, rel: Double }
        struct BetaCase: Decodable {
            let a, b, x, lower, upper: Double
            let rel_lower, rel_upper: Double
        }
        struct GammaCase: Decodable {
            let a, x, p, q: Double
            let rel_p, rel_q: Double
        }
        struct LogGammaCase: Decodable { let x, exact, scipy: Double }
        let f_sf: [FCase]
        let chi2_sf: [ChiCase]
        let beta: [BetaCase]
        let gamma: [GammaCase]
        let log_gamma: [LogGammaCase]
    }

    static let reference: Reference = try! Fixtures.load(
        Reference.self, target: "GroupingCoreTests", name: "special_functions.json")

    func testFSurvivalMatchesReferenceDownTo1e300() {
        let cases = Self.reference.f_sf
        XCTAssertGreaterThan(cases.count, 500)
        XCTAssertTrue(cases.contains { $0.exact < 1e-290 && $0.dfd == 1_000_000 })
        var worst = 0.0
        for c in cases {
            let p = SpecialFunctions.fSurvival(f: c.f, dfn: c.dfn, dfd: c.dfd)
            assertClose(c.exact, p, rel: c.rel, "F sf(\(c.f); \(c.dfn), \(c.dfd))")
            worst = max(worst, abs(p - c.exact) / c.exact)
        }
        print("F survival: worst relative error \(worst)")
    }

    func testChiSquareSurvivalMatchesReferenceDownTo1e300() {
        let cases = Self.reference.chi2_sf
        XCTAssertTrue(cases.contains { $0.exact < 1e-290 })
        XCTAssertTrue(cases.contains { $0.x == 1500 })
        var worst = 0.0
        for c in cases {
            let p = SpecialFunctions.chiSquareSurvival(x: c.x, df: c.df)
            assertClose(c.exact, p, rel: c.rel, "chi2 sf(\(c.x); \(c.df))")
            worst = max(worst, abs(p - c.exact) / c.exact)
        }
        print("chi-square survival: worst relative error \(worst)")
    }

    func testIncompleteBetaAndComplement() {
        for c in Self.reference.beta {
            assertClose(
                c.lower, SpecialFunctions.regularizedIncompleteBeta(x: c.x, a: c.a, b: c.b),
                rel: c.rel_lower, "I_\(c.x)(\(c.a), \(c.b))")
            assertClose(
                c.upper,
                SpecialFunctions.regularizedIncompleteBetaComplement(x: c.x, a: c.a, b: c.b),
                rel: c.rel_upper, "1 - I_\(c.x)(\(c.a), \(c.b))")
        }
    }

    func testIncompleteGammaPAndQ() {
        for c in Self.reference.gamma {
            assertClose(c.p, SpecialFunctions.regularizedGammaP(a: c.a, x: c.x), rel: c.rel_p, "P(\(c.a), \(c.x))")
            assertClose(c.q, SpecialFunctions.regularizedGammaQ(a: c.a, x: c.x), rel: c.rel_q, "Q(\(c.a), \(c.x))")
        }
    }

    func testLogGamma() {
        for c in Self.reference.log_gamma {
            assertClose(c.exact, SpecialFunctions.logGamma(c.x), rel: 1e-13, abs: 1e-15, "lnΓ(\(c.x))")
        }
    }

    /// Closed forms: F(2, d) has P(F > f) = (1 + 2f/d)^(−d/2); χ²(2) has P(X > x) = e^(−x/2).
    func testClosedForms() {
        for f in [0.1, 1.0, 3.5, 40.0] {
            for d in [1.0, 7.0, 300.0] {
                assertClose(
                    Foundation.pow(1 + 2 * f / d, -d / 2), SpecialFunctions.fSurvival(f: f, dfn: 2, dfd: d), rel: 1e-13)
            }
        }
        for x in [0.01, 1.0, 10.0, 600.0, 1300.0] {
            assertClose(Foundation.exp(-x / 2), SpecialFunctions.chiSquareSurvival(x: x, df: 2), rel: 1e-13)
        }
    }

    func testSpecialValues() {
        XCTAssertEqual(SpecialFunctions.fSurvival(f: 0, dfn: 3, dfd: 10), 1)
        XCTAssertEqual(SpecialFunctions.fSurvival(f: -1, dfn: 3, dfd: 10), 1)
        XCTAssertEqual(SpecialFunctions.fSurvival(f: .infinity, dfn: 3, dfd: 10), 0)
        XCTAssertTrue(SpecialFunctions.fSurvival(f: .nan, dfn: 3, dfd: 10).isNaN)
        XCTAssertTrue(SpecialFunctions.fSurvival(f: 1, dfn: 0, dfd: 10).isNaN)
        XCTAssertEqual(SpecialFunctions.chiSquareSurvival(x: 0, df: 4), 1)
        XCTAssertEqual(SpecialFunctions.chiSquareSurvival(x: .infinity, df: 4), 0)
        XCTAssertTrue(SpecialFunctions.chiSquareSurvival(x: 1, df: -1).isNaN)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x: 0, a: 2, b: 3), 0)
        XCTAssertEqual(SpecialFunctions.regularizedIncompleteBeta(x: 1, a: 2, b: 3), 1)
        XCTAssertEqual(SpecialFunctions.regularizedGammaP(a: 2, x: 0), 0)
        XCTAssertEqual(SpecialFunctions.regularizedGammaQ(a: 2, x: 0), 1)
    }

    /// Beyond 1e-300 a tail may underflow to 0 but never becomes a wrong positive number or
    /// NaN: far past the double range the functions return 0.
    func testFarBeyondTheRangeUnderflowsToZero() {
        XCTAssertEqual(SpecialFunctions.chiSquareSurvival(x: 5000, df: 3), 0)
        XCTAssertEqual(SpecialFunctions.fSurvival(f: 1e6, dfn: 10, dfd: 1_000_000), 0)
        XCTAssertEqual(SpecialFunctions.fSurvival(f: 1e300, dfn: 4, dfd: 495), 0)
    }
}
