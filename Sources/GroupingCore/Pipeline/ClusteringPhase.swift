/// Phase 2 as the pipeline runs it: the configured features of the analysed rows, k-means,
/// and the `data_driven_cluster` candidate.
enum ClusteringPhase {
    static let candidateName = "data_driven_cluster"

    static func run(_ config: ClusteringConfig, frame: AnalysisFrame, seed: UInt64) throws -> (
        Grouping, ClusteringResult
    ) {
        let features = try config.features.enumerated().map { index, name in
            try frame.numericColumn(name, key: "clustering.features[\(index)]")
        }
        let k: KChoice
        switch config.k {
        case .auto: k = .auto
        case .fixed(let value): k = .fixed(value)
        }
        let outcome: ClusteringOutcome
        do {
            outcome = try Clustering.run(
                features: features, names: config.features, k: k, kRange: config.kRange, seed: seed)
        } catch let error as ClusteringError {
            throw InputError(file: frame.creators.fileName, message: error.description)
        }
        var grouping = outcome.grouping(name: candidateName)
        grouping.formation =
            "k-means clusters (k = \(outcome.result.chosenK), \(outcome.result.rule)) of the standardised features "
            + config.features.joined(separator: ", ")
        return (grouping, outcome.result)
    }
}
