/// Phases 1 and 3 for one candidate: the group table, the variance decomposition, quality,
/// group sizes, ANOVA, Kruskal–Wallis and eta-squared, as the contract defines them.
public enum CandidateDescription {
    /// - Parameters:
    ///   - grouping: the candidate.
    ///   - outcome: the outcome per analysed row.
    ///   - thresholds: for the quality grade and the small-group count.
    public static func describe(_ grouping: Grouping, outcome: [Double], thresholds: Thresholds) -> CandidateResult {
        var result = CandidateResult(name: grouping.name, kind: grouping.kind.rawValue)
        result.formation = grouping.formation
        result.edges = grouping.edges.map { edges in edges.filter(\.isFinite) }
        let groupCount = grouping.groupCount
        // One pass over the rows gives every moment Phases 1 and 3 need.
        let moments = GroupMoments.compute(values: outcome, codes: grouping.codes, groupCount: groupCount)
        result.groups = GroupTable.compute(moments: moments, labels: grouping.labels)
        result.variance = VarianceDecomposition.compute(moments: moments)
        result.qualityScore = QualityScore.score(result.variance)
        result.quality = QualityScore.grade(
            score: result.qualityScore, poor: thresholds.qualityPoor, good: thresholds.qualityGood)
        result.sizes = GroupSizeSummary.compute(
            counts: result.groups.map(\.count), minGroupSize: thresholds.minGroupSize)
        result.unlabeled = grouping.codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        result.anova = OneWayANOVA.test(moments: moments)
        result.kruskal = KruskalWallis.test(values: outcome, codes: grouping.codes, groupCount: groupCount)
        result.etaSquared = EtaSquared.compute(moments: moments)
        return result
    }
}
