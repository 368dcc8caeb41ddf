import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Phase 4, model comparison: convergence, the LOO table with Pareto-k diagnostics, and the
    /// recommended grouping's posterior group effects with its forest plot (the model and its
    /// priors are in the methods appendix).
    func phase4Section() -> ReportSection {
        var blocks: [ReportBlock] = []
        if isExplorationOnly {
            blocks.append(missingITEsNotice)
            return ReportSection(
                id: "phase-4", title: "Phase 4: Model comparison", lead: phase4Lead, blocks: blocks,
                startsOnNewPage: false)
        }
        let rivals = fittedCandidates.count > focusCandidateNames.count
        blocks.append(
            .paragraph(
                "The models, priors and sampler are listed in ⟦section:methods⟧"
                    + (rivals ? "; the rival groupings' group effects and shrinkage in ⟦section:other-candidates⟧." : ".")
            ))
        let skipped = orderedCandidates.compactMap { c in c.hbm?.skipped.map { "\(c.name): \($0)" } }
        if !skipped.isEmpty {
            blocks.append(
                .notice(
                    .info,
                    "Not fitted (smallest group below \(thresholds.minGroupSizeHbm) creators or another reason): "
                        + skipped.joined(separator: "; ")))
        }
        blocks.append(.heading("Convergence"))
        blocks.append(.table(convergenceTable()))
        blocks.append(.heading("Leave-one-out comparison"))
        blocks.append(.table(looTable()))
        blocks += chartBlocks(.looComparison)
        let focus = focusCandidateNames
        for (candidate, hbm) in fittedCandidates where focus.contains(candidate.name) {
            blocks += groupEffectBlocks(candidate, hbm)
        }
        return ReportSection(id: "phase-4", title: "Phase 4: Model comparison", lead: phase4Lead, blocks: blocks)
    }

    /// A candidate's posterior group effects: the table and the forest chart.
    func groupEffectBlocks(_ candidate: CandidateResult, _ hbm: HBMResult) -> [ReportBlock] {
        [.heading("Group effects: \(candidate.name)"), .table(posteriorGroupTable(candidate, hbm))]
            + chartBlocks(.forest(candidate: candidate.name))
    }

    /// Appendix: the group effects and shrinkage of the fitted candidates the main part does
    /// not show in full; nil when there are none.
    func otherCandidatesSection() -> ReportSection? {
        guard !isExplorationOnly else { return nil }
        let focus = focusCandidateNames
        var blocks: [ReportBlock] = []
        for (candidate, hbm) in fittedCandidates {
            if focus.contains(candidate.name) {
                // The main part shows its group effects and shrinkage by group; here its scatter
                // and the PSIS cross-check's Pareto k.
                blocks += headedCharts(
                    "Shrinkage against precision: \(candidate.name)", .shrinkageScatter(candidate: candidate.name))
                blocks += headedCharts("PSIS Pareto k: \(candidate.name)", .paretoK(candidate: candidate.name))
            } else {
                blocks += groupEffectBlocks(candidate, hbm)
                blocks += shrinkageBlocks(candidate.name)
            }
        }
        guard !blocks.isEmpty else { return nil }
        return ReportSection(
            id: "other-candidates", title: "Group effects and shrinkage of every candidate",
            lead: "Phases 4 and 5 in full for the fitted candidates the main part summarises in its tables, and the recommended grouping's shrinkage against precision and PSIS Pareto k.",
            blocks: blocks)
    }

    var phase4Lead: String {
        "The gold standard: fit the hierarchical model once per candidate, and once without a grouping, and compare how well each predicts creators it has not seen (exact leave-one-out by quadrature, with PSIS-LOO as a cross-check). Lower LOO-IC is better."
    }

    func convergenceTable() -> ReportTable {
        var fits = fittedCandidates.map { (name: $0.candidate.name, hbm: $0.hbm) }
        if let baseline = results.baseline?.hbm { fits.append((name: "ungrouped", hbm: baseline)) }
        let rows: [[ReportCell]] = fits.map { name, hbm in
            let d = hbm.diagnostics
            let ok = d.map { $0.rhatMax <= 1.01 && $0.essBulkMin >= 400 && $0.essTailMin >= 400 }
            return [
                ReportCell(name, emphasis: true),
                ReportCell(NumberFormatting.fixed(d?.rhatMax, decimals: 3)),
                ReportCell(NumberFormatting.integer(d.map { Int($0.essBulkMin.rounded()) })),
                ReportCell(NumberFormatting.integer(d.map { Int($0.essTailMin.rounded()) })),
                ok.map {
                    ReportCell.badge(
                        $0
                            ? ReportBadge(text: "converged", tone: .positive)
                            : ReportBadge(text: "check", tone: .negative))
                } ?? ReportCell(NumberFormatting.missing),
                ReportCell(d.map { $0.warnings.isEmpty ? "" : $0.warnings.joined(separator: "; ") } ?? ""),
            ]
        }
        return ReportTable(
            id: "convergence", title: "Sampler convergence",
            caption:
                "Largest rank-normalised split R-hat and smallest bulk and tail effective sample size over all parameters of each model's draws, the ungrouped baseline included (Vehtari et al. 2021). Trust the draws when R-hat ≤ 1.01 and both ESS ≥ 400; the LOO, LOO-PIT and intervals are exact and do not depend on them.",
            columns: [
                ReportColumn("Candidate", weight: 1.5), .number("R-hat max"), .number("ESS bulk min"),
                .number("ESS tail min"),
                ReportColumn("Status"), ReportColumn("Warnings", weight: 2),
            ],
            rows: rows, emptyText: "No candidate was fitted.")
    }

    func looTable() -> ReportTable {
        var loos = Dictionary(fittedCandidates.map { ($0.candidate.name, $0.hbm.loo) }, uniquingKeysWith: { a, _ in a })
        if let baseline = results.baseline?.hbm { loos["ungrouped"] = baseline.loo }
        let recommended = results.recommendation?.grouping
        let rows: [[ReportCell]] = results.comparison.sorted { $0.rank < $1.rank }.map { row in
            let loo = loos[row.name] ?? nil
            let k = loo?.paretoK
            let kText =
                k.map {
                    "\(NumberFormatting.integer($0.good)) / \(NumberFormatting.integer($0.bad)) / \(NumberFormatting.integer($0.veryBad))"
                } ?? NumberFormatting.missing
            let kBadge: ReportBadge? = k.map {
                $0.bad + $0.veryBad == 0
                    ? ReportBadge(text: kText, tone: .positive)
                    : $0.veryBad > 0
                        ? ReportBadge(text: kText, tone: .negative) : ReportBadge(text: kText, tone: .caution)
            }
            return [
                ReportCell(NumberFormatting.integer(row.rank)),
                ReportCell(row.name, emphasis: row.name == recommended),
                ReportCell(NumberFormatting.fixed(row.elpdLoo, decimals: 1)),
                ReportCell(NumberFormatting.fixed(row.se, decimals: 1)),
                ReportCell(NumberFormatting.fixed(row.looic, decimals: 1)),
                ReportCell(NumberFormatting.fixed(row.dLooic, decimals: 1)),
                ReportCell(NumberFormatting.fixed(row.dse, decimals: 1)),
                ReportCell(row.rank == 1 ? "" : NumberFormatting.significant(row.pWorse, digits: 2)),
                ReportCell(row.diag.map(\.rawValue).joined(separator: ", ")),
                ReportCell(NumberFormatting.fixed(row.weight, decimals: 2)),
                ReportCell(NumberFormatting.fixed(loo?.pLoo, decimals: 1)),
                ReportCell(NumberFormatting.fixed(loo?.kMax, decimals: 2)),
                ReportCell(kText, badge: kBadge),
            ]
        }
        let kThreshold = fittedCandidates.first?.hbm.loo?.kThreshold ?? 0.7
        return ReportTable(
            id: "loo", title: "LOO comparison with Pareto-k diagnostics",
            caption:
                "Ranked by the exact leave-one-creator-out elpd (quadrature; higher is better; LOO-IC = −2 · elpd_loo, lower is better). `ungrouped` is the hierarchical model without a grouping. p_worse = Φ(−elpd_diff/dse) is the probability that the row predicts worse than the best; flags say when that approximation is unreliable (n_below_100, small_difference below 4 elpd, pareto_k). d_looic is the LOO-IC distance to the best: above \(NumberFormatting.significant(thresholds.looicStrong)) strong evidence, \(NumberFormatting.significant(thresholds.looicTie))–\(NumberFormatting.significant(thresholds.looicStrong)) moderate, below \(NumberFormatting.significant(thresholds.looicTie)) equivalent; weigh it against dse (on the elpd scale). p_loo is the effective number of parameters. Pareto k (of the PSIS cross-check on the draws) counts are good (k < \(NumberFormatting.significant(kThreshold, digits: 2))) / bad (≤ 1) / very bad (> 1); here they only qualify the cross-check, since the LOO itself is exact.",
            columns: [
                .number("Rank", weight: 0.5), ReportColumn("Candidate", weight: 1.5), .number("elpd_loo"),
                .number("se", weight: 0.7),
                .number("LOO-IC"), .number("d_looic", weight: 0.8), .number("dse", weight: 0.7),
                .number("p_worse", weight: 0.7), ReportColumn("Flags", weight: 1.1),
                .number("Weight", weight: 0.75),
                .number("p_loo", weight: 0.7), .number("k max", weight: 0.7),
                ReportColumn("k good / bad / very bad", weight: 1.4),
            ],
            rows: rows, emptyText: "No candidate was fitted, so there is nothing to compare.")
    }

    func posteriorGroupTable(_ candidate: CandidateResult, _ hbm: HBMResult) -> ReportTable {
        let parameters = [
            ("mu (overall mean)", hbm.mu), ("sigma_group (between groups)", hbm.sigmaGroup),
            ("tau (within groups)", hbm.tau),
        ]
        .compactMap { name, value in value.map { (name, $0) } }
        // One number of decimals for the whole table, so that the columns line up.
        let numbers = NumberFormatting.aligned(
            hbm.groups.flatMap { [$0.mean, $0.sd, $0.hdiLow, $0.hdiHigh] }
                + parameters.flatMap { [$0.1.mean, $0.1.sd] })
        var rows: [[ReportCell]] = hbm.groups.enumerated().map { index, group in
            let n = numbers[(4 * index)..<(4 * index + 4)].map { $0 }
            return [
                ReportCell(group.label), ReportCell(NumberFormatting.integer(group.count)),
                ReportCell(n[0]), ReportCell(n[1]), ReportCell("[\(n[2]), \(n[3])]"),
            ]
        }
        for (index, (name, _)) in parameters.enumerated() {
            let offset = 4 * hbm.groups.count + 2 * index
            rows.append([
                ReportCell(name, emphasis: true), "", ReportCell(numbers[offset]), ReportCell(numbers[offset + 1]), "",
            ])
        }
        return ReportTable(
            id: "posterior-\(Slug.anchor(candidate.name))", title: "Posterior group effects of \(candidate.name)",
            caption:
                "Posterior mean, sd and 95% highest-density interval of each group's effect mu_group, then the population-level parameters. sigma_group much larger than the groups' posterior sds means the groups are told apart.",
            columns: [
                ReportColumn("Group / parameter", weight: 2), .number("Creators"), .number("Mean"), .number("Sd"),
                .number("95% HDI", weight: 1.6),
            ],
            rows: rows)
    }
}
