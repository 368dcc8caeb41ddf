import GroupingCore
import TestSupport
import XCTest

/// `OneWayANOVA` against `scipy.stats.f_oneway`, and its undefined cases.
final class OneWayANOVATests: XCTestCase {
    func testMatchesScipyOnEveryDataset() {
        for data in Phase13Reference.shared.datasets {
            let anova = OneWayANOVA.test(values: data.values, codes: data.codes, groupCount: data.labels.count)
            XCTAssertNil(anova.reason, data.name)
            assertClose(data.anova.f, anova.f, rel: 1e-9, "\(data.name) F")
            assertClose(data.anova.p, anova.p, rel: 1e-9, "\(data.name) p (scipy)")
            assertClose(data.anova.p_exact, anova.p, rel: 1e-10, "\(data.name) p (60 digits)")
            XCTAssertEqual(anova.dfBetween, data.anova.df_between, data.name)
            XCTAssertEqual(anova.dfWithin, data.anova.df_within, data.name)
        }
        let farTail = Phase13Reference.shared.datasets.first { $0.name == "far_tail_ranks" }!
        XCTAssertLessThan(farTail.anova.p, 1e-280)
    }

    /// Groups [1,2,3] and [4,5,6]: SSB = 3·(2−3.5)² + 3·(5−3.5)² = 13.5 on 1 df,
    /// SSW = 2 + 2 = 4 on 4 df, F = 13.5 / 1 = 13.5; p = P(F(1,4) > 13.5) = 0.021311641128756727
    /// (t = √13.5 on 4 df, two-sided).
    func testHandComputed() {
        let anova = OneWayANOVA.test(values: [1, 2, 3, 4, 5, 6], codes: [0, 0, 0, 1, 1, 1], groupCount: 2)
        assertClose(13.5, anova.f)
        assertClose(0.021311641128756727, anova.p, rel: 1e-12)
        XCTAssertEqual(anova.dfBetween, 1)
        XCTAssertEqual(anova.dfWithin, 4)
    }

    func testUndefinedCases() {
        let single = OneWayANOVA.test(values: [1, 2, 3], codes: [0, 0, 0], groupCount: 1)
        XCTAssertEqual(
            single, AnovaJSON(f: nil, p: nil, dfBetween: nil, dfWithin: nil, reason: "needs at least two groups"))

        let emptySecond = OneWayANOVA.test(values: [1, 2, 3], codes: [0, 0, 0], groupCount: 2)
        XCTAssertEqual(emptySecond.reason, "needs at least two groups")

        let constant = OneWayANOVA.test(values: [2, 2, 2, 2], codes: [0, 0, 1, 1], groupCount: 2)
        XCTAssertNil(constant.f)
        XCTAssertNil(constant.p)
        XCTAssertEqual(constant.reason, "all values are equal (zero total variance)")

        // scipy: F = inf, p = 0 (ConstantInputWarning).
        let separated = OneWayANOVA.test(values: [1, 1, 1, 5, 5], codes: [0, 0, 0, 1, 1], groupCount: 2)
        XCTAssertNil(separated.f)
        XCTAssertEqual(separated.p, 0.0)
        XCTAssertEqual(separated.reason, "within-group variance is zero")

        let tooFewRows = OneWayANOVA.test(values: [1, 2, 3], codes: [0, 1, 2], groupCount: 3)
        XCTAssertNil(tooFewRows.f)
        XCTAssertEqual(tooFewRows.reason, "fewer rows than groups + 1")

        let unlabelled = OneWayANOVA.test(values: [1, 2], codes: [-1, -1], groupCount: 2)
        XCTAssertEqual(unlabelled.reason, "needs at least two groups")
    }

    func testResultsEncodeWithoutNaN() throws {
        let separated = OneWayANOVA.test(values: [1, 1, 5, 5], codes: [0, 0, 1, 1], groupCount: 2)
        let json = String(decoding: try JSONEncoder().encode(separated), as: UTF8.self)
        XCTAssertTrue(json.contains("\"p\":0"), json)
        XCTAssertFalse(json.lowercased().contains("nan"), json)
    }
}
