import GroupingCore
import XCTest

final class ConfigParserTests: XCTestCase {
    func parse(_ yaml: String) throws -> AnalysisConfig {
        try ConfigParser.parse(yaml, fileName: "config.yml")
    }

    func assertKeyError(
        _ yaml: String, key: String, contains text: String = "", file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try parse(yaml), file: file, line: line) { error in
            guard let e = error as? InputError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(e.key, key, e.description, file: file, line: line)
            XCTAssertEqual(e.file, "config.yml", file: file, line: line)
            if !text.isEmpty { XCTAssertTrue(e.description.contains(text), e.description, file: file, line: line) }
        }
    }

    func testTheContractExampleParses() throws {
        let config = try parse(
            """
            title: "Creator revenue boost, Q4 rollout"
            data:
              creators: creators.csv
              id: creator_id
              ites: ites.csv
              truth: truth.csv
            outcome:
              pre: revenue_pre
              post: revenue_post
            candidates:
              - genre
              - {name: size_quartile, quantiles: follower_count, bins: 4}
              - {name: audience_size_tier, column: follower_count,
                 edges: [0, 10000, 100000, 1000000], labels: [Micro, Mid, Macro, Mega]}
              - {name: arpu_quintile, quantiles: arpu, bins: 5}
              - {name: genre_x_arpu, cross: [genre, arpu_quintile]}
            clustering:
              features: [avg_revenue_pre, avg_views_pre, follower_count]
              k: auto
              k_range: [2, 10]
            thresholds: {}
            model: {chains: 4, draws: 1000, warmup: 1000, seed: 42}
            review:
              domain_validated: "Product team, 2026-11-20"
              interpretable: [genre, size_quartile]
              monitoring: "Quarterly; next 2027-02-15"
            """)
        XCTAssertEqual(config.title, "Creator revenue boost, Q4 rollout")
        XCTAssertEqual(config.data.ites, "ites.csv")
        XCTAssertEqual(config.outcome, .lift(pre: "revenue_pre", post: "revenue_post"))
        XCTAssertEqual(
            config.candidates.map(\.name),
            ["genre", "size_quartile", "audience_size_tier", "arpu_quintile", "genre_x_arpu"])
        XCTAssertEqual(config.candidates[1].rule, .quantiles(column: "follower_count", bins: 4))
        // Four labels for four edges: the last bin is open above (Mega = 1M+).
        XCTAssertEqual(
            config.candidates[2].rule,
            .bins(
                column: "follower_count", edges: [0, 10000, 100000, 1_000_000, .infinity],
                labels: ["Micro", "Mid", "Macro", "Mega"]))
        XCTAssertEqual(config.candidates[4].rule, .cross(members: ["genre", "arpu_quintile"]))
        XCTAssertEqual(config.clustering?.k, .auto)
        XCTAssertEqual(config.clustering?.kRange, 2...10)
        XCTAssertEqual(config.model.seed, 42)
        XCTAssertEqual(config.thresholds, Thresholds())
        XCTAssertEqual(config.review.interpretable ?? [], ["genre", "size_quartile"])
    }

    func testDefaults() throws {
        let config = try parse("data: {creators: c.csv, ites: i.csv}\ncandidates: [genre]\n")
        XCTAssertEqual(config.data.id, "creator_id")
        XCTAssertEqual(config.outcome, .effectHat)
        XCTAssertEqual(config.model.chains, 4)
        XCTAssertEqual(config.model.draws, 1000)
        XCTAssertEqual(config.thresholds.minGroupSize, 15)
        XCTAssertEqual(config.thresholds.coverage, 0.93)
        XCTAssertNil(config.review.domainValidated)
    }

    func testMisspelledCandidateKeyNamesItsPath() {
        assertKeyError(
            "data: {creators: c.csv}\ncandidates:\n  - genre\n  - arpu\n  - {name: q, quantile: arpu, bins: 4}\n",
            key: "candidates[2].quantile", contains: "did you mean `quantiles`")
    }

    func testUnknownTopLevelAndNestedKeys() {
        assertKeyError("data: {creators: c.csv}\ncandidates: [g]\ncolour: red\n", key: "colour")
        assertKeyError("data: {creators: c.csv, itse: i.csv}\ncandidates: [g]\n", key: "data.itse", contains: "ites")
        assertKeyError("data: {creators: c.csv}\ncandidates: [g]\nthresholds: {anova: 0.1}\n", key: "thresholds.anova")
        assertKeyError("data: {creators: c.csv}\ncandidates: [g]\nmodel: {priors: {mu: 1}}\n", key: "model.priors.mu")
    }

    func testWrongTypesAndRanges() {
        assertKeyError(
            "data: {creators: c.csv}\ncandidates: [{name: q, quantiles: a, bins: many}]\n", key: "candidates[0].bins")
        assertKeyError(
            "data: {creators: c.csv}\ncandidates: [{name: q, quantiles: a, bins: 1}]\n", key: "candidates[0].bins")
        assertKeyError(
            "data: {creators: c.csv}\ncandidates: [{name: t, column: a, edges: [0, 5, 5]}]\n",
            key: "candidates[0].edges")
        assertKeyError(
            "data: {creators: c.csv}\ncandidates: [{name: t, column: a, edges: [0, 5, 9], labels: [a]}]\n",
            key: "candidates[0].labels")
        assertKeyError("data: {creators: c.csv}\ncandidates: [g]\nmodel: {chains: 0}\n", key: "model.chains")
        assertKeyError(
            "data: {creators: c.csv}\ncandidates: [g]\nclustering: {features: [a], k_range: [5, 2]}\n",
            key: "clustering.k_range")
        assertKeyError("data: {creators: c.csv}\ncandidates: [g]\nreport: {paper: A3}\n", key: "report.paper")
    }

    func testRequiredKeysAndDuplicates() {
        assertKeyError("candidates: [g]\n", key: "data")
        assertKeyError("data: {ites: i.csv}\ncandidates: [g]\n", key: "data.creators")
        assertKeyError("data: {creators: c.csv}\ncandidates: [g, g]\n", key: "candidates[1]", contains: "already used")
        assertKeyError("data: {creators: c.csv}\n", key: "candidates")
    }

    func testClusteringAndPanel() throws {
        let config = try parse(
            """
            data:
              creators: c.csv
              panel: {file: p.csv, outcome: log_revenue, window: [0, 3], se_multiplier: 2.5}
            outcome: {column: lift}
            candidates: [genre]
            clustering: {features: [a, b], k: 4}
            """)
        XCTAssertEqual(config.data.panel?.outcome, "log_revenue")
        XCTAssertEqual(config.data.panel?.window, 0...3)
        XCTAssertEqual(config.data.panel?.seMultiplier, 2.5)
        XCTAssertEqual(config.data.panel?.period, "period")
        XCTAssertEqual(config.clustering?.k, .fixed(4))
        XCTAssertEqual(config.outcome, .column("lift"))
    }

    func testInvalidYAMLIsAnError() {
        XCTAssertThrowsError(try parse("data: [unclosed\n"))
        XCTAssertThrowsError(try parse(""))
    }
}
