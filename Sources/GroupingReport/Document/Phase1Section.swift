import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Phase 1, exploratory analysis: per candidate its group table, variance decomposition,
    /// boxplot and group sizes.
    /// The group-size chart, or a sentence when every group is far (3×) above the minimum
    /// size and the chart would show only tall bars over a line near the axis.
    func groupSizeBlocks(_ candidate: CandidateResult) -> [ReportBlock] {
        let sizes = candidate.sizes
        let groups = candidate.groups.count
        guard groups > 0, sizes.min >= 3 * thresholds.minGroupSize else {
            return chartBlocks(.phase1Sizes(candidate: candidate.name))
        }
        let range =
            sizes.min == sizes.max
            ? "\(NumberFormatting.integer(sizes.min)) creators each"
            : "\(NumberFormatting.integer(sizes.min)) to \(NumberFormatting.integer(sizes.max)) creators (median \(NumberFormatting.significant(sizes.median)))"
        let subject = groups == 1 ? "The group has" : "All \(groups) groups have"
        return [
            .paragraph(
                "Group sizes: \(subject) \(range), far above the minimum of \(thresholds.minGroupSize) creators; the size chart is left out (it is in charts/)."
            )
        ]
    }

    func phase1Section() -> ReportSection {
        var blocks: [ReportBlock] = [
            .paragraph(
                "Outcome described: \(results.outcome.description). Rows without a group label are left out of a candidate's statistics."
            )
        ]
        blocks.append(.table(qualityRankingTable()))
        for candidate in results.candidates {
            blocks.append(.heading(candidate.name))
            blocks.append(.table(groupTable(candidate)))
            blocks.append(.keyValues(varianceFacts(candidate)))
            if candidate.sizes.belowMin > 0 {
                blocks.append(
                    .notice(
                        .warning,
                        "\(NumberFormatting.part(candidate.sizes.belowMin, of: candidate.groups.count, "groups")) fewer than \(thresholds.minGroupSize) creators. Consider merging small groups, a coarser grouping (tertiles instead of quintiles) or excluding very small groups."
                    ))
            }
            blocks += chartBlocks(.phase1Boxplot(candidate: candidate.name))
            blocks += groupSizeBlocks(candidate)
        }
        return ReportSection(
            id: "phase-1", title: "Phase 1: Exploratory analysis",
            lead:
                "Does each candidate split the outcome into groups that differ more between than within? Good groupings have between-group variance far above within-group variance.",
            blocks: blocks)
    }

    func qualityRankingTable() -> ReportTable {
        let ranked = results.candidates.sorted { ($0.qualityScore ?? -1) > ($1.qualityScore ?? -1) }
        let rows: [[ReportCell]] = ranked.enumerated().map { index, candidate in
            [
                ReportCell(NumberFormatting.integer(index + 1)), ReportCell(candidate.name),
                ReportCell(NumberFormatting.percent(points: candidate.qualityScore)),
                ReportBadge.quality(candidate.quality).map(ReportCell.badge) ?? ReportCell(NumberFormatting.missing),
                ReportCell(NumberFormatting.integer(candidate.sizes.min)),
                ReportCell(NumberFormatting.significant(candidate.sizes.median)),
                ReportCell(NumberFormatting.integer(candidate.sizes.max)),
                ReportCell(
                    NumberFormatting.integer(candidate.sizes.belowMin),
                    badge: candidate.sizes.belowMin > 0
                        ? ReportBadge(text: NumberFormatting.integer(candidate.sizes.belowMin), tone: .caution) : nil),
            ]
        }
        return ReportTable(
            id: "quality-ranking", title: "Candidates ranked by grouping quality",
            caption:
                "Quality score = 100 · variance of the group means / total variance. Below \(NumberFormatting.percent(points: thresholds.qualityPoor, decimals: 0)) the grouping is poor (HBM unlikely to help), above \(NumberFormatting.percent(points: thresholds.qualityGood, decimals: 0)) good (strong HBM benefits expected). \"Below min\" counts groups with fewer than \(thresholds.minGroupSize) creators.",
            columns: [
                .number("#", weight: 0.4), ReportColumn("Candidate", weight: 1.8), .number("Quality"),
                ReportColumn("Grade"),
                .number("Min size"), .number("Median size"), .number("Max size"), .number("Below min"),
            ],
            rows: rows, emptyText: "The run had no candidates.")
    }

    func groupTable(_ candidate: CandidateResult) -> ReportTable {
        // One number of decimals for the whole table, so that the columns line up.
        let numbers = outcomeIsLift
            ? Self.liftColumns(candidate.groups.flatMap { [$0.mean, $0.std, $0.min, $0.max] })
            : NumberFormatting.aligned(candidate.groups.flatMap { [$0.mean, $0.std, $0.min, $0.max] })
        let rows: [[ReportCell]] = candidate.groups.enumerated().map { index, group in
            [
                ReportCell(group.label),
                ReportCell(
                    NumberFormatting.integer(group.count),
                    badge: group.count < thresholds.minGroupSize
                        ? ReportBadge(text: NumberFormatting.integer(group.count), tone: .caution) : nil),
            ] + numbers[(4 * index)..<(4 * index + 4)].map { ReportCell($0) }
        }
        return ReportTable(
            id: "groups-\(Slug.anchor(candidate.name))", title: "Groups of \(candidate.name)",
            caption:
                "Count, mean, standard deviation (ddof 1), minimum and maximum of the outcome per group, sorted by label"
                + (outcomeIsLift ? ", the lift in percent and its spread in percentage points (pp)" : "")
                + ". Counts below \(thresholds.minGroupSize) are highlighted; a one-row group has no standard deviation (—).",
            columns: [
                ReportColumn("Group", weight: 2), .number("Count"), .number("Mean"), .number("Std"), .number("Min"),
                .number("Max"),
            ],
            rows: rows, emptyText: "No labelled rows.")
    }

    /// Whether the outcome is a lift, (post − pre) / pre: then its levels read in percent and
    /// its differences and spreads in percentage points.
    var outcomeIsLift: Bool { results.outcome.kind == "lift" }

    /// A group table's mean, std, min and max per group, for a lift: the levels in percent,
    /// the std in percentage points, one number of decimals for the whole table.
    static func liftColumns(_ values: [Double?]) -> [String] {
        let numbers = NumberFormatting.aligned(values.map { $0.map { $0 * 100 } })
        return numbers.enumerated().map { index, text in
            text == NumberFormatting.missing ? text : text + (index % 4 == 1 ? " pp" : "%")
        }
    }

    func varianceFacts(_ candidate: CandidateResult) -> [KeyValue] {
        let total = candidate.variance.total
        func share(_ part: Double?) -> String {
            guard let part, let total, total > 0 else { return "" }
            return " (\(NumberFormatting.percent(fraction: part / total)) of total)"
        }
        var facts = [
            KeyValue("Formed as", candidate.formation.isEmpty ? candidate.kind : candidate.formation),
            KeyValue("Total variance", NumberFormatting.significant(total, digits: 4)),
            KeyValue(
                "Between-group variance",
                NumberFormatting.significant(candidate.variance.between, digits: 4) + share(candidate.variance.between)),
            KeyValue(
                "Within-group variance",
                NumberFormatting.significant(candidate.variance.within, digits: 4) + share(candidate.variance.within)),
            KeyValue(
                "Quality score",
                NumberFormatting.percent(points: candidate.qualityScore) + (candidate.quality.map { " (\($0))" } ?? "")),
            KeyValue(
                "Group sizes",
                "min \(NumberFormatting.integer(candidate.sizes.min)), median \(NumberFormatting.significant(candidate.sizes.median)), max \(NumberFormatting.integer(candidate.sizes.max))"
            ),
        ]
        if let total, total > 0, let between = candidate.variance.between, let within = candidate.variance.within,
            (between + within) / total > 1.005
        {
            facts.append(
                KeyValue(
                    "Why the shares add up to more than 100%",
                    "the playbook's between-group variance is the variance of the group means and its within-group variance the mean of the groups' variances; they are not parts of the total, so their shares need not add up to 100%"
                ))
        }
        if candidate.unlabeled > 0 {
            facts.append(KeyValue("Rows without a label", NumberFormatting.integer(candidate.unlabeled)))
        }
        return facts
    }
}
