import Foundation
import GroupingCore

@testable import GroupingReport

/// A realistic run's results for rendering tests: four candidates (one skipped by the model),
/// the model fitted for three, clustering, a crossed candidate, checklist, recommendation and
/// pitfalls, with labels that need escaping (`<b>&"'`).
enum SampleResults {
    static let trickyLabel = #"<b>&"'"#

    static func full() -> Results {
        var results = Results()
        results.title = #"Creator revenue boost, Q4 rollout <b>&"'"#
        results.tool.seed = 42
        results.input.creators = 1_240
        results.input.ites = 1_200
        results.input.matched = 1_187
        results.input.dropped = [
            DropCount(reason: "no ITE", count: 40), DropCount(reason: "revenue_pre is 0", count: 13),
        ]
        results.input.files = [
            InputFile(
                role: "creators", path: "data/creators.csv", sha256: String(repeating: "a1b2c3d4", count: 8),
                rows: 1_240),
            InputFile(
                role: "ites", path: "data/ites.csv", sha256: String(repeating: "0f9e8d7c", count: 8), rows: 1_200),
        ]
        results.outcome.kind = "lift"
        results.outcome.description = "(revenue_post - revenue_pre) / revenue_pre"
        results.model = ModelSettingsEcho(
            chains: 4, draws: 1000, warmup: 1000, seed: 42, sampler: "adaptive-grid exact sampler",
            priors: ["mu": "Normal(0, 5 s)", "sigma_group": "HalfNormal(s)", "tau": "HalfNormal(s)"])

        let genre = candidate(
            name: "genre", kind: "categorical", formation: "column genre",
            labels: ["Education", "Entertainment", "Gaming", "Lifestyle", trickyLabel],
            means: [0.12, 0.05, 0.31, 0.08, 0.02], quality: 46.2, grade: "good", p: 3.2e-12, eta: 0.27, fitted: true)
        let size = candidate(
            name: "size_quartile", kind: "quantiles", formation: "pandas qcut of follower_count into 4 bins",
            labels: ["Q1", "Q2", "Q3", "Q4"], means: [0.09, 0.11, 0.13, 0.15], quality: 23.4, grade: "moderate",
            p: 0.0032, eta: 0.08, fitted: true)
        var cluster = candidate(
            name: "data_driven_cluster", kind: "cluster", formation: "k-means on 3 standardised features, k = 4",
            labels: ["C1", "C2", "C3", "C4"], means: [0.1, 0.12, 0.11, 0.1], quality: 4.1, grade: "poor", p: 0.41,
            eta: 0.01,
            fitted: true)
        cluster.hbm?.coverage = nil
        var crossed = candidate(
            name: "genre_x_arpu", kind: "cross", formation: "genre × arpu_quintile",
            labels: (1...25).map { "G\($0 / 5)_Q\($0 % 5 + 1)" }, means: (0..<25).map { Double($0) / 100 },
            quality: 51.0, grade: "good", p: 0, eta: 0.33, fitted: false)
        crossed.sizes = GroupSizes(min: 3, median: 47, max: 120, belowMin: 6)
        crossed.hbm = HBMResult(skipped: "smallest group has 3 creators (< 5)")
        var sizeWithEdges = size
        sizeWithEdges.edges = [1_200, 15_000, 88_000, 410_000, 12_500_000]
        results.candidates = [genre, sizeWithEdges, cluster, crossed]
        results.crossedCells = [
            CrossedCells(
                name: "genre_x_arpu", members: ["genre", "arpu_quintile"], cells: 25, minCell: 3, emptyCombinations: 0,
                belowMin: 6)
        ]

        var clustering = ClusteringResult(
            features: ["avg_revenue_pre", "avg_views_pre", "follower_count"],
            inertias: (2...10).map { KInertia(k: $0, inertia: 3600 / Double($0) + 80) }, chosenK: 4, rule: "kneedle")
        clustering.method = "exact Lloyd on all rows, best of 10 k-means++ starts"
        clustering.imputed = [FeatureImputation(feature: "avg_views_pre", missing: 12, median: 15_320)]
        clustering.profiles = (1...4).map {
            ClusterProfile(
                label: "C\($0)", size: 300 - $0 * 10,
                means: [Double($0) * 1_234.5, Double($0) * 20_000, Double($0) * 51_000])
        }
        results.clustering = clustering

        results.comparison = [
            ComparisonRow(
                name: "genre", rank: 1, elpdLoo: -812.4, looic: 1_624.8, elpdDiff: 0, dLooic: 0, se: 31.2, dse: 0,
                weight: 0.82),
            ComparisonRow(
                name: "size_quartile", rank: 2, elpdLoo: -818.9, looic: 1_637.8, elpdDiff: 6.5, dLooic: 13.0, se: 30.9,
                dse: 3.1, weight: 0.18),
            ComparisonRow(
                name: "data_driven_cluster", rank: 3, elpdLoo: -825.0, looic: 1_650.0, elpdDiff: 12.6, dLooic: 25.2,
                se: 30.1, dse: 4.4, weight: 0),
        ]
        results.checklist = Checklist(
            grouping: "genre",
            items: [
                ChecklistItem(key: "domain", status: "pass", detail: "Product team, 2026-11-20"),
                ChecklistItem(key: "significance", status: "pass", detail: "ANOVA p = 3.2e-12"),
                ChecklistItem(key: "effect_size", status: "pass", detail: "η² = 0.27"),
                ChecklistItem(key: "group_sizes", status: "pass", detail: "smallest group has 118 creators"),
                ChecklistItem(key: "loo", status: "pass", detail: "best by LOO-IC"),
                ChecklistItem(key: "separation", status: "pass", detail: "ratio 2.4"),
                ChecklistItem(key: "shrinkage", status: "pass", detail: "corr(precision, shrinkage) = -0.52"),
                ChecklistItem(key: "coverage", status: "fail", detail: "HBM coverage 91.2% < 93%"),
                ChecklistItem(key: "interpretability", status: "pass", detail: "listed under review.interpretable"),
                ChecklistItem(
                    key: "monitoring", status: "review", detail: "no monitoring plan in the config \(trickyLabel)"),
            ])
        results.recommendation = Recommendation(
            decision: .useHbm, grouping: "genre",
            reasons: [
                "genre is best by LOO-IC, 13.0 points ahead of size_quartile (strong evidence)",
                "quality score 46.2% (good), ANOVA p = 3.2e-12, η² = 0.27",
                "coverage 91.2% is below 93%: check the ITE standard errors \(trickyLabel)",
            ])
        results.pitfalls = [
            Pitfall(
                key: "small_crossed_cells", candidate: "genre_x_arpu",
                detail: "6 of 25 cells have fewer than 15 creators; merge cells or use main effects."),
            Pitfall(
                key: "cluster_chosen", candidate: "data_driven_cluster",
                detail: "Clusters are hard to explain to stakeholders."),
        ]
        results.warnings = ["13 creators with revenue_pre = 0 were left out of the lift."]
        return results
    }

    /// The same run without ITEs: no model, no comparison, model-dependent items not assessed.
    static func explorationOnly() -> Results {
        var results = full()
        results.input.ites = nil
        for index in results.candidates.indices { results.candidates[index].hbm = nil }
        results.comparison = []
        results.model = nil
        results.checklist = Checklist(
            grouping: "genre",
            items: results.checklist!.items.map { item in
                ["loo", "separation", "shrinkage", "coverage"].contains(item.key)
                    ? ChecklistItem(key: item.key, status: "not_assessed", detail: "needs ITEs") : item
            })
        results.recommendation = Recommendation(
            decision: .revise, grouping: "genre", reasons: ["No ITEs: Phases 4 and 5 could not run."])
        return results
    }

    static func candidate(
        name: String, kind: String, formation: String, labels: [String], means: [Double], quality: Double,
        grade: String,
        p: Double, eta: Double, fitted: Bool
    ) -> CandidateResult {
        var result = CandidateResult(name: name, kind: kind)
        result.formation = formation
        result.groups = zip(labels, means).enumerated().map { index, pair in
            GroupStatistics(
                label: pair.0, count: 118 + index * 37, mean: pair.1,
                std: index == 2 ? nil : 0.0812 + Double(index) / 100,
                min: pair.1 - 0.4, max: pair.1 + 0.45)
        }
        result.variance = VarianceResult(total: 0.01234, between: 0.01234 * quality / 100, within: 0.0071)
        result.qualityScore = quality
        result.quality = grade
        result.sizes = GroupSizes(min: 118, median: 192, max: 118 + (labels.count - 1) * 37, belowMin: 0)
        result.anova = AnovaJSON(f: 42.7, p: p, dfBetween: labels.count - 1, dfWithin: 1_182, reason: nil)
        result.kruskal = KruskalJSON(h: 120.3, p: p * 3, df: labels.count - 1, reason: nil)
        result.etaSquared = eta
        if fitted {
            var hbm = HBMResult(skipped: nil)
            hbm.groups = zip(labels, means).map {
                PosteriorGroup(label: $0, count: 150, mean: $1, sd: 0.021, hdiLow: $1 - 0.041, hdiHigh: $1 + 0.04)
            }
            hbm.mu = MeanSD(mean: 0.11, sd: 0.03)
            hbm.tau = MeanSD(mean: 0.052, sd: 0.004)
            hbm.sigmaGroup = MeanSD(mean: 0.094, sd: 0.031)
            hbm.diagnostics = ConvergenceDiagnostics(rhatMax: 1.0031, essBulkMin: 1_523.4, essTailMin: 1_720.2)
            hbm.loo = LOOSummary(
                elpd: -812.4, se: 31.2, pLoo: 7.9, looic: 1_624.8, kMax: 0.41, kThreshold: 0.7,
                paretoK: ParetoKCounts(good: 1_187, bad: 0, veryBad: 0))
            hbm.separation = SeparationResult(betweenSd: 0.098, avgWithinSd: 0.021, ratio: 4.67, label: "strong")
            hbm.shrinkage = ShrinkageResult(median: 0.031, medianPct: 18.4, corrPrecision: -0.52)
            hbm.coverage = CoverageResult(
                hbm: 0.912, raw: 0.948, hbmMeanWidth: 0.21, rawMeanWidth: 0.34, creators: 1_187)
            result.hbm = hbm
        }
        return result
    }
}
