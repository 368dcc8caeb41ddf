/// Builds the candidate groupings of a config over the analysed rows.
///
/// Order: every non-cross candidate first, then crosses in config order, so a cross may name
/// any candidate (including `data_driven_cluster` and earlier crosses) or a categorical column.
public enum CandidateBuilder {
    /// - Parameters:
    ///   - specs: the config's candidates.
    ///   - frame: the analysed rows.
    ///   - cluster: the clustering candidate, when the config has a clustering section.
    ///   - minGroupSize: for the crossed-cell table's count of small cells.
    /// - Returns: the groupings in config order (the cluster candidate last) and a crossed-cell
    ///   table per cross.
    public static func build(
        _ specs: [CandidateSpec], frame: AnalysisFrame, cluster: Grouping?, minGroupSize: Int
    ) throws -> (groupings: [Grouping], crossed: [CrossedCells]) {
        var built: [String: Grouping] = [:]
        if let cluster { built[cluster.name] = cluster }
        for spec in specs {
            switch spec.rule {
            case .categorical(let column):
                built[spec.name] = try categorical(name: spec.name, column: column, frame: frame, key: spec.path)
            case .quantiles(let column, let bins):
                let values = try frame.numericColumn(column, key: "\(spec.path).quantiles")
                guard values.contains(where: { !$0.isMissing }) else {
                    throw InputError(
                        file: frame.creators.fileName, column: column, key: "\(spec.path).quantiles",
                        message: "has no values in the analysed rows")
                }
                let binning: Binning
                do {
                    binning = try QuantileBinning.cut(values, bins: bins)
                } catch {
                    throw InputError(
                        file: frame.creators.fileName, column: column, key: "\(spec.path).quantiles",
                        message: "\(error)")
                }
                built[spec.name] = Grouping(
                    name: spec.name, kind: .quantiles, labels: binning.labels, codes: binning.codes,
                    edges: binning.edges,
                    formation: "\(column) cut at its sample quantiles into \(bins) bins (pandas qcut)"
                        + (binning.labels.count < bins
                            ? "; \(bins - binning.labels.count) duplicate edge(s) dropped" : ""))
            case .bins(let column, let edges, let labels):
                let values = try frame.numericColumn(column, key: "\(spec.path).column")
                let names = labels ?? defaultIntervalLabels(edges)
                let binning: Binning
                do {
                    binning = try EdgeBinning.cut(values, edges: edges, labels: names)
                } catch {
                    throw InputError(key: "\(spec.path).edges", message: "\(error)")
                }
                built[spec.name] = Grouping(
                    name: spec.name, kind: .bins, labels: binning.labels, codes: binning.codes, edges: binning.edges,
                    formation:
                        "\(column) cut at fixed edges \(edges.filter(\.isFinite).map(formatEdge).joined(separator: ", ")) (right-closed, lowest included"
                        + (edges.last == .infinity ? "; the last bin is open above)" : ")"))
            case .cross, .additive:
                continue
            }
        }
        var crossed: [CrossedCells] = []
        for spec in specs {
            let members: [String]
            switch spec.rule {
            case .cross(let list), .additive(let list): members = list
            default: continue
            }
            let isAdditive = { if case .additive = spec.rule { return true } else { return false } }()
            var parts: [Grouping] = []
            for (index, member) in members.enumerated() {
                if let grouping = built[member] {
                    parts.append(grouping)
                } else {
                    parts.append(
                        try categorical(
                            name: member, column: member, frame: frame,
                            key: "\(spec.path).\(isAdditive ? "additive" : "cross")[\(index)]"))
                }
            }
            var (grouping, cells) = cross(name: spec.name, parts, minGroupSize: minGroupSize)
            if isAdditive {
                grouping.kind = .additive
                grouping.members = parts.map(withoutEmptyGroups)
                grouping.formation =
                    "two crossed effects, \(parts[0].name) + \(parts[1].name) (mu + a[\(parts[0].name)] + b[\(parts[1].name)]); "
                    + "Phases 1 and 3 describe its cells"
            } else {
                crossed.append(cells)
            }
            built[spec.name] = grouping
        }
        var ordered = specs.map { withoutEmptyGroups(built[$0.name]!) }
        for (spec, grouping) in zip(specs, ordered) where grouping.labels.count > NumericBounds.maxGroups {
            throw InputError(
                key: spec.path,
                message: "has \(MessageText.count(grouping.labels.count)) groups; at most "
                    + "\(MessageText.count(NumericBounds.maxGroups)) are supported (is it an id column?)")
        }
        if let cluster { ordered.append(cluster) }
        return (ordered, crossed)
    }

    /// A categorical column as a grouping; labels in code-point order (as pandas sorts text).
    static func categorical(name: String, column: String, frame: AnalysisFrame, key: String) throws -> Grouping {
        let values = try frame.textColumn(column, key: key)
        var interner = CodeInterner<String>()
        var raw = [Int32](repeating: -1, count: values.count)
        for (row, value) in values.enumerated() {
            if let value { raw[row] = interner.code(for: value) }
        }
        guard !interner.keys.isEmpty else {
            throw InputError(
                file: frame.creators.fileName, column: column, key: key, message: "has no values in the analysed rows")
        }
        let (remap, labels) = interner.sorted(by: codePointLess)
        let codes = raw.map { $0 < 0 ? -1 : remap[Int($0)] }
        return Grouping(
            name: name, kind: .categorical, labels: labels, codes: codes,
            formation: "the categories of column \(column)")
    }

    /// The cross of several groupings: a row's label joins its members' labels with `_`;
    /// rows missing any member have none. Labels in code-point order (pandas string sort).
    /// Combines the members' integer codes (mixed radix), so only the distinct
    /// combinations ever become strings.
    /// - Complexity: O(rows × members + cells log cells).
    static func cross(name: String, _ parts: [Grouping], minGroupSize: Int) -> (Grouping, CrossedCells) {
        let rows = parts[0].codes.count
        var combined = [Int](repeating: -1, count: rows)
        for row in 0..<rows {
            var key = 0
            var missing = false
            for part in parts {
                let code = part.codes[row]
                if code < 0 {
                    missing = true
                    break
                }
                key = key * part.groupCount + Int(code)
            }
            if !missing { combined[row] = key }
        }
        // Distinct combinations, their labels and counts.
        var interner = CodeInterner<Int>()
        var raw = [Int32](repeating: -1, count: rows)
        for row in 0..<rows where combined[row] >= 0 { raw[row] = interner.code(for: combined[row]) }
        let keys = interner.keys
        let labels: [String] = keys.map { key in
            var remainder = key
            var pieces: [String] = []
            for part in parts.reversed() {
                pieces.append(part.labels[remainder % part.groupCount])
                remainder /= part.groupCount
            }
            return pieces.reversed().joined(separator: "_")
        }
        var counts = [Int](repeating: 0, count: keys.count)
        for cell in raw where cell >= 0 { counts[Int(cell)] += 1 }
        let order = labels.indices.sorted { codePointLess(labels[$0], labels[$1]) }
        var remap = [Int32](repeating: -1, count: labels.count)
        for (position, old) in order.enumerated() { remap[old] = Int32(position) }
        let grouping = Grouping(
            name: name, kind: .cross, labels: order.map { labels[$0] }, codes: raw.map { $0 < 0 ? -1 : remap[Int($0)] },
            formation: "the cross of " + parts.map(\.name).joined(separator: " × ") + " (labels joined with _)")
        let possible = parts.reduce(1) { $0 * $1.groupCount }
        let cells = CrossedCells(
            name: name, members: parts.map(\.name), cells: counts.count, minCell: counts.min() ?? 0,
            emptyCombinations: possible - counts.count, belowMin: counts.filter { $0 < minGroupSize }.count)
        return (grouping, cells)
    }

    /// The grouping without labels that no analysed row carries (an empty bin), and a note
    /// of what was dropped; pandas leaves empty groups out of `groupby` results too.
    static func withoutEmptyGroups(_ grouping: Grouping) -> Grouping {
        let counts = grouping.counts()
        guard counts.contains(0) else { return grouping }
        var remap = [Int32](repeating: -1, count: counts.count)
        var labels: [String] = []
        for (index, count) in counts.enumerated() where count > 0 {
            remap[index] = Int32(labels.count)
            labels.append(grouping.labels[index])
        }
        let empty = counts.indices.filter { counts[$0] == 0 }.map { grouping.labels[$0] }
        var copy = grouping
        copy.labels = labels
        copy.codes = grouping.codes.map { $0 < 0 ? -1 : remap[Int($0)] }
        copy.formation += "; empty group\(empty.count == 1 ? "" : "s") left out: " + empty.joined(separator: ", ")
        return copy
    }

    /// Labels like pandas' interval labels: `[0, 10k]`, `(10k, 100k]`, `(1M, inf)`.
    static func defaultIntervalLabels(_ edges: [Double]) -> [String] {
        (1..<edges.count).map { i in
            let open = i == 1 ? "[" : "("
            let close = edges[i].isInfinite ? ")" : "]"
            return "\(open)\(formatEdge(edges[i - 1])), \(formatEdge(edges[i]))\(close)"
        }
    }

    static func formatEdge(_ value: Double) -> String {
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// Orders strings by Unicode code points, as Python (and so pandas) does.
    public static func codePointLess(_ a: String, _ b: String) -> Bool {
        a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }
}
