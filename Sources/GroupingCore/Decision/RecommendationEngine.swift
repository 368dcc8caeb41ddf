/// The playbook's decision tree (Quick Reference), made explicit.
///
/// 1. No candidate with a quality score above `quality_poor` → `no_hbm` (too little structure).
/// 2. Otherwise the shortlist is the candidates above `quality_poor` whose model was fitted;
///    the best by elpd_loo wins, unless others are within `looic_tie` LOO-IC points of it,
///    in which case the most interpretable of the tied ones wins (`InterpretabilityOrder`;
///    within a class, the better LOO).
/// 3. The winner's automatic checks (significance, effect size, group sizes, LOO, separation,
///    shrinkage, coverage when truth is given) and its convergence: any failure → `revise`,
///    naming the failed checks; all pass → `use_hbm`.
/// Without ITEs, Phases 4 and 5 cannot run: the decision is `revise` with a provisional
/// grouping (the best quality among shortlisted candidates whose groups all reach
/// `min_group_size`), and the reasons say what is missing.
public enum RecommendationEngine {
    /// - Returns: the recommendation and the grouping whose checklist the report shows
    ///   (the recommended one; with `no_hbm`, the best by LOO, else by quality).
    public static func decide(
        candidates: [CandidateResult], comparison: [ComparisonRow], thresholds t: Thresholds, review: ReviewConfig
    ) -> (recommendation: Recommendation, checklistFor: CandidateResult?) {
        let scored = candidates.filter { $0.qualityScore != nil }
        let bestByQuality = scored.max { ($0.qualityScore ?? 0) < ($1.qualityScore ?? 0) }
        let shortlist = scored.filter { ($0.qualityScore ?? 0) > t.qualityPoor }
        let bestByLOO = comparison.first.flatMap { row in candidates.first { $0.name == row.name } }

        guard let bestQuality = bestByQuality, !shortlist.isEmpty else {
            var reasons = [
                "No candidate explains more than \(Format.number(t.qualityPoor))% of the outcome's variance between groups"
            ]
            if let best = bestByQuality, let score = best.qualityScore {
                reasons[0] += " (best: \(best.name), \(Format.number(score, digits: 3))%)"
            }
            reasons.append(
                "Pooling by these groupings would shrink toward group means that barely differ; use no hierarchical grouping, or find better candidates"
            )
            return (Recommendation(decision: "no_hbm", grouping: nil, reasons: reasons), bestByLOO ?? bestByQuality)
        }
        let shortlistNames = shortlist.map(\.name)
        let shortlistText =
            "Shortlist (quality above \(Format.number(t.qualityPoor))%): "
            + shortlist.map { "\($0.name) \(Format.number($0.qualityScore ?? 0, digits: 3))%" }.joined(separator: ", ")

        let fittedRows = comparison.filter { shortlistNames.contains($0.name) }
        guard let best = fittedRows.first else {
            let anyHBM = candidates.contains { $0.hbm != nil }
            var reasons = [shortlistText]
            if !anyHBM {
                // Provisional: the best quality among shortlisted candidates whose groups all
                // reach min_group_size, else the best quality overall.
                let sized = shortlist.filter { $0.sizes.belowMin == 0 }
                let provisional = (sized.isEmpty ? shortlist : sized).max {
                    ($0.qualityScore ?? 0) < ($1.qualityScore ?? 0)
                }!
                reasons.append(
                    "No ITEs were given, so the model comparison (Phase 4) and the diagnostics (Phase 5) were not run: add data.ites or data.panel"
                )
                reasons.append(
                    "Provisional choice: \(provisional.name), the best quality score (\(Format.number(provisional.qualityScore ?? 0, digits: 3))%) "
                        + (sized.isEmpty
                            ? "of the shortlist"
                            : "among shortlisted candidates whose groups all have at least \(t.minGroupSize) creators"))
                return (Recommendation(decision: "revise", grouping: provisional.name, reasons: reasons), provisional)
            }
            let skipped = shortlist.compactMap { c in c.hbm?.skipped.map { "\(c.name): \($0)" } }
            reasons.append(
                "No shortlisted candidate could be fitted"
                    + (skipped.isEmpty ? "" : " (\(skipped.joined(separator: "; ")))"))
            reasons.append("Revise the candidates: merge small groups or use coarser bins")
            return (Recommendation(decision: "revise", grouping: bestQuality.name, reasons: reasons), bestQuality)
        }

        // The tie rule.
        var reasons = [shortlistText]
        let tied = fittedRows.filter { 2 * (best.elpdLoo - $0.elpdLoo) <= t.looicTie }
        var chosenRow = best
        if tied.count > 1 {
            let byName = Dictionary(uniqueKeysWithValues: candidates.map { ($0.name, $0) })
            chosenRow = tied.min { a, b in
                let ra = InterpretabilityOrder.rank(byName[a.name]!, declared: review.interpretable)
                let rb = InterpretabilityOrder.rank(byName[b.name]!, declared: review.interpretable)
                if ra != rb { return ra < rb }
                return a.elpdLoo > b.elpdLoo
            }!
            let others = tied.filter { $0.name != best.name }.map {
                "\($0.name) (\(Format.number(2 * (best.elpdLoo - $0.elpdLoo), digits: 2)))"
            }
            reasons.append(
                "\(best.name) is best by LOO, but \(others.joined(separator: ", ")) are within \(Format.number(t.looicTie)) LOO-IC points: a tie"
            )
            reasons.append(
                chosenRow.name == best.name
                    ? "Among the tied, \(best.name) is also the most interpretable"
                    : "Among the tied, \(chosenRow.name) is the most interpretable (declared interpretable first, then categorical, bins, quantiles, cross, cluster)"
            )
        } else if fittedRows.count > 1 {
            let second = fittedRows[1]
            let gap = 2 * (best.elpdLoo - second.elpdLoo)
            let strength = gap > t.looicStrong ? "strong evidence" : "moderate evidence"
            reasons.append(
                "\(best.name) is best by LOO, \(Format.number(gap, digits: 3)) LOO-IC points ahead of \(second.name) (\(strength))"
            )
        } else {
            reasons.append("\(best.name) is the only shortlisted candidate with a fitted model")
        }

        let chosen = candidates.first { $0.name == chosenRow.name }!
        let checklist = SummaryChecklist.fill(chosen, comparison: comparison, thresholds: t, review: review)
        var failed = checklist.items.filter { SummaryChecklist.automaticKeys.contains($0.key) && $0.status == "fail" }
            .map { "\($0.key.replacingOccurrences(of: "_", with: " ")) (\($0.detail))" }
        // A tie settled by interpretability is not a LOO failure.
        if tied.count > 1 { failed.removeAll { $0.hasPrefix("loo ") } }
        if let diagnostics = chosen.hbm?.diagnostics, !diagnostics.warnings.isEmpty {
            failed.append("convergence (\(diagnostics.warnings.joined(separator: "; ")))")
        }
        if failed.isEmpty {
            reasons.append("All automatic checks pass for \(chosen.name): " + passedSummary(checklist))
            let pending = checklist.items.filter { $0.status == "review" }.map(\.key)
            if !pending.isEmpty {
                reasons.append(
                    "Still needs a person's sign-off: \(pending.joined(separator: ", ").replacingOccurrences(of: "_", with: " "))"
                )
            }
            return (Recommendation(decision: "use_hbm", grouping: chosen.name, reasons: reasons), chosen)
        }
        reasons.append("\(chosen.name) fails: " + failed.joined(separator: "; "))
        reasons.append("Revise the candidates or the grouping strategy before deploying")
        return (Recommendation(decision: "revise", grouping: chosen.name, reasons: reasons), chosen)
    }

    static func passedSummary(_ checklist: Checklist) -> String {
        checklist.items.filter { SummaryChecklist.automaticKeys.contains($0.key) && $0.status == "pass" }
            .map { $0.detail }.joined(separator: "; ")
    }
}
