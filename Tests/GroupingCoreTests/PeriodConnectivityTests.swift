import TestSupport
import XCTest

@testable import GroupingCore

final class PeriodConnectivityTests: XCTestCase {
    private func connectivity(_ simulated: SimulatedPanel, creators: Int) throws
        -> ImputationEstimator.PeriodConnectivity
    {
        let layout = try ImputationEstimator.PanelLayout(validating: simulated.panel(creators: creators))
        return ImputationEstimator.PeriodConnectivity(layout: layout)
    }

    func testChainedPeriodsFormOneComponent() throws {
        // Creator 0 links periods 1–2, creator 1 links 2–3, creator 2 links 3–4: one component.
        var simulated = SimulatedPanel()
        for i in 0..<3 {
            for t in (i + 1)...(i + 2) { simulated.append(creator: i, period: t, outcome: 0, firstTreated: nil) }
        }
        let c = try connectivity(simulated, creators: 3)
        XCTAssertEqual(c.periodInFit, [true, true, true, true])
        XCTAssertEqual(c.creatorInFit, [true, true, true])
        XCTAssertEqual(c.untreatedCount, [2, 2, 2])
        XCTAssertEqual(c.fitObservations, 6)
    }

    func testLargestComponentWinsAndTreatedPeriodsDoNotLink() throws {
        var simulated = SimulatedPanel()
        // Component {1, 2}: two creators, 4 untreated observations.
        for i in 0..<2 { for t in 1...2 { simulated.append(creator: i, period: t, outcome: 0, firstTreated: nil) } }
        // Creator 2: untreated in 3 and 4, treated from 5.
        for t in 3...5 { simulated.append(creator: 2, period: t, outcome: 0, firstTreated: 5) }
        // Component {3, 4} has 2 untreated observations; period 5 has none.
        let c = try connectivity(simulated, creators: 3)
        XCTAssertEqual(c.periodInFit, [true, true, false, false, false])
        XCTAssertEqual(c.creatorInFit, [true, true, false])
        XCTAssertEqual(c.untreatedCount, [2, 2, 2])
        XCTAssertEqual(c.fitObservations, 4)
    }

    func testTieGoesToTheEarliestPeriod() throws {
        var simulated = SimulatedPanel()
        for t in 3...4 { simulated.append(creator: 0, period: t, outcome: 0, firstTreated: nil) }
        for t in 1...2 { simulated.append(creator: 1, period: t, outcome: 0, firstTreated: nil) }
        let c = try connectivity(simulated, creators: 2)
        XCTAssertEqual(c.periodInFit, [true, true, false, false])
        XCTAssertEqual(c.creatorInFit, [false, true])
    }
}
