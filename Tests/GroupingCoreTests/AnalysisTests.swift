import TestSupport
import XCTest

@testable import GroupingCore

/// `Analysis.effectHatAssociation`, the association behind the double-dipping pitfall:
/// |Spearman| of a numeric candidate's source column with effect_hat, η² of effect_hat by a
/// categorical candidate's groups (only with fewer groups than half the rows), nothing for
/// crosses. Eight creators, effect_hat = 0.1, 0.2, …, 0.8 for a…h, so the ranks of
/// effect_hat are 1…8 and every value below is worked out by hand.
final class AnalysisTests: XCTestCase {
    let creators = """
        creator_id,score,reversed,shuffled,paired,partial,genre,alt,solo
        a,1,80,8,2,8,X,X,a
        b,2,70,1,1,,X,Y,b
        c,3,60,7,4,6,X,X,c
        d,4,50,2,3,5,X,Y,d
        e,5,40,6,6,4,Y,X,e
        f,6,30,3,5,3,Y,Y,f
        g,7,20,5,8,2,Y,X,g
        h,8,10,4,7,1,Y,Y,h

        """
    let ites = """
        creator_id,effect_hat,se
        a,0.1,0.05
        b,0.2,0.05
        c,0.3,0.05
        d,0.4,0.05
        e,0.5,0.05
        f,0.6,0.05
        g,0.7,0.05
        h,0.8,0.05

        """
    let config = """
        data: {creators: creators.csv, ites: ites.csv}
        candidates:
          - {name: score_q, quantiles: score, bins: 2}
          - {name: reversed_q, quantiles: reversed, bins: 2}
          - {name: shuffled_q, quantiles: shuffled, bins: 2}
          - {name: paired_q, quantiles: paired, bins: 2}
          - {name: partial_q, quantiles: partial, bins: 2}
          - genre
          - alt
          - solo
          - {name: genre_x_alt, cross: [genre, alt]}

        """

    func association() throws -> (config: AnalysisConfig, values: [String: Double]) {
        let config = try ConfigParser.parse(config, fileName: "config.yml")
        let frame = try AnalysisFrame(
            creators: try CSVTable(bytes: Array(creators.utf8), fileName: "creators.csv"), idColumn: "creator_id",
            ites: try ITETable(
                table: try CSVTable(bytes: Array(ites.utf8), fileName: "ites.csv"), idColumn: "creator_id"),
            truth: nil, outcome: .effectHat)
        XCTAssertEqual(frame.rowCount, 8)
        let (groupings, _) = try CandidateBuilder.build(
            config.candidates, frame: frame, cluster: nil, minGroupSize: config.thresholds.minGroupSize)
        return (config, try Analysis.effectHatAssociation(config: config, frame: frame, groupings: groupings))
    }

    /// Present: columns that are (almost) functions of effect_hat.
    func testAssociationPresent() throws {
        let values = try association().values
        // score = 1…8 has the ranks of effect_hat: rho = 1.
        assertClose(1, values["score_q"], rel: 1e-14)
        // reversed = 80…10 reverses them: rho = −1, reported as |rho| = 1.
        assertClose(1, values["reversed_q"], rel: 1e-14)
        // partial = 8, –, 6, 5, 4, 3, 2, 1: the missing value's pair (b) is dropped and the
        // other seven pairs are strictly decreasing: |rho| = 1.
        assertClose(1, values["partial_q"], rel: 1e-14)
        // paired = 2,1,4,3,6,5,8,7: every rank off by one, Σd² = 8,
        // rho = 1 − 6·8/(8·(64 − 1)) = 1 − 48/504 = 19/21 ≈ 0.905 (> 0.9).
        assertClose(19.0 / 21, values["paired_q"], rel: 1e-14)
    }

    /// Absent, or weak: an unrelated column, and categorical groupings, by η² = SS_between/SS_total.
    func testAssociationAbsentOrWeak() throws {
        let values = try association().values
        // shuffled = 8,1,7,2,6,3,5,4: d = −7,1,−4,2,−1,3,2,4, Σd² = 100,
        // rho = 1 − 600/504 = −4/21, |rho| = 4/21 ≈ 0.190.
        assertClose(4.0 / 21, values["shuffled_q"], rel: 1e-14)
        // SS_total = Σ(e − 0.45)² = 2·(0.35² + 0.25² + 0.15² + 0.05²) = 0.42.
        // genre: X = a…d (mean 0.25), Y = e…h (mean 0.65): SS_between = 8·0.2² = 0.32,
        // η² = 0.32/0.42 = 16/21 ≈ 0.762 (strong, but below 0.9).
        assertClose(16.0 / 21, values["genre"], rel: 1e-12)
        // alt: X = a,c,e,g (mean 0.4), Y = b,d,f,h (mean 0.5): SS_between = 8·0.05² = 0.02,
        // η² = 0.02/0.42 = 1/21 ≈ 0.048.
        assertClose(1.0 / 21, values["alt"], rel: 1e-12)
        // solo: one group per creator, 8 groups, not fewer than 8/2: no association (its η² of 1
        // says nothing). Crosses get none either.
        XCTAssertNil(values["solo"])
        XCTAssertNil(values["genre_x_alt"])
        XCTAssertEqual(values.count, 7)
    }

    /// The associations as the pitfall detector reads them: double-dipping for the four
    /// columns above 0.9, not for the others.
    func testAssociationDrivesTheDoubleDippingPitfall() throws {
        let (config, values) = try association()
        let candidates = config.candidates.map { CandidateResult(name: $0.name, kind: "quantiles") }
        let flagged = PitfallDetector.detect(
            candidates: candidates, crossed: [], recommendation: nil, effectHatAssociation: values,
            thresholds: config.thresholds
        ).filter { $0.key == "double_dipping" }.compactMap(\.candidate)
        XCTAssertEqual(flagged, ["score_q", "reversed_q", "paired_q", "partial_q"])
    }

    /// Without ITEs there is nothing to associate with.
    func testNoAssociationWithoutEffectHat() throws {
        let config = try ConfigParser.parse(config, fileName: "config.yml")
        let frame = try AnalysisFrame(
            creators: try CSVTable(bytes: Array(creators.utf8), fileName: "creators.csv"), idColumn: "creator_id",
            ites: nil, truth: nil, outcome: .column("score"))
        XCTAssertEqual(try Analysis.effectHatAssociation(config: config, frame: frame, groupings: []), [:])
    }
}
