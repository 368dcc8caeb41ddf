import Yams

/// Config `production:`: the grouping now in production and the snapshot of the last
/// re-validation, both optional.
///
/// ```yaml
/// production:
///   grouping: genre                      # a candidate's name, or `ungrouped`
///   previous: last-quarter/results.json  # relative to the config file
/// ```
/// With it, the run checks whether the production grouping still holds by the rules of the
/// recommendation, and compares itself with `previous` as `diff` does (`ProductionCheck`).
public struct ProductionConfig: Sendable, Equatable {
    /// The grouping in production; nil = the grouping `previous` recorded or recommended.
    public var grouping: String?
    /// The previous snapshot's path, as written (relative to the config file).
    public var previous: String?

    public init(grouping: String? = nil, previous: String? = nil) {
        self.grouping = grouping
        self.previous = previous
    }

    /// The name the production grouping of the ungrouped hierarchical model takes.
    public static let ungrouped = "ungrouped"
}

extension NodeReader {
    /// `production:` (both keys optional).
    func production(_ node: Node) throws -> ProductionConfig {
        let entries = try mapping(node, "production", allowed: ["grouping", "previous"])
        var production = ProductionConfig()
        if let n = entries["grouping"], !isNull(n) { production.grouping = try string(n, "production.grouping") }
        if let n = entries["previous"], !isNull(n) { production.previous = try string(n, "production.previous") }
        return production
    }

    /// `production.grouping` names a candidate, the clustering candidate or `ungrouped`.
    func checkProductionGrouping(_ config: AnalysisConfig, node: Node?) throws {
        guard let grouping = config.production?.grouping else { return }
        var names = config.candidates.map(\.name)
        if config.clustering != nil { names.append("data_driven_cluster") }
        names.append(ProductionConfig.ungrouped)
        guard names.contains(grouping) else {
            throw error(
                "production.grouping", node,
                "\"\(grouping)\" is not a candidate of this config; use one of \(names.joined(separator: ", "))")
        }
    }
}
