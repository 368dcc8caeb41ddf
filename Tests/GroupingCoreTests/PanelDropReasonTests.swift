import GroupingCore
import XCTest

final class PanelDropReasonTests: XCTestCase {
    func testCasesComeInTheOrderTheEstimatorChecksThem() {
        XCTAssertEqual(
            PanelDropReason.allCases,
            [
                .noTreatedPeriodObserved, .noUntreatedPeriod, .disconnected, .tooFewUntreatedPeriods,
                .noTreatedPeriodInWindow, .noEstimatedPeriodEffect,
            ])
        XCTAssertEqual(PanelDropReason.allCases.map(\.rawValue), Array(0..<6))
    }

    func testOrderingFollowsTheCheckOrder() {
        XCTAssertLessThan(PanelDropReason.noTreatedPeriodObserved, .noUntreatedPeriod)
        XCTAssertLessThan(PanelDropReason.disconnected, .noEstimatedPeriodEffect)
        XCTAssertFalse(PanelDropReason.disconnected < .disconnected, "irreflexive")
        XCTAssertFalse(PanelDropReason.noEstimatedPeriodEffect < .noUntreatedPeriod)
        let shuffled: [PanelDropReason] = [.noEstimatedPeriodEffect, .disconnected, .noTreatedPeriodObserved]
        XCTAssertEqual(shuffled.sorted(), [.noTreatedPeriodObserved, .disconnected, .noEstimatedPeriodEffect])
        XCTAssertEqual(PanelDropReason.allCases.sorted(), PanelDropReason.allCases)
    }

    func testDescriptions() {
        XCTAssertEqual(
            PanelDropReason.allCases.map(\.description),
            [
                "no treated period observed", "no untreated period", "no period shared with untreated creators",
                "fewer than 2 untreated periods (no residual variance)", "no treated period in the event window",
                "no treated period with an estimated period effect",
            ])
    }
}
