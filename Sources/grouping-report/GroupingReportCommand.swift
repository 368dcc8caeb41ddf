import ArgumentParser

@main
struct GroupingReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grouping-report",
        abstract: "Turns one rollout's data into a grouping-selection report for hierarchical Bayesian models.")
}
