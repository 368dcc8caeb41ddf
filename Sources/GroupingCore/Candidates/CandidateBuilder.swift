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
                    throw InputError(file: frame.creators.fileName, column: column, key: "\(spec.path).quantiles", message: "has no values in the analysed rows")
                }
                let binning: Binning
                do {
                    binning = try QuantileBinning.cut(values, bins: bins)
                } catch {
                    throw InputError(file: frame.creators.fileName, column: column, key: "\(spec.path).quantiles", message: "\(error)")
                }
                built[spec.name] = Grouping(
                    name: spec.name, kind: .quantiles, labels: binning.labels, codes: binning.codes, edges: binning.edges,
                    formation: "\(column) cut at its sample quantiles into \(bins) bins (pandas qcut)"
                        + (binning.labels.count < bins ? "; \(bins - binning.labels.count) duplicate edge(s) dropped" : ""))
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
                    formation: "\(column) cut at fixed edges \(edges.map(formatEdge).joined(separator: ", ")) (right-closed, lowest included)")
            case .cross:
                continue
            }
        }
        var crossed: [CrossedCells] = []
        for spec in specs {
            guard case .cross(let members) = spec.rule else { continue }
            var parts: [Grouping] = []
            for (index, member) in members.enumerated() {
                if let grouping = built[member] {
                    parts.append(grouping)
                } else {
                    parts.append(try categorical(name: member, column: member, frame: frame, key: "\(spec.path).cross[\(index)]"))
                }
            }
            let (grouping, cells) = cross(name: spec.name, parts, minGroupSize: minGroupSize)
            built[spec.name] = grouping
            crossed.append(cells)
        }
        var ordered = specs.map { built[$0.name]! }
        if let cluster { ordered.append(cluster) }
        return (ordered, crossed)
    }

    /// A categorical column as a grouping; labels in code-point order (as pandas sorts text).
    static func categorical(name: String, column: String, frame: AnalysisFrame, key: String) throws -> Grouping {
        let values = try frame.textColumn(column, key: key)
        var codeOf: [String: Int32] = [:]
        var firstSeen: [String] = []
        var raw = [Int32](repeating: -1, count: values.count)
        for (row, value) in values.enumerated() {
            guard let value else { continue }
            if let code = codeOf[value] {
                raw[row] = code
            } else {
                let code = Int32(firstSeen.count)
                codeOf[value] = code
                firstSeen.append(value)
                raw[row] = code
            }
        }
        guard !firstSeen.isEmpty else {
            throw InputError(file: frame.creators.fileName, column: column, key: key, message: "has no values in the analysed rows")
        }
        let order = firstSeen.indices.sorted { codePointLess(firstSeen[$0], firstSeen[$1]) }
        var remap = [Int32](repeating: -1, count: firstSeen.count)
        for (position, old) in order.enumerated() { remap[old] = Int32(position) }
        let codes = raw.map { $0 < 0 ? -1 : remap[Int($0)] }
        return Grouping(
            name: name, kind: .categorical, labels: order.map { firstSeen[$0] }, codes: codes,
            formation: "the categories of column \(column)")
    }

    /// The cross of several groupings: a row's label joins its members' labels with `_`;
    /// rows missing any member have none. Labels in code-point order (pandas string sort).
    static func cross(name: String, _ parts: [Grouping], minGroupSize: Int) -> (Grouping, CrossedCells) {
        let rows = parts[0].codes.count
        var codeOf: [String: Int32] = [:]
        var firstSeen: [String] = []
        var raw = [Int32](repeating: -1, count: rows)
        var counts: [Int] = []
        rowLoop: for row in 0..<rows {
            var pieces: [String] = []
            for part in parts {
                let code = part.codes[row]
                if code < 0 { continue rowLoop }
                pieces.append(part.labels[Int(code)])
            }
            let label = pieces.joined(separator: "_")
            if let code = codeOf[label] {
                raw[row] = code
                counts[Int(code)] += 1
            } else {
                let code = Int32(firstSeen.count)
                codeOf[label] = code
                firstSeen.append(label)
                counts.append(1)
                raw[row] = code
            }
        }
        let order = firstSeen.indices.sorted { codePointLess(firstSeen[$0], firstSeen[$1]) }
        var remap = [Int32](repeating: -1, count: firstSeen.count)
        for (position, old) in order.enumerated() { remap[old] = Int32(position) }
        let grouping = Grouping(
            name: name, kind: .cross, labels: order.map { firstSeen[$0] }, codes: raw.map { $0 < 0 ? -1 : remap[Int($0)] },
            formation: "the cross of " + parts.map(\.name).joined(separator: " × ") + " (labels joined with _)")
        let possible = parts.reduce(1) { $0 * $1.groupCount }
        let cells = CrossedCells(
            name: name, members: parts.map(\.name), cells: counts.count, minCell: counts.min() ?? 0,
            emptyCombinations: possible - counts.count, belowMin: counts.filter { $0 < minGroupSize }.count)
        return (grouping, cells)
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
