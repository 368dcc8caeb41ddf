import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Phase 3, statistical validation: ANOVA, Kruskal–Wallis and eta-squared per candidate.
    func phase3Section() -> ReportSection {
        let rows: [[ReportCell]] = results.candidates.map { candidate in
            let p = candidate.anova.p
            let significance: ReportBadge? = p.map { p in
                p < 0.001
                    ? ReportBadge(text: "highly significant", tone: .positive)
                    : p < thresholds.anovaP
                        ? ReportBadge(text: "significant", tone: .positive)
                        : ReportBadge(text: "not significant", tone: .negative)
            }
            let eta = candidate.etaSquared
            let size = eta.map { $0 > 0.14 ? "large" : $0 > 0.06 ? "medium" : "small" } ?? NumberFormatting.missing
            let df =
                candidate.anova.dfBetween.flatMap { b in
                    candidate.anova.dfWithin.map { NumberFormatting.list([NumberFormatting.integer(b), NumberFormatting.integer($0)]) }
                } ?? NumberFormatting.missing
            return [
                ReportCell(candidate.name, emphasis: true),
                ReportCell(NumberFormatting.significant(candidate.anova.f)), ReportCell(df),
                ReportCell(NumberFormatting.pValue(p)),
                significance.map(ReportCell.badge) ?? ReportCell(candidate.anova.reason ?? NumberFormatting.missing),
                ReportCell(NumberFormatting.significant(candidate.kruskal.h)),
                ReportCell(NumberFormatting.pValue(candidate.kruskal.p)),
                ReportCell(
                    NumberFormatting.significant(eta),
                    badge: eta.map {
                        ReportBadge(
                            text: NumberFormatting.significant($0),
                            tone: $0 > thresholds.etaSquared ? .positive : .caution)
                    }),
                ReportCell(size),
            ]
        }
        let table = ReportTable(
            id: "tests", title: "Tests of group differences",
            caption:
                "ANOVA tests whether the group means are all equal (as scipy.stats.f_oneway); Kruskal–Wallis is its rank-based counterpart for non-normal outcomes (with tie correction). η² = SS_between / SS_total is the share of variance the grouping explains: the playbook calls above 0.14 large, above 0.06 medium, and the checklist asks for more than \(NumberFormatting.significant(thresholds.etaSquared)). With many creators tiny differences become significant, so read p together with η².",
            columns: [
                ReportColumn("Candidate", weight: 1.5), .number("F", weight: 0.8), .number("df", weight: 0.8),
                .number("ANOVA p", weight: 0.9),
                ReportColumn("Significance", weight: 1.3), .number("H", weight: 0.8), .number("Kruskal p", weight: 0.9),
                .number("η²", weight: 0.8), ReportColumn("Effect size", weight: 0.8),
            ],
            rows: rows, emptyText: "The run had no candidates.")
        var blocks: [ReportBlock] = [.table(table)]
        let undefined = results.candidates.filter { $0.anova.reason != nil || $0.kruskal.reason != nil }
        if !undefined.isEmpty {
            blocks.append(
                .bullets(
                    undefined.map {
                        "\($0.name): \([$0.anova.reason, $0.kruskal.reason].compactMap { $0 }.joined(separator: "; "))"
                    }))
        }
        return ReportSection(
            id: "phase-3", title: "Phase 3: Statistical validation",
            lead:
                "Do the group means differ by more than chance, and how much of the variance does each grouping explain?",
            blocks: blocks)
    }
}
