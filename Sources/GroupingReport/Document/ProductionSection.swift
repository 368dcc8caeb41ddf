import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Config `production:`: whether the grouping in production still holds (the report's
    /// opening section when the config names one).
    func productionSection() -> ReportSection? {
        guard let check = results.production else { return nil }
        let badge: ReportBadge
        switch check.verdict {
        case .holds: badge = ReportBadge(text: "holds", tone: .positive)
        case .switchGrouping: badge = ReportBadge(text: "switch", tone: .negative)
        case .stop: badge = ReportBadge(text: "stop", tone: .negative)
        case .revise: badge = ReportBadge(text: "revise", tone: .caution)
        case .unknown: badge = ReportBadge(text: "not assessed", tone: .neutral)
        }
        var blocks: [ReportBlock] = [
            .recommendation(
                RecommendationView(headline: check.statement, badge: badge, grouping: nil, reasons: check.evidence))
        ]
        var facts = [
            KeyValue("In production", check.grouping ?? "—"),
            KeyValue(
                "Named by",
                check.source == "config" ? "production.grouping" : "the previous snapshot (production.previous)"),
        ]
        if let versus = check.versusRecommended {
            facts.append(KeyValue("LOO against \(versus.against)", marginText(versus)))
        }
        if let versus = check.versusUngrouped {
            facts.append(KeyValue("LOO against ungrouped", marginText(versus)))
        }
        blocks.append(.keyValues(facts))
        if !check.checks.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        id: "production-checks", title: "Checks of \(check.grouping ?? "the production grouping")",
                        caption:
                            "The summary checklist filled for the grouping in production, by the rules the recommended grouping is judged by.",
                        columns: [
                            ReportColumn("Item", weight: 1.2), ReportColumn("Status", weight: 0.8),
                            ReportColumn("Detail", weight: 4),
                        ],
                        rows: check.checks.map {
                            [
                                ReportCell(PlaybookGuidance.checklistItem($0.key, thresholds: thresholds).title),
                                .badge(.checklistStatus($0.status)), ReportCell($0.detail),
                            ]
                        })))
        }
        return ReportSection(
            id: "production", title: "Does the production grouping still hold?",
            lead:
                "The grouping now in production, checked by the same rules as this run's recommendation: it holds when the run recommends the hierarchical model with that grouping.",
            blocks: blocks)
    }

    /// Config `production.previous`: the alerts of `diff` against the previous snapshot.
    func previousSnapshotSection() -> ReportSection? {
        guard let check = results.production, let previous = check.previous else { return nil }
        var blocks: [ReportBlock] = [
            .keyValues([
                KeyValue("Previous snapshot", previous),
                KeyValue("Its run date", check.previousSnapshotDate ?? "not recorded"),
                KeyValue("This run's date", results.snapshotDate ?? "not recorded"),
            ])
        ]
        if check.alerts.isEmpty {
            blocks.append(.notice(.info, "No production alert since the previous snapshot."))
        }
        blocks.append(
            .table(
                ReportTable(
                    id: "previous-alerts", title: "Alerts since the previous snapshot",
                    caption:
                        "The playbook's production alerts as `grouping-report diff` raises them: quality below quality_poor, LOO ranking changed beyond its noise, coverage below 90%, shrinkage pattern changed.",
                    columns: [ReportColumn("Alert", weight: 1.4), ReportColumn("Detail", weight: 4)],
                    rows: check.alerts.map { [ReportCell($0.key, emphasis: true), ReportCell($0.detail)] },
                    emptyText: "No alert.")))
        if !check.notes.isEmpty {
            blocks.append(.heading("Notes"))
            blocks.append(.bullets(check.notes))
        }
        return ReportSection(
            id: "previous", title: "Since the previous snapshot",
            lead: "What changed since the snapshot named in production.previous, as `diff` reports it.",
            blocks: blocks)
    }

    func marginText(_ margin: ProductionMargin) -> String {
        var text = (margin.elpdDiff > 0 ? "+" : "") + NumberFormatting.significant(margin.elpdDiff) + " elpd"
        if let dse = margin.dse { text += ", dse \(NumberFormatting.significant(dse, digits: 2))" }
        if let p = margin.pWorse { text += ", p_worse \(NumberFormatting.pValue(p))" }
        return text
    }
}
