import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// Phase 2, candidate generation: how each candidate was formed, the clustering's elbow
    /// and cluster profiles, and the crossed cells.
    func phase2Section() -> ReportSection {
        var blocks: [ReportBlock] = [.table(formationTable())]
        if let clustering = results.clustering {
            blocks.append(.heading("Data-driven clusters"))
            var facts = [
                KeyValue("Features", clustering.features.joined(separator: ", ")),
                KeyValue("Chosen k", "\(clustering.chosenK) (rule: \(clustering.rule))"),
            ]
            if !clustering.method.isEmpty { facts.append(KeyValue("Method", clustering.method)) }
            for imputation in clustering.imputed where imputation.missing > 0 {
                facts.append(
                    KeyValue(
                        "Imputed \(imputation.feature)",
                        "\(NumberFormatting.integer(imputation.missing)) missing values set to the median \(NumberFormatting.significant(imputation.median, digits: 4))"
                    ))
            }
            blocks.append(.keyValues(facts))
            blocks += chartBlocks(.elbow)
            blocks.append(.table(inertiaTable(clustering)))
            if !clustering.profiles.isEmpty { blocks.append(.table(profileTable(clustering))) }
        }
        if !results.crossedCells.isEmpty {
            blocks.append(.heading("Crossed groupings"))
            blocks.append(.table(crossedCellsTable()))
        }
        return ReportSection(
            id: "phase-2", title: "Phase 2: Candidate generation",
            lead:
                "Where the candidates come from: domain knowledge first, then data-driven clusters on pre-treatment features, then interactions of both.",
            blocks: blocks)
    }

    func formationTable() -> ReportTable {
        let rows: [[ReportCell]] = results.candidates.map { candidate in
            let edges =
                candidate.edges.map { NumberFormatting.list($0.map { NumberFormatting.significant($0, digits: 4) }) }
                ?? NumberFormatting.missing
            return [
                ReportCell(candidate.name, emphasis: true), ReportCell(candidate.kind),
                ReportCell(candidate.formation.isEmpty ? NumberFormatting.missing : candidate.formation),
                ReportCell(edges), ReportCell(NumberFormatting.integer(candidate.groups.count)),
                ReportCell(NumberFormatting.integer(candidate.unlabeled)),
            ]
        }
        return ReportTable(
            id: "formation", title: "How each candidate was formed",
            caption:
                "Kind: categorical column, quantile bins (like pandas qcut, labels Q1…Qn), fixed-edge bins (like pandas cut, right-closed), a cross of other candidates (labels joined with _) or k-means clusters. Unlabelled rows fall outside every group and are left out.",
            columns: [
                ReportColumn("Candidate", weight: 1.4), ReportColumn("Kind", weight: 0.9),
                ReportColumn("Formation", weight: 2.6),
                ReportColumn("Edges", weight: 1.8), .number("Groups", weight: 0.7), .number("Unlabelled", weight: 0.9),
            ],
            rows: rows, emptyText: "The run had no candidates.")
    }

    func inertiaTable(_ clustering: ClusteringResult) -> ReportTable {
        let first = clustering.inertias.first?.inertia
        let rows: [[ReportCell]] = clustering.inertias.map { point in
            let reduction = first.flatMap { $0 > 0 ? 1 - point.inertia / $0 : nil }
            return [
                ReportCell(NumberFormatting.integer(point.k), emphasis: point.k == clustering.chosenK),
                ReportCell(
                    NumberFormatting.significant(point.inertia, digits: 4), emphasis: point.k == clustering.chosenK),
                ReportCell(NumberFormatting.percent(fraction: reduction)),
            ]
        }
        return ReportTable(
            id: "inertia", title: "Inertia per number of clusters",
            caption:
                "Within-cluster sum of squares of the standardised features; the chosen k is in bold. The last column is the reduction against the smallest k.",
            columns: [.number("k"), .number("Inertia"), .number("Reduction vs smallest k")], rows: rows)
    }

    func profileTable(_ clustering: ClusteringResult) -> ReportTable {
        let rows: [[ReportCell]] = clustering.profiles.map { profile in
            [ReportCell(profile.label, emphasis: true), ReportCell(NumberFormatting.integer(profile.size))]
                + profile.means.map { ReportCell(NumberFormatting.significant($0)) }
        }
        return ReportTable(
            id: "cluster-profiles", title: "Cluster profiles",
            caption:
                "Mean of each raw (unstandardised) feature per cluster. Clusters that a product manager can name (\"large, low-revenue channels\") make an interpretable grouping; clusters that differ only slightly do not.",
            columns: [ReportColumn("Cluster"), .number("Creators")]
                + clustering.features.map { .number($0, weight: 1.3) },
            rows: rows)
    }

    func crossedCellsTable() -> ReportTable {
        let rows: [[ReportCell]] = results.crossedCells.map { cross in
            [
                ReportCell(cross.name, emphasis: true), ReportCell(cross.members.joined(separator: " × ")),
                ReportCell(NumberFormatting.integer(cross.cells)),
                ReportCell(
                    NumberFormatting.integer(cross.minCell),
                    badge: cross.minCell < thresholds.minGroupSize
                        ? ReportBadge(text: NumberFormatting.integer(cross.minCell), tone: .caution) : nil),
                ReportCell(NumberFormatting.integer(cross.belowMin)),
                ReportCell(NumberFormatting.integer(cross.emptyCombinations)),
            ]
        }
        return ReportTable(
            id: "crossed-cells", title: "Crossed cells",
            caption:
                "Interactions multiply the groups, so check the cells: a smallest cell below \(thresholds.minGroupSize) creators means merging cells or using the main effects only. Empty combinations are label pairs with no creator.",
            columns: [
                ReportColumn("Candidate", weight: 1.4), ReportColumn("Members", weight: 1.6), .number("Cells"),
                .number("Smallest cell"), .number("Cells below min"), .number("Empty combinations"),
            ],
            rows: rows)
    }
}
