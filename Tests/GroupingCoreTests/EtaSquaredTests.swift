import GroupingCore
import TestSupport
import XCTest

/// `EtaSquared` against SS_between / SS_total computed with numpy on pandas' groups.
final class EtaSquaredTests: XCTestCase {
    func testMatchesReferenceOnEveryDataset() {
        for data in Phase13Reference.shared.datasets {
            assertClose(
                data.eta_squared,
                EtaSquared.compute(values: data.values, codes: data.codes, groupCount: data.labels.count),
                rel: 1e-9, data.name)
        }
    }

    /// Groups [1,2,3] and [4,5,6]: SSB = 13.5, SST = 17.5.
    func testHandComputed() {
        assertClose(
            13.5 / 17.5, EtaSquared.compute(values: [1, 2, 3, 4, 5, 6], codes: [0, 0, 0, 1, 1, 1], groupCount: 2))
    }

    func testUndefinedCases() {
        XCTAssertNil(EtaSquared.compute(values: [1, 2], codes: [0, 0], groupCount: 1))
        XCTAssertNil(EtaSquared.compute(values: [3, 3, 3], codes: [0, 1, 1], groupCount: 2))
        XCTAssertEqual(EtaSquared.compute(values: [1, 1, 5, 5], codes: [0, 0, 1, 1], groupCount: 2), 1)
    }
}
