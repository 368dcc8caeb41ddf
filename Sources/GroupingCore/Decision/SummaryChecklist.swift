import GroupingNumerics
/// The playbook's ten-item summary checklist, filled for one grouping.
///
/// Automatic items compare a number with its threshold (pass / fail, or not_assessed when
/// the number does not exist, e.g. coverage without truth). Items a person signs (domain,
/// interpretability, monitoring) read the config's `review` section and stay `review`
/// otherwise.
public enum SummaryChecklist {
    public static let keys = [
        "domain", "significance", "effect_size", "group_sizes", "loo", "separation", "shrinkage",
        "coverage", "interpretability", "monitoring", "calibration",
    ]

    /// The automatic items, whose failure sends a grouping back for revision.
    public static let automaticKeys: Set<String> = [
        "significance", "effect_size", "group_sizes", "loo", "separation", "shrinkage", "coverage", "calibration",
    ]

    /// The automatic items whose failure sends a model back for revision (see
    /// `RecommendationEngine`): the others are computed on the noisy effect_hat and are shown
    /// for a person to weigh.
    public static let blockingKeys: Set<String> = ["coverage", "calibration"]

    /// - Parameters:
    ///   - candidate: the grouping's results.
    ///   - comparison: the LOO comparison of every fitted candidate.
    ///   - thresholds: the thresholds in force.
    ///   - review: the sign-offs from the config.
    public static func fill(
        _ candidate: CandidateResult, comparison: [ComparisonRow], thresholds t: Thresholds, review: ReviewConfig
    ) -> Checklist {
        var items: [ChecklistItem] = []
        func add(_ key: String, _ status: String, _ detail: String) {
            items.append(ChecklistItem(key: key, status: status, detail: detail))
        }
        if let signOff = review.domainValidated {
            add("domain", "pass", "Signed off: \(signOff)")
        } else {
            add("domain", "review", "Needs a product/business sign-off (review.domain_validated)")
        }
        if let p = candidate.anova.p {
            add(
                "significance", p < t.anovaP ? "pass" : "fail",
                "ANOVA p = \(NumberFormatting.pValue(p)) (threshold \(NumberFormatting.number(t.anovaP)))")
        } else {
            add("significance", "not_assessed", "ANOVA undefined: \(candidate.anova.reason ?? "no test")")
        }
        if let eta = candidate.etaSquared {
            add(
                "effect_size", eta > t.etaSquared ? "pass" : "fail",
                "η² = \(NumberFormatting.number(eta, digits: 3)) (threshold \(NumberFormatting.number(t.etaSquared)))")
        } else {
            add("effect_size", "not_assessed", "η² undefined (no variance in the outcome)")
        }
        let sizes = candidate.sizes
        if candidate.groups.isEmpty {
            add("group_sizes", "not_assessed", "No groups: the ungrouped model pools every creator toward one mean")
        } else { add(
            "group_sizes", sizes.belowMin == 0 ? "pass" : "fail",
            sizes.belowMin == 0
                ? "Smallest group has \(sizes.min) creators (minimum \(t.minGroupSize))"
                : "\(NumberFormatting.part(sizes.belowMin, of: candidate.groups.count, "groups")) fewer than \(t.minGroupSize) creators (smallest \(sizes.min))"
        ) }
        let hbm = candidate.hbm
        if let row = comparison.first(where: { $0.name == candidate.name }) {
            let within = row.dLooic <= t.looicTie
            add(
                "loo", within ? "pass" : "fail",
                row.rank == 1
                    ? "Best by LOO (elpd \(NumberFormatting.number(row.elpdLoo, digits: 4)))"
                    : "Rank \(row.rank): \(NumberFormatting.number(row.dLooic, digits: 3)) LOO-IC points behind the best (tie within \(NumberFormatting.number(t.looicTie)))"
            )
        } else {
            add(
                "loo", "not_assessed",
                hbm?.skipped.map { "Model not fitted: \($0)" } ?? "No ITEs: the model comparison was not run")
        }
        if let ratio = hbm?.separation?.ratio {
            add(
                "separation", ratio > t.separation ? "pass" : "fail",
                "Separation ratio \(NumberFormatting.number(ratio, digits: 3)) (threshold \(NumberFormatting.number(t.separation)))")
        } else {
            add("separation", "not_assessed", "No posterior for the group effects")
        }
        if let corr = hbm?.shrinkage?.corrPrecision {
            add(
                "shrinkage", corr < t.shrinkageCorr ? "pass" : "fail",
                "Correlation of precision with shrinkage \(NumberFormatting.number(corr, digits: 3)) (should be below \(NumberFormatting.number(t.shrinkageCorr)))"
            )
        } else {
            add(
                "shrinkage", "not_assessed",
                hbm?.shrinkage == nil
                    ? "No posterior estimates" : "Correlation undefined (constant precision or shrinkage)")
        }
        if let coverage = hbm?.coverage {
            let bound = min(t.coverage, coverage.plausibleLow ?? t.coverage)
            add(
                "coverage", coverage.hbm >= bound ? "pass" : "fail",
                "95% intervals cover \(NumberFormatting.percent(fraction: coverage.hbm)) of \(coverage.creators) true effects (fails below \(NumberFormatting.percent(fraction: bound)): "
                    + "the threshold \(NumberFormatting.percent(fraction: t.coverage))"
                    + (coverage.plausibleLow.map { " or the \(NumberFormatting.percent(fraction: $0)) a well-specified model plausibly shows on these data, whichever is lower" } ?? "")
                    + ")"
            )
        } else {
            add("coverage", "not_assessed", "No true effects given (data.truth)")
        }
        if let declared = review.interpretable {
            if declared.contains(candidate.name) {
                add("interpretability", "pass", "Declared interpretable by the team (review.interpretable)")
            } else {
                add(
                    "interpretability", "review",
                    "Not among the groupings declared interpretable (\(declared.joined(separator: ", ")))")
            }
        } else {
            add("interpretability", "review", "Needs a stakeholder sign-off (review.interpretable)")
        }
        if let plan = review.monitoring {
            add("monitoring", "pass", "Scheduled: \(plan)")
        } else {
            add("monitoring", "review", "Needs a monitoring plan (review.monitoring)")
        }
        if let pit = hbm?.looPIT {
            let fails = pit.p < t.calibrationP
            let detail: String
            switch (fails, pit.verdict) {
            case (false, _):
                detail = "LOO-PIT values look uniform (p = \(NumberFormatting.number(pit.p, digits: 2)), threshold \(NumberFormatting.number(t.calibrationP)))"
            case (true, .tooNarrow):
                detail =
                    "LOO-PIT values pile up near 0 and 1 (p = \(NumberFormatting.number(pit.p, digits: 2)); \(NumberFormatting.percent(fraction: pit.tailShare)) beyond 0.05/0.95, 10% expected): "
                    + "the predictive intervals are too narrow, likely because the ITE se's are understated; "
                    + "re-estimate them or raise data.panel.se_multiplier"
            case (true, _):
                detail =
                    "LOO-PIT values are too rarely near 0 and 1 (p = \(NumberFormatting.number(pit.p, digits: 2)); \(NumberFormatting.percent(fraction: pit.tailShare)) beyond 0.05/0.95, 10% expected): "
                    + "the predictive intervals are too wide, likely because the ITE se's are overstated or the noise is not normal"
            }
            add("calibration", fails ? "fail" : "pass", detail)
        } else {
            add("calibration", "not_assessed", hbm?.skipped.map { "Model not fitted: \($0)" } ?? "No ITEs: LOO-PIT not computed")
        }
        return Checklist(grouping: candidate.name, items: items)
    }
}
