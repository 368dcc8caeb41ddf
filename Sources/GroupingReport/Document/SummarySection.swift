import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// The recommendation with its reasons, the filled summary checklist and the path
    /// through the playbook's decision tree.
    func summarySection() -> ReportSection {
        var blocks: [ReportBlock] = [.recommendation(recommendationView())]
        if isExplorationOnly {
            blocks.append(
                .notice(
                    .warning,
                    "Exploration report: this run had no ITEs, so it covers Phases 1 to 3 only. The hierarchical model, the LOO comparison and the diagnostic checks (Phases 4 and 5) are missing, and the checklist items that depend on them are not assessed. Add `data.ites` or `data.panel` to the config to complete the report."
                ))
        }
        for warning in results.warnings {
            blocks.append(.notice(.warning, "Warning from the run: \(warning)"))
        }
        blocks.append(.table(checklistTable()))
        blocks.append(.table(decisionPathTable()))
        return ReportSection(
            id: "summary", title: "Recommendation and checklist",
            lead:
                "What the run recommends, why, and how the recommended grouping fares on the playbook's summary checklist.",
            blocks: blocks)
    }

    func recommendationView() -> RecommendationView {
        guard let recommendation = results.recommendation else {
            return RecommendationView(
                headline: "No recommendation", badge: ReportBadge(text: "not assessed", tone: .neutral),
                grouping: nil, reasons: ["The run did not reach a recommendation."])
        }
        switch recommendation.decision {
        case .useHbm:
            let grouping = recommendation.grouping.map { " grouped by \($0)" } ?? ""
            return RecommendationView(
                headline: "Use the hierarchical model\(grouping)",
                badge: ReportBadge(text: "use HBM", tone: .positive),
                grouping: recommendation.grouping, reasons: recommendation.reasons)
        case .poolUngrouped:
            return RecommendationView(
                headline: "Pool without a grouping: use the ungrouped hierarchical model",
                badge: ReportBadge(text: "pool ungrouped", tone: .positive),
                grouping: nil, reasons: recommendation.reasons)
        case .noHbm:
            return RecommendationView(
                headline: "Do not use the hierarchical model: keep the raw ITEs",
                badge: ReportBadge(text: "no HBM", tone: .negative),
                grouping: nil, reasons: recommendation.reasons)
        case .revise:
            let grouping = recommendation.grouping.map { " (best so far: \($0))" } ?? ""
            return RecommendationView(
                headline: "Revise the candidates or the grouping strategy\(grouping)",
                badge: ReportBadge(text: "revise", tone: .caution),
                grouping: recommendation.grouping, reasons: recommendation.reasons)
        }
    }

    func checklistTable() -> ReportTable {
        let items = results.checklist?.items ?? []
        let rows: [[ReportCell]] = items.map { item in
            let guidance = PlaybookGuidance.checklistItem(item.key, thresholds: thresholds)
            return [
                ReportCell(guidance.title, emphasis: true), ReportCell(guidance.criterion),
                .badge(.checklistStatus(item.status)), ReportCell(item.detail),
            ]
        }
        let grouping = results.checklist?.grouping.map { "for \($0)" } ?? "(no grouping recommended)"
        return ReportTable(
            id: "checklist", title: "Summary checklist \(grouping)",
            caption:
                "The playbook's ten checks before a grouping goes to production. \"review\" items need a person's sign-off (set under `review:` in the config); \"not assessed\" items lack the data they need.",
            columns: [
                ReportColumn("Item", weight: 1.1), ReportColumn("Criterion", weight: 1.6),
                ReportColumn("Status", weight: 0.8), ReportColumn("Finding", weight: 2.2),
            ],
            rows: rows, emptyText: "The run produced no checklist.")
    }

    func decisionPathTable() -> ReportTable {
        var rows: [[ReportCell]] = []
        let domain = results.candidates.filter { $0.kind != "cluster" }
        let clustered = results.candidates.contains { $0.kind == "cluster" }
        rows.append([
            ReportCell("Domain knowledge about segments?"),
            ReportCell(
                domain.isEmpty
                    ? "No domain-driven candidates"
                    : "\(domain.count) domain-driven candidate\(domain.count == 1 ? "" : "s")"
                        + (clustered ? ", plus data-driven clusters" : "")),
            ReportCell(
                domain.isEmpty
                    ? "Use data-driven clustering and quartiles" : "Start with 3 to 5 domain-driven candidates"),
        ])
        let poor = thresholds.qualityPoor
        let structured = results.candidates.filter { ($0.qualityScore ?? -1) > poor }
        rows.append([
            ReportCell("Any candidate with quality score > \(NumberFormatting.percent(points: poor, decimals: 0))?"),
            structured.isEmpty
                ? ReportCell("No", badge: ReportBadge(text: "no", tone: .negative))
                : ReportCell(
                    "Yes: \(structured.count) of \(results.candidates.count) (\(structured.map(\.name).joined(separator: ", ")))"
                ),
            ReportCell(
                structured.isEmpty ? "Consider not using HBM (too little structure)" : "Continue with the shortlist"),
        ])
        let ranked = results.comparison.sorted { $0.rank < $1.rank }
        if ranked.count >= 2 {
            let best = ranked[0]
            let second = ranked[1]
            let clear = second.dLooic > thresholds.looicTie
            let strength =
                second.dLooic > thresholds.looicStrong
                ? "strong evidence"
                : clear ? "moderate evidence" : "roughly equivalent"
            rows.append([
                ReportCell(
                    "Best model has d_looic > \(NumberFormatting.significant(thresholds.looicTie)) from the second best?"
                ),
                ReportCell(
                    "\(clear ? "Yes" : "No"): \(best.name) leads \(second.name) by \(NumberFormatting.fixed(second.dLooic, decimals: 1)) LOO-IC points (\(strength))"
                ),
                ReportCell(
                    clear ? "Use the best model (\(best.name))" : "Choose the most interpretable among the top models"),
            ])
        } else {
            rows.append([
                ReportCell(
                    "Best model has d_looic > \(NumberFormatting.significant(thresholds.looicTie)) from the second best?"
                ),
                ranked.count == 1
                    ? ReportCell("Only \(ranked[0].name) was fitted") : .badge(.checklistStatus("not_assessed")),
                ReportCell(
                    ranked.isEmpty ? "Needs ITEs and at least two fitted candidates" : "Nothing to compare against"),
            ])
        }
        let items = results.checklist?.items ?? []
        let failing = items.filter { $0.status == "fail" }.map(\.key)
        let review = items.filter { $0.status == "review" }.map(\.key)
        let missing = items.filter { $0.status == "not_assessed" }.map(\.key)
        var answer: [String] = []
        if !failing.isEmpty { answer.append("\(failing.count) fail (\(failing.joined(separator: ", ")))") }
        if !review.isEmpty { answer.append("\(review.count) for review") }
        if !missing.isEmpty { answer.append("\(missing.count) not assessed") }
        let allPass = !items.isEmpty && failing.isEmpty && review.isEmpty && missing.isEmpty
        rows.append([
            ReportCell("All checks pass?"),
            ReportCell(items.isEmpty ? "No checklist" : allPass ? "Yes" : "No: " + answer.joined(separator: ", ")),
            ReportCell(
                allPass
                    ? "Deploy to production with monitoring"
                    : failing.isEmpty
                        ? "Complete the open items before deploying" : "Revise candidates or grouping strategy"),
        ])
        let monitoring = items.first { $0.key == "monitoring" }
        rows.append([
            ReportCell("Quarterly: re-validate quality scores and LOO-IC"),
            monitoring.map {
                ReportCell(
                    $0.detail.isEmpty ? ReportBadge.checklistStatus($0.status).text : $0.detail,
                    badge: $0.status == "pass" ? nil : ReportBadge.checklistStatus($0.status))
            }
                ?? .badge(.checklistStatus("not_assessed")),
            ReportCell(
                "Compare the next snapshot with grouping-report diff; re-run the full analysis if quality degraded"),
        ])
        return ReportTable(
            id: "decision-path", title: "Path through the playbook's decision tree",
            caption:
                "Each row is a question of the playbook's decision tree, answered with this run's numbers, and where the answer leads.",
            columns: [
                ReportColumn("Question", weight: 1.5), ReportColumn("Answer", weight: 2),
                ReportColumn("Leads to", weight: 1.4),
            ],
            rows: rows)
    }
}
