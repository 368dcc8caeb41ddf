import Yams

/// Reads a `config.yml` into an `AnalysisConfig`, checking every key.
///
/// An unknown or misspelled key, a value of the wrong type or out of range is an
/// `InputError` naming the key's path (`candidates[2].quantile`) and the line.
public enum ConfigParser {
    /// Parses YAML text.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - fileName: the name used in messages.
    public static func parse(_ text: String, fileName: String) throws -> AnalysisConfig {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw YAMLErrorMessage.inputError(error, text: text, fileName: fileName)
        }
        guard let root else { throw InputError(file: fileName, message: "is empty") }
        let reader = NodeReader(fileName: fileName)
        return try reader.config(root)
    }
}

/// Walks YAML nodes, carrying the key path for messages.
struct NodeReader {
    let fileName: String

    func error(_ path: String, _ node: Node?, _ message: String) -> InputError {
        var text = message
        if let line = node?.mark?.line { text += " (line \(line))" }
        return InputError(file: fileName, key: path.isEmpty ? nil : path, message: text)
    }

    /// The entries of a mapping, after checking that every key is one of `allowed`.
    func mapping(_ node: Node, _ path: String, allowed: [String]) throws -> [String: Node] {
        guard let mapping = node.mapping else {
            throw error(path, node, "must be a mapping (key: value)")
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else { throw error(path, keyNode, "has a key that is not text") }
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            guard allowed.contains(key) else {
                let suggestion = Suggestion.closest(key, in: allowed).map { " (did you mean `\($0)`?)" } ?? ""
                throw error(
                    keyPath, keyNode, "unknown key\(suggestion); allowed here: \(MessageText.list(allowed, limit: 12))")
            }
            if entries[key] != nil { throw error(keyPath, keyNode, "is given twice") }
            entries[key] = value
        }
        return entries
    }

    func isNull(_ node: Node) -> Bool {
        if case .scalar(let scalar) = node {
            return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        }
        return false
    }

    func string(_ node: Node, _ path: String) throws -> String {
        guard let scalar = node.scalar else { throw error(path, node, "must be text") }
        let value = scalar.string.trimmingSpaces()
        if value.isEmpty { throw error(path, node, "must not be empty") }
        return value
    }

    func double(_ node: Node, _ path: String) throws -> Double {
        guard let scalar = node.scalar else { throw error(path, node, "must be a number") }
        let text = scalar.string.trimmingSpaces().replacingUnderscores()
        guard let value = Double(text), value.isFinite else {
            throw error(path, node, "must be a number, not \(MessageText.quoted(scalar.string))")
        }
        return value
    }

    func int(_ node: Node, _ path: String, min: Int? = nil, max: Int? = nil) throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingSpaces().replacingUnderscores()) else {
            throw error(path, node, "must be a whole number")
        }
        if let min, value < min { throw error(path, node, "must be at least \(min), not \(value)") }
        if let max, value > max {
            throw error(path, node, "must be at most \(MessageText.count(max)), not \(MessageText.count(value))")
        }
        return value
    }

    /// A seed: any whole number in 0...2^64 − 1, as `--seed` accepts.
    func seed(_ node: Node, _ path: String) throws -> UInt64 {
        guard let scalar = node.scalar, let value = UInt64(scalar.string.trimmingSpaces().replacingUnderscores())
        else {
            throw error(path, node, "must be a whole number from 0 to 18446744073709551615")
        }
        return value
    }

    func sequence(_ node: Node, _ path: String) throws -> [Node] {
        guard let sequence = node.sequence else { throw error(path, node, "must be a list") }
        return Array(sequence)
    }

    func strings(_ node: Node, _ path: String) throws -> [String] {
        try sequence(node, path).enumerated().map { try string($1, "\(path)[\($0)]") }
    }

    func doubles(_ node: Node, _ path: String) throws -> [Double] {
        try sequence(node, path).enumerated().map { try double($1, "\(path)[\($0)]") }
    }

    func config(_ root: Node) throws -> AnalysisConfig {
        let top = try mapping(
            root, "",
            allowed: [
                "title", "data", "outcome", "candidates", "clustering", "thresholds", "model", "review", "report",
                "snapshot_date", "production",
            ])
        guard let dataNode = top["data"] else { throw error("data", root, "is required") }
        var config = AnalysisConfig(data: try data(dataNode))
        if let node = top["title"] { config.title = try string(node, "title") }
        if let node = top["snapshot_date"], !isNull(node) {
            let text = try string(node, "snapshot_date")
            guard SnapshotDate.isISODate(text) else {
                throw error("snapshot_date", node, "must be an ISO date such as 2026-11-30")
            }
            config.snapshotDate = text
        }
        if let node = top["outcome"], !isNull(node) { config.outcome = try outcome(node) }
        if let node = top["candidates"] { config.candidates = try candidates(node) }
        if let node = top["clustering"], !isNull(node) { config.clustering = try clustering(node) }
        if let node = top["thresholds"], !isNull(node) { config.thresholds = try thresholds(node) }
        if let node = top["model"], !isNull(node) { config.model = try model(node) }
        if let node = top["review"], !isNull(node) { config.review = try review(node) }
        if let node = top["report"], !isNull(node) { config.report = try report(node) }
        if config.candidates.isEmpty && config.clustering == nil {
            throw error(
                "candidates", top["candidates"] ?? root,
                "needs at least one candidate grouping (or a clustering section)")
        }
        if let node = top["production"], !isNull(node) { config.production = try production(node) }
        try checkNames(config)
        try checkProductionGrouping(config, node: top["production"])
        return config
    }

    func data(_ node: Node) throws -> DataConfig {
        let entries = try mapping(node, "data", allowed: ["creators", "id", "ites", "panel", "truth"])
        guard let creators = entries["creators"] else { throw error("data.creators", node, "is required") }
        var data = DataConfig(creators: try string(creators, "data.creators"))
        if let id = entries["id"] { data.id = try string(id, "data.id") }
        if let ites = entries["ites"], !isNull(ites) { data.ites = try string(ites, "data.ites") }
        if let truth = entries["truth"], !isNull(truth) { data.truth = try string(truth, "data.truth") }
        if let panel = entries["panel"], !isNull(panel) { data.panel = try self.panel(panel) }
        if data.ites != nil && data.panel != nil {
            throw error("data.panel", entries["panel"], "give either data.ites or data.panel, not both")
        }
        return data
    }

    func panel(_ node: Node) throws -> PanelConfig {
        let path = "data.panel"
        let entries = try mapping(
            node, path, allowed: ["file", "period", "outcome", "first_treated", "window", "se_multiplier"])
        guard let file = entries["file"] else { throw error("\(path).file", node, "is required") }
        var panel = PanelConfig(file: try string(file, "\(path).file"))
        if let n = entries["period"] { panel.period = try string(n, "\(path).period") }
        if let n = entries["outcome"] { panel.outcome = try string(n, "\(path).outcome") }
        if let n = entries["first_treated"] { panel.firstTreated = try string(n, "\(path).first_treated") }
        if let n = entries["window"], !isNull(n) {
            let bounds = try sequence(n, "\(path).window")
            guard bounds.count == 2 else {
                throw error("\(path).window", n, "must be [first, last] event times, e.g. [0, 5]")
            }
            let lower = try int(bounds[0], "\(path).window[0]")
            let upper = try int(bounds[1], "\(path).window[1]")
            guard lower <= upper else { throw error("\(path).window", n, "first must not exceed last") }
            guard lower >= 0 else {
                throw error(
                    "\(path).window", n,
                    "event times start at 0 (the first treated period); \(lower)...\(upper) starts before it")
            }
            panel.window = lower...upper
        }
        if let n = entries["se_multiplier"] {
            panel.seMultiplier = try double(n, "\(path).se_multiplier")
            guard NumericBounds.seMultiplier.contains(panel.seMultiplier) else {
                throw error("\(path).se_multiplier", n, "must lie in [1e-6, 1e6], not \(panel.seMultiplier)")
            }
        }
        return panel
    }

    func outcome(_ node: Node) throws -> OutcomeSpec {
        let entries = try mapping(node, "outcome", allowed: ["pre", "post", "column"])
        if let column = entries["column"] {
            if entries["pre"] != nil || entries["post"] != nil {
                throw error("outcome.column", column, "give either column or pre and post, not both")
            }
            return .column(try string(column, "outcome.column"))
        }
        guard let pre = entries["pre"] else { throw error("outcome.pre", node, "is required with outcome.post") }
        guard let post = entries["post"] else { throw error("outcome.post", node, "is required with outcome.pre") }
        return .lift(pre: try string(pre, "outcome.pre"), post: try string(post, "outcome.post"))
    }

    func candidates(_ node: Node) throws -> [CandidateSpec] {
        try sequence(node, "candidates").enumerated().map { index, item in
            let path = "candidates[\(index)]"
            if item.scalar != nil {
                let column = try string(item, path)
                return CandidateSpec(name: column, rule: .categorical(column: column), path: path)
            }
            let entries = try mapping(
                item, path, allowed: ["name", "column", "quantiles", "bins", "edges", "labels", "cross", "additive"])
            let name = try entries["name"].map { try string($0, "\(path).name") }
            if let quantiles = entries["quantiles"] {
                for extra in ["column", "edges", "labels", "cross", "additive"] where entries[extra] != nil {
                    throw error("\(path).\(extra)", entries[extra], "does not go with quantiles")
                }
                let column = try string(quantiles, "\(path).quantiles")
                guard let binsNode = entries["bins"] else {
                    throw error("\(path).bins", item, "is required with quantiles")
                }
                let bins = try int(binsNode, "\(path).bins", min: 2, max: NumericBounds.maxBins)
                return CandidateSpec(
                    name: name ?? "\(column)_q\(bins)", rule: .quantiles(column: column, bins: bins), path: path)
            }
            if let cross = entries["cross"] {
                for extra in ["column", "edges", "labels", "bins"] where entries[extra] != nil {
                    throw error("\(path).\(extra)", entries[extra], "does not go with cross")
                }
                let members = try strings(cross, "\(path).cross")
                guard members.count >= 2 else { throw error("\(path).cross", cross, "needs at least two members") }
                return CandidateSpec(
                    name: name ?? members.joined(separator: "_x_"), rule: .cross(members: members), path: path)
            }
            if let additive = entries["additive"] {
                for extra in ["column", "edges", "labels", "bins", "cross", "quantiles"] where entries[extra] != nil {
                    throw error("\(path).\(extra)", entries[extra], "does not go with additive")
                }
                let members = try strings(additive, "\(path).additive")
                guard members.count == 2 else {
                    throw error("\(path).additive", additive, "needs exactly two members (two crossed effects)")
                }
                guard members[0] != members[1] else {
                    throw error("\(path).additive", additive, "needs two different members")
                }
                return CandidateSpec(
                    name: name ?? members.joined(separator: "_plus_"), rule: .additive(members: members), path: path)
            }
            if let bins = entries["bins"] {
                throw error("\(path).bins", bins, "goes with quantiles (for fixed cut points use edges)")
            }
            if let edgesNode = entries["edges"] {
                guard let columnNode = entries["column"] else {
                    throw error("\(path).column", item, "is required with edges")
                }
                let column = try string(columnNode, "\(path).column")
                var edges = try doubles(edgesNode, "\(path).edges")
                guard edges.count >= 2 else { throw error("\(path).edges", edgesNode, "needs at least two edges") }
                for i in 1..<edges.count where !(edges[i] > edges[i - 1]) {
                    throw error("\(path).edges", edgesNode, "must increase strictly (\(edges[i - 1]) then \(edges[i]))")
                }
                var labels: [String]? = nil
                if let labelsNode = entries["labels"] {
                    let given = try strings(labelsNode, "\(path).labels")
                    // edges − 1 labels: pandas `cut`. As many labels as edges: the last bin is
                    // open above (the contract's example, "Mega" = 1M+), i.e. a final edge of +inf.
                    guard given.count == edges.count - 1 || given.count == edges.count else {
                        throw error(
                            "\(path).labels", labelsNode,
                            "must have \(edges.count - 1) labels for \(edges.count) edges (or \(edges.count), the last bin open above), not \(given.count)"
                        )
                    }
                    if given.count == edges.count { edges.append(.infinity) }
                    guard Set(given).count == given.count else {
                        throw error("\(path).labels", labelsNode, "must be distinct")
                    }
                    labels = given
                }
                return CandidateSpec(
                    name: name ?? column, rule: .bins(column: column, edges: edges, labels: labels), path: path)
            }
            if let labels = entries["labels"] { throw error("\(path).labels", labels, "goes with edges") }
            guard let columnNode = entries["column"] ?? entries["name"] else {
                throw error(path, item, "needs a column, quantiles, edges or cross")
            }
            let column = try string(columnNode, entries["column"] != nil ? "\(path).column" : "\(path).name")
            return CandidateSpec(name: name ?? column, rule: .categorical(column: column), path: path)
        }
    }

    func clustering(_ node: Node) throws -> ClusteringConfig {
        let entries = try mapping(node, "clustering", allowed: ["features", "k", "k_range"])
        guard let featuresNode = entries["features"] else { throw error("clustering.features", node, "is required") }
        let features = try strings(featuresNode, "clustering.features")
        guard !features.isEmpty else { throw error("clustering.features", featuresNode, "needs at least one feature") }
        var clustering = ClusteringConfig(features: features)
        if let rangeNode = entries["k_range"] {
            let bounds = try sequence(rangeNode, "clustering.k_range")
            guard bounds.count == 2 else { throw error("clustering.k_range", rangeNode, "must be [lowest, highest]") }
            let lower = try int(bounds[0], "clustering.k_range[0]", min: 1, max: NumericBounds.maxClusters)
            let upper = try int(bounds[1], "clustering.k_range[1]", min: 1, max: NumericBounds.maxClusters)
            guard lower < upper else { throw error("clustering.k_range", rangeNode, "lowest must be below highest") }
            clustering.kRange = lower...upper
        }
        if let kNode = entries["k"] {
            if kNode.scalar?.string.trimmingSpaces() == "auto" {
                clustering.k = .auto
            } else {
                clustering.k = .fixed(try int(kNode, "clustering.k", min: 1, max: NumericBounds.maxClusters))
            }
        }
        return clustering
    }

    func thresholds(_ node: Node) throws -> Thresholds {
        let entries = try mapping(node, "thresholds", allowed: Thresholds.keys)
        var t = Thresholds()
        for definition in ThresholdDefinition.all {
            guard let entry = entries[definition.key] else { continue }
            let path = "thresholds.\(definition.key)"
            switch definition.field {
            case .count:
                let range = definition.range
                let n = try int(entry, path, min: Int(range.lowerBound), max: Int(range.upperBound))
                definition.set(Double(n), in: &t)
            case .real:
                let v = try double(entry, path)
                if let problem = definition.rangeProblem(v) { throw error(path, entry, problem) }
                definition.set(v, in: &t)
            }
        }
        if t.looicTie > t.looicStrong {
            throw error(
                "thresholds.looic_tie", entries["looic_tie"] ?? node, "must not exceed looic_strong (\(t.looicStrong))")
        }
        if t.qualityPoor > t.qualityGood {
            throw error(
                "thresholds.quality_poor", entries["quality_poor"] ?? node,
                "must not exceed quality_good (\(t.qualityGood))")
        }
        return t
    }

    func model(_ node: Node) throws -> ModelConfig {
        let entries = try mapping(node, "model", allowed: ["chains", "draws", "warmup", "seed", "priors"])
        var model = ModelConfig()
        if let n = entries["chains"] { model.chains = try int(n, "model.chains", min: 1, max: NumericBounds.maxChains) }
        if let n = entries["draws"] { model.draws = try int(n, "model.draws", min: 10, max: NumericBounds.maxDraws) }
        if let n = entries["warmup"] {
            model.warmup = try int(n, "model.warmup", min: 0, max: NumericBounds.maxWarmup)
        }
        if let n = entries["seed"] { model.seed = try seed(n, "model.seed") }
        if model.chains * model.draws > NumericBounds.maxTotalDraws {
            throw error(
                "model.draws", entries["draws"] ?? node,
                "chains × draws must be at most \(MessageText.count(NumericBounds.maxTotalDraws)), not "
                    + MessageText.count(model.chains * model.draws))
        }
        if let priorsNode = entries["priors"], !isNull(priorsNode) {
            let priors = try mapping(priorsNode, "model.priors", allowed: ["mu_sd", "sigma_group_scale", "tau_scale"])
            func positive(_ key: String) throws -> Double? {
                guard let n = priors[key] else { return nil }
                let value = try double(n, "model.priors.\(key)")
                guard value > 0 else { throw error("model.priors.\(key)", n, "must be positive") }
                guard NumericBounds.isScale(value) else {
                    throw error("model.priors.\(key)", n, "\(value) \(NumericBounds.scaleRange)")
                }
                return value
            }
            model.muSD = try positive("mu_sd")
            model.sigmaGroupScale = try positive("sigma_group_scale")
            model.tauScale = try positive("tau_scale")
        }
        return model
    }

    func review(_ node: Node) throws -> ReviewConfig {
        let entries = try mapping(node, "review", allowed: ["domain_validated", "interpretable", "monitoring"])
        var review = ReviewConfig()
        if let n = entries["domain_validated"], !isNull(n) {
            review.domainValidated = try string(n, "review.domain_validated")
        }
        if let n = entries["interpretable"], !isNull(n) {
            review.interpretable = try strings(n, "review.interpretable")
        }
        if let n = entries["monitoring"], !isNull(n) { review.monitoring = try string(n, "review.monitoring") }
        return review
    }

    func report(_ node: Node) throws -> ReportConfig {
        let entries = try mapping(node, "report", allowed: ["paper"])
        var report = ReportConfig()
        if let n = entries["paper"] {
            let text = try string(n, "report.paper").lowercased()
            guard let paper = ReportConfig.Paper(rawValue: text) else {
                throw error("report.paper", n, "must be A4 or Letter, not \(MessageText.quoted(text))")
            }
            report.paper = paper
        }
        return report
    }

    /// Candidate names are unique; crosses name earlier candidates or columns; review names candidates.
    func checkNames(_ config: AnalysisConfig) throws {
        var seen: [String: String] = [:]
        for candidate in config.candidates {
            if let first = seen[candidate.name] {
                throw InputError(
                    file: fileName, key: candidate.path,
                    message: "candidate name \(MessageText.quoted(candidate.name)) is already used by \(first)")
            }
            if candidate.name == "data_driven_cluster" && config.clustering != nil {
                throw InputError(
                    file: fileName, key: candidate.path,
                    message: "the name data_driven_cluster is reserved for the clustering candidate")
            }
            seen[candidate.name] = candidate.path
        }
    }
}

extension String {
    func replacingUnderscores() -> String { filter { $0 != "_" } }
}
