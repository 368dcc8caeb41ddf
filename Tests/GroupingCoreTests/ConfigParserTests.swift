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

    // MARK: Issue 16: ranges, seeds, one-line YAML errors

    static let minimal = "data: {creators: c.csv, ites: i.csv}\ncandidates: [genre]\n"

    func testThresholdsOutOfRangeAreRefusedByKey() {
        assertKeyError(
            Self.minimal + "thresholds: {anova_p: -1}", key: "thresholds.anova_p", contains: "[0, 1], not -1")
        assertKeyError(Self.minimal + "thresholds: {coverage: 5}", key: "thresholds.coverage", contains: "not 5")
        assertKeyError(Self.minimal + "thresholds: {shrinkage_corr: -2}", key: "thresholds.shrinkage_corr")
        assertKeyError(Self.minimal + "thresholds: {quality_good: 120}", key: "thresholds.quality_good")
        assertKeyError(Self.minimal + "thresholds: {looic_tie: 5, looic_strong: 4}", key: "thresholds.looic_tie")
    }

    func testSizesHaveUpperBounds() {
        assertKeyError(Self.minimal + "model: {draws: 1000000000}", key: "model.draws", contains: "at most 100,000")
        assertKeyError(Self.minimal + "model: {chains: 65}", key: "model.chains")
        assertKeyError(
            Self.minimal + "model: {chains: 64, draws: 100000}", key: "model.draws", contains: "chains × draws")
        assertKeyError(
            "data: {creators: c.csv}\ncandidates: [{quantiles: arpu, bins: 1000000000}]\n", key: "candidates[0].bins")
        assertKeyError(
            "data: {creators: c.csv}\nclustering: {features: [a], k_range: [2, 1000]}\n", key: "clustering.k_range[1]")
    }

    func testPriorScalesAndPanelSettingsAreRangeChecked() {
        assertKeyError(Self.minimal + "model: {priors: {tau_scale: 1e-300}}", key: "model.priors.tau_scale")
        assertKeyError(Self.minimal + "model: {priors: {mu_sd: 1e300}}", key: "model.priors.mu_sd")
        let panel = "data: {creators: c.csv, panel: {file: p.csv, PANEL}}\ncandidates: [genre]\n"
        assertKeyError(
            panel.replacingOccurrences(of: "PANEL", with: "se_multiplier: 1e308"), key: "data.panel.se_multiplier")
        assertKeyError(
            panel.replacingOccurrences(of: "PANEL", with: "window: [-2, 3]"), key: "data.panel.window",
            contains: "starts before it")
    }

    func testSeedsUpTo2To64Minus1AreAccepted() throws {
        XCTAssertEqual(try parse(Self.minimal + "model: {seed: 9223372036854775808}").model.seed, 1 << 63)
        XCTAssertEqual(try parse(Self.minimal + "model: {seed: 18446744073709551615}").model.seed, .max)
        assertKeyError(Self.minimal + "model: {seed: 18446744073709551616}", key: "model.seed")
        assertKeyError(Self.minimal + "model: {seed: -1}", key: "model.seed")
    }

    func assertOneLineYAMLError(
        _ yaml: String, contains parts: [String], file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertThrowsError(try parse(yaml), file: file, line: line) { error in
            let text = (error as? InputError)?.description ?? "\(error)"
            XCTAssertTrue(MessageText.keepsTheRules(text), text, file: file, line: line)
            XCTAssertFalse(text.contains("\n"), text, file: file, line: line)
            for part in parts { XCTAssertTrue(text.contains(part), text, file: file, line: line) }
        }
    }

    func testYAMLErrorsGiveLineColumnReasonAndTheLineCut() {
        assertOneLineYAMLError(
            "data:\n  creators: c.csv\n candidates: [genre]\n",
            contains: [
                "config.yml: line 3, column 2", "did not find expected key", #"the line: " candidates: [genre]""#,
            ])
        let duplicate = Self.minimal + "data: {creators: d.csv}\n" + String(repeating: "# padding\n", count: 40)
        assertOneLineYAMLError(duplicate, contains: ["`data` is given twice"])
        assertOneLineYAMLError(
            "title: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            contains: ["line 1", "…"])
    }
}
