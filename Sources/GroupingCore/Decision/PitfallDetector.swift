import GroupingNumerics
/// Flags the playbook's common pitfalls where the data shows them.
///
/// - `too_many_small_groups` (Pitfall 2): a candidate whose smallest group is below
///   `min_group_size_hbm`, or with at least a quarter of its groups (and at least two)
///   below `min_group_size`.
/// - `small_crossed_cells` (Strategy 3): a cross whose smallest cell is below `min_group_size`.
/// - `cluster_chosen` (Pitfall 3): the recommended grouping comes from k-means clusters,
///   which stakeholders find hard to explain.
/// - `double_dipping` (Pitfall 1): a candidate that looks like selection on the ITEs
///   themselves: built from a column whose rank correlation with effect_hat is above 0.9
///   in absolute value, or a grouping that explains over 90% of effect_hat's variance.
public enum PitfallDetector {
    /// Rank correlation with effect_hat above which a candidate column looks derived from it.
    public static let derivedCorrelation = 0.9

    /// - Parameters:
    ///   - candidates: every candidate's results.
    ///   - crossed: the crossed-cell tables.
    ///   - recommendation: the decision.
    ///   - effectHatAssociation: per candidate name, the strongest association of its source
    ///     column(s) with effect_hat: |Spearman| for numeric columns, the share of effect_hat's
    ///     variance between groups for categorical ones (nil without ITEs).
    public static func detect(
        candidates: [CandidateResult], crossed: [CrossedCells], recommendation: Recommendation?,
        effectHatAssociation: [String: Double], thresholds t: Thresholds
    ) -> [Pitfall] {
        var pitfalls: [Pitfall] = []
        for c in candidates {
            let groups = c.groups.count
            if c.sizes.min < t.minGroupSizeHbm || (c.sizes.belowMin >= 2 && 4 * c.sizes.belowMin >= groups) {
                pitfalls.append(
                    Pitfall(
                        key: "too_many_small_groups", candidate: c.name,
                        detail:
                            "\(c.name): \(NumberFormatting.part(c.sizes.belowMin, of: groups, "groups")) fewer than \(t.minGroupSize) creators (smallest \(c.sizes.min)); merge groups or use coarser bins"
                    ))
            }
        }
        for cells in crossed where cells.minCell < t.minGroupSize {
            pitfalls.append(
                Pitfall(
                    key: "small_crossed_cells", candidate: cells.name,
                    detail:
                        "\(cells.name): \(NumberFormatting.part(cells.belowMin, of: cells.cells, "crossed cells")) fewer than \(t.minGroupSize) creators (smallest \(cells.minCell))"
                        + (cells.emptyCombinations > 0 ? ", \(cells.emptyCombinations) combinations are empty" : "")
                        + "; consider main effects only"))
        }
        if let name = recommendation?.grouping, let chosen = candidates.first(where: { $0.name == name }),
            chosen.kind == "cluster"
        {
            pitfalls.append(
                Pitfall(
                    key: "cluster_chosen", candidate: name,
                    detail:
                        "The recommended grouping comes from k-means clusters: check that stakeholders can explain its groups (see the cluster profiles)"
                ))
        }
        for c in candidates {
            guard let association = effectHatAssociation[c.name], association > derivedCorrelation else { continue }
            pitfalls.append(
                Pitfall(
                    key: "double_dipping", candidate: c.name,
                    detail:
                        "\(c.name) is almost a function of the ITEs themselves (association \(NumberFormatting.number(association, digits: 3))): a grouping chosen from the same estimates it pools overfits; pre-specify candidates from pre-treatment features"
                ))
        }
        return pitfalls
    }
}
