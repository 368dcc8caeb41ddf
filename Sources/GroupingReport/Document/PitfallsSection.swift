import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// The playbook's common pitfalls that this run's data shows.
    func pitfallsSection() -> ReportSection {
        let blocks: [ReportBlock]
        if results.pitfalls.isEmpty {
            blocks = [
                .paragraph(
                    "The run found none of the playbook's pitfalls (double-dipping, too many small groups, ignoring interpretability, not validating on new data)."
                )
            ]
        } else {
            let rows: [[ReportCell]] = results.pitfalls.map { pitfall in
                [
                    ReportCell(PlaybookGuidance.pitfallTitle(pitfall.key), emphasis: true),
                    ReportCell(pitfall.candidate ?? NumberFormatting.missing), ReportCell(pitfall.detail),
                ]
            }
            blocks = [
                .table(
                    ReportTable(
                        id: "pitfall-list", title: "Pitfalls found",
                        caption:
                            "Each row is one of the playbook's common pitfalls that applies to this run, with the candidate it concerns and what to do.",
                        columns: [
                            ReportColumn("Pitfall", weight: 1.2), ReportColumn("Candidate", weight: 1.1),
                            ReportColumn("Detail", weight: 3.2),
                        ],
                        rows: rows))
            ]
        }
        return ReportSection(
            id: "pitfalls", title: "Pitfalls",
            lead: "Mistakes the playbook warns about, checked against this run.",
            blocks: blocks, startsOnNewPage: false)
    }
}
