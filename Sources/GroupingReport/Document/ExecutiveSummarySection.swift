import GroupingNumerics
import Foundation
import GroupingCore

/// Page 1: the decision in a product lead's words, how clear the margin is, the checks that
/// failed or wait for a person, and what to do next. Everything here is also in the sections
/// that follow, with its evidence; this section only selects and words it.
extension ReportBuilder {
    func executiveSummarySection() -> ReportSection {
        var blocks: [ReportBlock] = [.recommendation(executiveDecision())]
        if let grouping = results.recommendation?.grouping {
            blocks += headedCharts("The groups' effects under \(grouping)", .summaryForest)
        }
        let margins = marginSentences()
        if !margins.isEmpty {
            blocks.append(.heading("How clear the choice is"))
            blocks.append(.bullets(margins))
            blocks.append(
                .paragraph(
                    "elpd measures how well a model predicts creators it has not seen (higher is better). A lead of more than two standard errors is clear; p_worse is the chance that the lead is in fact reversed."
                ))
        }
        let open = openChecks()
        blocks.append(.heading("Checks that failed or need a sign-off"))
        blocks.append(open.isEmpty ? .paragraph("None: every check of the summary checklist passed.") : .bullets(open))
        blocks.append(.heading("What to do next"))
        blocks.append(.bullets(nextSteps()))
        return ReportSection(
            id: "executive-summary", title: "Executive summary",
            lead:
                "The decision, how sure it is, what is still open and what to do next. The sections after this page hold the evidence.",
            blocks: blocks)
    }

    /// The decision as a product lead reads it. The engine's reasons (an analyst's detail,
    /// shown with the checklist in the next section) are kept only where the headline cannot
    /// say why: keeping the raw ITEs and revising.
    func executiveDecision() -> RecommendationView {
        guard let recommendation = results.recommendation else {
            return RecommendationView(
                headline: "No decision: the run did not reach a recommendation",
                badge: ReportBadge(text: "not assessed", tone: .neutral), grouping: nil, reasons: [])
        }
        let reasons = recommendation.reasons
        switch recommendation.decision {
        case .useHbm:
            let grouping = recommendation.grouping.map { " grouped by \($0)" } ?? ""
            return RecommendationView(
                headline: "Use the hierarchical model\(grouping)",
                badge: ReportBadge(text: "use HBM", tone: .positive), grouping: recommendation.grouping,
                reasons: [])
        case .poolUngrouped:
            return RecommendationView(
                headline: "Pool every creator toward the overall mean, no grouping",
                badge: ReportBadge(text: "pool ungrouped", tone: .positive), grouping: nil, reasons: [])
        case .noHbm:
            return RecommendationView(
                headline: "Keep the raw ITEs: the hierarchical model would change them little",
                badge: ReportBadge(text: "no HBM", tone: .negative), grouping: nil, reasons: reasons)
        case .revise:
            let failed = checklistItems(status: "fail").map {
                PlaybookGuidance.checklistItem($0.key, thresholds: thresholds).title.lowercased()
            }
            let what =
                !failed.isEmpty
                ? "\(Self.list(failed)) failed"
                : isExplorationOnly ? "without ITEs the model could not be fitted or checked" : "evidence is missing"
            let grouping = recommendation.grouping.map { " for \($0)" } ?? ""
            return RecommendationView(
                headline: "Revise before deploying: \(what)\(grouping)",
                badge: ReportBadge(text: "revise", tone: .caution), grouping: recommendation.grouping,
                reasons: reasons)
        }
    }

    /// The leader against the runner-up, and the recommended model against `ungrouped`, each
    /// with its standard error and p_worse.
    func marginSentences() -> [String] {
        let ranked = results.comparison.sorted { $0.rank < $1.rank }
        guard let best = ranked.first else { return [] }
        var sentences: [String] = []
        let chosen =
            results.recommendation?.decision == .poolUngrouped
            ? Self.ungroupedName : results.recommendation?.grouping ?? best.name
        let runnerUp = ranked.dropFirst().first { $0.name != Self.ungroupedName } ?? ranked.dropFirst().first
        if let runnerUp {
            sentences.append(
                Self.margin(
                    leader: best.name, other: runnerUp.name, elpd: runnerUp.elpdDiff, dse: runnerUp.dse,
                    pWorse: runnerUp.pWorse))
        }
        if chosen != best.name, let row = ranked.first(where: { $0.name == chosen }) {
            sentences.append(
                "\(chosen) is chosen although it ranks \(row.rank): \(NumberFormatting.fixed(row.elpdDiff, decimals: 1)) elpd behind \(best.name)\(Self.standardErrors(row.elpdDiff, row.dse)), close enough that the \(chosen == Self.ungroupedName ? "simpler model" : "more interpretable grouping") is preferred."
            )
        }
        let baselineDone = chosen == best.name && runnerUp?.name == Self.ungroupedName
        if chosen != Self.ungroupedName, !baselineDone {
            if let versus = results.candidates.first(where: { $0.name == chosen })?.hbm?.versusUngrouped {
                sentences.append(
                    Self.margin(
                        leader: chosen, other: Self.ungroupedName, elpd: versus.elpdDiff, dse: versus.dse,
                        pWorse: versus.pWorse))
            } else if chosen == best.name, let baseline = ranked.first(where: { $0.name == Self.ungroupedName }) {
                sentences.append(
                    Self.margin(
                        leader: best.name, other: baseline.name, elpd: baseline.elpdDiff, dse: baseline.dse,
                        pWorse: baseline.pWorse))
            }
        }
        return sentences
    }

    /// Checklist items with status fail or review, each with who must act.
    func openChecks() -> [String] {
        let failed = checklistItems(status: "fail").map { item in
            "Failed: \(PlaybookGuidance.checklistItem(item.key, thresholds: thresholds).title). \(Self.sentence(item.detail))"
        }
        let review = checklistItems(status: "review").map { item in
            let title = PlaybookGuidance.checklistItem(item.key, thresholds: thresholds).title
            return "Needs a sign-off: \(title), from \(Self.signOff(item.key)). \(Self.sentence(item.detail))"
        }
        return failed + review
    }

    /// One to three steps that follow from the decision and the open checks.
    func nextSteps() -> [String] {
        var steps: [String] = []
        let failed = checklistItems(status: "fail")
        let review = checklistItems(status: "review")
        if !failed.isEmpty {
            let titles = failed.map {
                PlaybookGuidance.checklistItem($0.key, thresholds: thresholds).title.lowercased()
            }
            steps.append(
                "Look into the failed \(titles.count == 1 ? "check" : "checks") (\(Self.list(titles))) in Phase 5 and the pitfalls before relying on the estimates."
            )
        }
        if !review.isEmpty {
            let keys = review.compactMap { Self.reviewKey($0.key) }
            steps.append(
                "Collect the \(review.count == 1 ? "sign-off" : "sign-offs") and record \(keys.count == 1 ? "it" : "them") under `review:` in the config (\(Self.list(keys.map { "`\($0)`" }))), then re-run."
            )
        }
        switch results.recommendation?.decision {
        case .useHbm?:
            let grouping = results.recommendation?.grouping.map { " grouped by \($0)" } ?? ""
            steps.append(
                "Use the hierarchical model's estimates\(grouping) in place of the raw ITEs; re-validate the grouping quarterly (grouping-report diff)."
            )
        case .poolUngrouped?:
            steps.append(
                "Use the ungrouped model's estimates: each creator's ITE pulled toward the overall mean. Try new candidate groupings when more data or domain segments arrive."
            )
        case .noHbm?:
            steps.append(
                "Report the raw ITEs as they are; re-run when the ITEs become noisier or the creator base grows.")
        case .revise? where isExplorationOnly, nil:
            steps.append(
                "Add ITEs (`data.ites` or `data.panel`) to the config so that the run can fit, compare and check the models."
            )
        case .revise?:
            steps.append(
                "Revise the candidate groupings or the ITE inputs, then re-run; do not deploy a grouping from this run."
            )
        }
        return steps
    }

    private func checklistItems(status: String) -> [ChecklistItem] {
        (results.checklist?.items ?? []).filter { $0.status == status }
    }

    static let ungroupedName = "ungrouped"

    /// "genre predicts better than arpu_quintile by 34.9 elpd, 2.1 standard errors (p_worse 0.02)".
    static func margin(leader: String, other: String, elpd: Double, dse: Double, pWorse: Double) -> String {
        let verb = elpd >= 0 ? "better" : "worse"
        let amount = NumberFormatting.fixed(abs(elpd), decimals: 1)
        let p =
            !pWorse.isFinite || dse <= 0
            ? "" : pWorse < 0.001 ? " (p_worse < 0.001)" : " (p_worse \(NumberFormatting.pValue(pWorse)))"
        return "\(leader) predicts \(verb) than \(other) by \(amount) elpd\(standardErrors(elpd, dse))\(p)."
    }

    /// ", 2.1 standard errors" when the dse exists and is positive, else "".
    static func standardErrors(_ elpd: Double, _ dse: Double) -> String {
        guard dse.isFinite, dse > 0, elpd.isFinite else { return "" }
        let ratio = abs(elpd) / dse
        return ", \(NumberFormatting.fixed(ratio, decimals: 1)) standard error\(ratio == 1 ? "" : "s")"
    }

    /// Who gives the sign-off for a `review` item.
    static func signOff(_ key: String) -> String {
        switch key {
        case "domain": return "the product or business owner (`review.domain_validated`)"
        case "interpretability": return "the stakeholders who use the groups (`review.interpretable`)"
        case "monitoring": return "the team that runs the model in production (`review.monitoring`)"
        default: return "a reviewer"
        }
    }

    static func reviewKey(_ key: String) -> String? {
        switch key {
        case "domain": return "review.domain_validated"
        case "interpretability": return "review.interpretable"
        case "monitoring": return "review.monitoring"
        default: return nil
        }
    }

    /// "a", "a and b", "a, b and c".
    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        default: return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
        }
    }

    /// The text with a capital first letter and a closing full stop.
    static func sentence(_ text: String) -> String {
        guard let first = text.first else { return "" }
        let body = first.uppercased() + text.dropFirst()
        return body.hasSuffix(".") ? body : body + "."
    }
}
