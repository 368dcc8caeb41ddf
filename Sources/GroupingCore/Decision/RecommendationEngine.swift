import GroupingNumerics
/// The decision, with the ungrouped baseline in it (schema 2). Every rule names its number
/// and threshold in the reasons.
///
/// **Without ITEs** (exploration only) the playbook's gate is the only one: no candidate above
/// `quality_poor` → `no_hbm`; otherwise `revise` with a provisional grouping (the best quality
/// among candidates whose groups all reach `min_group_size`), since Phases 4 and 5 need ITEs.
///
/// **With ITEs:**
/// 1. *Shortlist.* A fitted candidate is shortlisted when the playbook's quality score is above
///    `quality_poor`, **or** when it predicts left-out creators clearly better than
///    `ungrouped`: elpd_diff > `dse_multiple` · dse (the noise-aware gate: the quality score is
///    computed on the noisy effect_hat, whose se² dilutes it however many creators there are).
/// 2. *Best grouping.* The shortlisted candidate with the best elpd_loo, if it beats `ungrouped`
///    clearly (as in 1). If none does → step 5.
/// 3. *Clear winner or not decisive.* The best is a clear winner over a shortlisted rival when
///    the playbook's margin holds (d_looic > `looic_strong`) **and** elpd_diff > `dse_multiple`
///    · dse with no `diag` flag. Rivals that are not clearly beaten are tied with it, and the
///    tie is settled by the interpretability order (`InterpretabilityOrder`).
/// 4. *Checks.* The chosen grouping's blocking checks: coverage (with truth; below both the
///    threshold and the coverage a well-specified model plausibly shows), calibration (the
///    LOO-PIT test) and the grid's adequacy. Any failure → `revise`, naming it;
///    otherwise → `use_hbm`. The playbook's Phase 3 tests, group sizes, separation and
///    shrinkage are shown in the checklist but do not block: they are computed on the noisy
///    effect_hat, and the LOO evidence in 1–2 already says the groups differ. R-hat and ESS
///    do not block either: the draws are independent draws from the quadrature posterior, so
///    an R-hat above 1.01 is Monte Carlo noise of a short run (2 chains of 300 draws show one
///    in about a quarter of fits), and LOO, intervals and pooling do not come from the draws.
///    The grid's adequacy is this engine's convergence check.
/// 5. *No grouping.* When pooling toward the overall mean changes little (the ungrouped
///    model's median creator pooling factor is below `pooling_negligible`) → `no_hbm`;
///    otherwise → `pool_ungrouped`, with its own calibration check (a failure → `revise`).
public enum RecommendationEngine {
    /// - Returns: the recommendation and the candidate whose checklist the report shows
    ///   (the recommended grouping; `ungrouped` as a candidate with pool_ungrouped; the best by
    ///   LOO, else by quality, otherwise).
    public static func decide(
        candidates: [CandidateResult], baseline: HBMResult? = nil, comparison: [ComparisonRow],
        thresholds t: Thresholds, review: ReviewConfig
    ) -> (recommendation: Recommendation, checklistFor: CandidateResult?) {
        let scored = candidates.filter { $0.qualityScore != nil }
        let playbookShortlist = scored.filter { ($0.qualityScore ?? 0) > t.qualityPoor }
        guard let baseline, baseline.skipped == nil, !comparison.isEmpty else {
            return exploration(candidates: candidates, shortlist: playbookShortlist, thresholds: t)
        }
        let rows = Dictionary(comparison.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let fitted = candidates.filter { $0.hbm?.skipped == nil && rows[$0.name] != nil }
        func beatsUngrouped(_ c: CandidateResult) -> Bool {
            guard let v = c.hbm?.versusUngrouped else { return false }
            return v.elpdDiff > t.dseMultiple * v.dse && v.elpdDiff > 0
        }
        let shortlist = fitted.filter { ($0.qualityScore ?? 0) > t.qualityPoor || beatsUngrouped($0) }
        var reasons: [String] = [shortlistReason(shortlist, fitted: fitted, thresholds: t)]
        let ranked = shortlist.sorted { (rows[$0.name]?.elpdLoo ?? 0) > (rows[$1.name]?.elpdLoo ?? 0) }

        guard let best = ranked.first, beatsUngrouped(best) else {
            if let best = ranked.first ?? fitted.max(by: { (rows[$0.name]?.elpdLoo ?? 0) < (rows[$1.name]?.elpdLoo ?? 0) }),
                let v = best.hbm?.versusUngrouped
            {
                reasons.append(
                    "No grouping predicts left-out creators clearly better than the ungrouped model: the best, \(best.name), "
                        + "is \(signed(v.elpdDiff)) elpd against it (dse \(NumberFormatting.number(v.dse, digits: 2)); clear needs more than \(NumberFormatting.number(t.dseMultiple)) dse)"
                )
            } else {
                reasons.append("No candidate grouping could be fitted, so none can beat the ungrouped model")
            }
            return noGrouping(baseline: baseline, reasons: reasons, thresholds: t, review: review, candidates: candidates, comparison: comparison)
        }

        // Clear winner, or a tie settled by interpretability.
        let bestRow = rows[best.name]!
        let rivals = ranked.dropFirst().filter { beatsUngrouped($0) }
        func clearlyAhead(of rival: CandidateResult) -> Bool {
            let row = rows[rival.name]!
            let (diff, dse) = pairwise(best: bestRow, other: row, comparison: comparison)
            return 2 * diff > t.looicStrong && diff > t.dseMultiple * dse && row.diag.isEmpty
        }
        let tied = [best] + rivals.filter { !clearlyAhead(of: $0) }
        var chosen = best
        if let runnerUp = rivals.first {
            let row = rows[runnerUp.name]!
            let clear = clearlyAhead(of: runnerUp)
            reasons.append(
                "\(best.name) predicts left-out creators better than \(runnerUp.name) by \(NumberFormatting.number(row.elpdDiff, digits: 3)) elpd "
                    + "(dse \(NumberFormatting.number(row.dse, digits: 2)), \(NumberFormatting.number(row.dse > 0 ? row.elpdDiff / row.dse : 0, digits: 2)) dse; "
                    + "LOO-IC \(NumberFormatting.number(row.dLooic, digits: 3)); p_worse \(NumberFormatting.number(row.pWorse, digits: 2))"
                    + (row.diag.isEmpty ? "" : "; flags: \(row.diag.map(\.rawValue).joined(separator: ", "))") + "): "
                    + (clear
                        ? "a clear winner (LOO-IC above \(NumberFormatting.number(t.looicStrong)) and more than \(NumberFormatting.number(t.dseMultiple)) dse)"
                        : "not decisive"))
        } else {
            reasons.append("\(best.name) is the only shortlisted grouping that beats the ungrouped model")
        }
        if tied.count > 1 {
            chosen = tied.min { a, b in
                let ra = InterpretabilityOrder.rank(a, declared: review.interpretable)
                let rb = InterpretabilityOrder.rank(b, declared: review.interpretable)
                if ra != rb { return ra < rb }
                return (rows[a.name]?.elpdLoo ?? 0) > (rows[b.name]?.elpdLoo ?? 0)
            }!
            reasons.append(
                "Not clearly separated: \(tied.map(\.name).joined(separator: ", ")); "
                    + (chosen.name == best.name
                        ? "\(best.name) is also the most interpretable of them"
                        : "\(chosen.name) is the most interpretable of them (declared interpretable first, then categorical, bins, quantiles, additive, cross, cluster)"
                    ))
        }
        if let v = chosen.hbm?.versusUngrouped {
            reasons.append(
                "\(chosen.name) beats the ungrouped model by \(NumberFormatting.number(v.elpdDiff, digits: 3)) elpd "
                    + "(dse \(NumberFormatting.number(v.dse, digits: 2)), p_worse \(NumberFormatting.number(v.pWorse, digits: 2)))"
                    + (chosen.hbm?.trueShare.map { "; between-group share of the true effects' variance (true_share) \(NumberFormatting.percent(fraction: $0))" } ?? "")
                    + (chosen.qualityScore.map { "; the playbook's quality score on effect_hat is \(NumberFormatting.number($0, digits: 3))%" } ?? ""))
        }
        let checklist = SummaryChecklist.fill(chosen, comparison: comparison, thresholds: t, review: review)
        let failed = blockingFailures(checklist: checklist, hbm: chosen.hbm)
        if failed.isEmpty {
            reasons.append("The blocking checks pass for \(chosen.name): " + passedSummary(checklist))
            appendPending(checklist, to: &reasons)
            return (Recommendation(decision: .useHbm, grouping: chosen.name, reasons: reasons), chosen)
        }
        reasons.append("\(chosen.name) fails: " + failed.joined(separator: "; "))
        reasons.append("Revise before deploying: see the failed checks' remedies in the checklist")
        return (Recommendation(decision: .revise, grouping: chosen.name, reasons: reasons), chosen)
    }

    /// The elpd difference and its dse between the best and another row (the rows' own
    /// numbers: the comparison's dse is against the best).
    static func pairwise(best: ComparisonRow, other: ComparisonRow, comparison: [ComparisonRow]) -> (Double, Double) {
        (max(best.elpdLoo - other.elpdLoo, 0), other.dse)
    }

    /// Step 5 of the rule: `no_hbm` or `pool_ungrouped`.
    static func noGrouping(
        baseline: HBMResult, reasons: [String], thresholds t: Thresholds, review: ReviewConfig,
        candidates: [CandidateResult], comparison: [ComparisonRow]
    ) -> (recommendation: Recommendation, checklistFor: CandidateResult?) {
        var reasons = reasons
        var ungrouped = CandidateResult(name: "ungrouped", kind: "ungrouped")
        ungrouped.hbm = baseline
        ungrouped.formation = "no grouping: every creator pools toward one overall mean"
        let pooling = baseline.pooling?.median ?? 0
        if pooling < t.poolingNegligible {
            reasons.append(
                "Pooling would change little: the ungrouped model's median pooling factor is \(NumberFormatting.number(pooling, digits: 2)) "
                    + "(negligible below \(NumberFormatting.number(t.poolingNegligible))), because the ITEs are precise relative to the spread of the true effects (tau \(NumberFormatting.number(baseline.tau?.mean ?? 0, digits: 3)))"
            )
            reasons.append("Use the raw ITEs (effect_hat ± 1.96 se)")
            return (Recommendation(decision: .noHbm, grouping: nil, reasons: reasons), ungrouped)
        }
        reasons.append(
            "Pooling still helps: the ungrouped model's median pooling factor is \(NumberFormatting.number(pooling, digits: 2)) "
                + "(above \(NumberFormatting.number(t.poolingNegligible))): each estimate moves that far toward the overall mean")
        let checklist = SummaryChecklist.fill(ungrouped, comparison: comparison, thresholds: t, review: review)
        let failed = blockingFailures(checklist: checklist, hbm: baseline)
        if failed.isEmpty {
            reasons.append("Use the ungrouped hierarchical model (estimates.csv holds its estimates)")
            return (Recommendation(decision: .poolUngrouped, grouping: nil, reasons: reasons), ungrouped)
        }
        reasons.append("The ungrouped model fails: " + failed.joined(separator: "; "))
        reasons.append("Revise before deploying: see the failed checks' remedies in the checklist")
        return (Recommendation(decision: .revise, grouping: nil, reasons: reasons), ungrouped)
    }

    /// The checks whose failure sends a model back: coverage, calibration and the grid's
    /// adequacy (R-hat and ESS warnings stay in the report's convergence table).
    static func blockingFailures(checklist: Checklist, hbm: HBMResult?) -> [String] {
        var failed = checklist.items.filter { SummaryChecklist.blockingKeys.contains($0.key) && $0.status == "fail" }
            .map { "\($0.key.replacingOccurrences(of: "_", with: " ")) (\($0.detail))" }
        if let grid = hbm?.diagnostics?.grid, !grid.adequate {
            failed.append("grid adequacy (change \(NumberFormatting.number(grid.change, digits: 2)) sd at the last refinement)")
        }
        return failed
    }

    static func shortlistReason(_ shortlist: [CandidateResult], fitted: [CandidateResult], thresholds t: Thresholds)
        -> String
    {
        guard !shortlist.isEmpty else {
            return "Shortlist: none of the \(fitted.count) fitted groupings has a quality score above \(NumberFormatting.number(t.qualityPoor))% or beats the ungrouped model by more than \(NumberFormatting.number(t.dseMultiple)) dse"
        }
        return "Shortlist (quality above \(NumberFormatting.number(t.qualityPoor))% or more than \(NumberFormatting.number(t.dseMultiple)) dse better than ungrouped): "
            + shortlist.map { c in
                "\(c.name) (quality \(NumberFormatting.number(c.qualityScore ?? 0, digits: 3))%"
                    + (c.hbm?.trueShare.map { ", true_share \(NumberFormatting.percent(fraction: $0))" } ?? "") + ")"
            }.joined(separator: ", ")
    }

    static func signed(_ value: Double) -> String {
        (value >= 0 ? "+" : "−") + NumberFormatting.number(abs(value), digits: 3)
    }

    /// Without ITEs: the playbook's gate and a provisional grouping.
    static func exploration(candidates: [CandidateResult], shortlist: [CandidateResult], thresholds t: Thresholds)
        -> (recommendation: Recommendation, checklistFor: CandidateResult?)
    {
        let scored = candidates.filter { $0.qualityScore != nil }
        let bestByQuality = scored.max { ($0.qualityScore ?? 0) < ($1.qualityScore ?? 0) }
        guard !shortlist.isEmpty else {
            var reasons = [
                "No candidate explains more than \(NumberFormatting.number(t.qualityPoor))% of the outcome's variance between groups"
            ]
            if let best = bestByQuality, let score = best.qualityScore {
                reasons[0] += " (best: \(best.name), \(NumberFormatting.number(score, digits: 3))%)"
            }
            reasons.append(
                "Without ITEs the model comparison cannot check whether pooling would help: add data.ites or data.panel")
            return (Recommendation(decision: .noHbm, grouping: nil, reasons: reasons), bestByQuality)
        }
        let sized = shortlist.filter { $0.sizes.belowMin == 0 }
        let provisional = (sized.isEmpty ? shortlist : sized).max {
            ($0.qualityScore ?? 0) < ($1.qualityScore ?? 0)
        }!
        let reasons = [
            "Shortlist (quality above \(NumberFormatting.number(t.qualityPoor))%): "
                + shortlist.map { "\($0.name) \(NumberFormatting.number($0.qualityScore ?? 0, digits: 3))%" }.joined(separator: ", "),
            "No ITEs were given, so the model comparison (Phase 4) and the diagnostics (Phase 5) were not run: add data.ites or data.panel",
            "Provisional choice: \(provisional.name), the best quality score (\(NumberFormatting.number(provisional.qualityScore ?? 0, digits: 3))%) "
                + (sized.isEmpty
                    ? "of the shortlist"
                    : "among shortlisted candidates whose groups all have at least \(t.minGroupSize) creators"),
        ]
        return (Recommendation(decision: .revise, grouping: provisional.name, reasons: reasons), provisional)
    }

    static func appendPending(_ checklist: Checklist, to reasons: inout [String]) {
        let pending = checklist.items.filter { $0.status == "review" }.map(\.key)
        if !pending.isEmpty {
            reasons.append(
                "Still needs a person's sign-off: \(pending.joined(separator: ", ").replacingOccurrences(of: "_", with: " "))"
            )
        }
    }

    static func passedSummary(_ checklist: Checklist) -> String {
        checklist.items.filter { SummaryChecklist.automaticKeys.contains($0.key) && $0.status == "pass" }
            .map { $0.detail }.joined(separator: "; ")
    }
}
