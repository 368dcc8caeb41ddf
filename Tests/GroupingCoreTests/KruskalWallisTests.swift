import GroupingCore
import TestSupport
import XCTest

/// `KruskalWallis` against `scipy.stats.kruskal`, and its undefined cases.
final class KruskalWallisTests: XCTestCase {
    func testMatchesScipyOnEveryDataset() {
        for data in Phase13Reference.shared.datasets {
            let kruskal = KruskalWallis.test(values: data.values, codes: data.codes, groupCount: data.labels.count)
            XCTAssertNil(kruskal.reason, data.name)
            assertClose(data.kruskal.h, kruskal.h, rel: 1e-9, "\(data.name) H")
            assertClose(data.kruskal.p, kruskal.p, rel: 1e-9, "\(data.name) p (scipy)")
            assertClose(data.kruskal.p_exact, kruskal.p, rel: 1e-10, "\(data.name) p (60 digits)")
            XCTAssertEqual(kruskal.df, data.kruskal.df, data.name)
        }
        let farTail = Phase13Reference.shared.datasets.first { $0.name == "far_tail_ranks" }!
        XCTAssertLessThan(farTail.kruskal.p, 1e-180)
    }

    /// Groups [1,2,3] and [4,5,6]: rank sums 6 and 15, H = 12/(6·7)·(36/3 + 225/3) − 3·7
    /// = 27/7, no ties; on 1 df, P(χ² > H) = erfc(√(H/2)).
    func testHandComputedWithoutTies() {
        let kruskal = KruskalWallis.test(values: [1, 2, 3, 4, 5, 6], codes: [0, 0, 0, 1, 1, 1], groupCount: 2)
        assertClose(27.0 / 7.0, kruskal.h, rel: 1e-14)
        assertClose(Foundation.erfc((27.0 / 14.0).squareRoot()), kruskal.p, rel: 1e-12)
        XCTAssertEqual(kruskal.df, 1)
    }

    /// Values [1,1,2] vs [2,3]: average ranks 1.5,1.5,3.5 | 3.5,5 → sums 6.5 and 8.5;
    /// H₀ = 12/30·(6.5²/3 + 8.5²/2) − 18 = 2.08333…, ties (2,2) → C = 1 − 12/120 = 0.9,
    /// H = 2.31481…
    func testHandComputedWithTies() {
        let kruskal = KruskalWallis.test(values: [1, 1, 2, 2, 3], codes: [0, 0, 0, 1, 1], groupCount: 2)
        let uncorrected = 12.0 / 30.0 * (6.5 * 6.5 / 3 + 8.5 * 8.5 / 2) - 18
        assertClose(uncorrected / 0.9, kruskal.h, rel: 1e-13)
    }

    func testUndefinedCases() {
        XCTAssertEqual(
            KruskalWallis.test(values: [1, 2, 3], codes: [0, 0, 0], groupCount: 1),
            KruskalJSON(h: nil, p: nil, df: nil, reason: "needs at least two groups"))
        let constant = KruskalWallis.test(values: [4, 4, 4, 4], codes: [0, 1, 0, 1], groupCount: 2)
        XCTAssertNil(constant.h)
        XCTAssertNil(constant.p)
        XCTAssertEqual(constant.reason, "all values are equal (every rank tied)")
        let unlabelledIgnored = KruskalWallis.test(
            values: [1, 2, 3, 4, 5, 6, -100], codes: [0, 0, 0, 1, 1, 1, -1], groupCount: 2)
        assertClose(27.0 / 7.0, unlabelledIgnored.h, rel: 1e-14)
    }
}
