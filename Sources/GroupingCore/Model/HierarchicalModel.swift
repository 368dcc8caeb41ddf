import Dispatch
import Foundation

/// Fits one of the contract's hierarchical models (`ModelSpec`) on the ITEs:
///
/// 1. the hyperparameters' posterior on a mass-placed grid (`HyperparameterGrid`);
/// 2. per node, the locations' Gaussian conditional (`ConditionalPosterior`), from which
///    every creator's exact LOO, LOO-PIT, theta posterior and pooling factor follow by
///    quadrature (`CreatorQuadrature`), and the exact moments of mu, the groups, the
///    pooling factors and `true_share`;
/// 3. independent draws (`PosteriorDraws`) for the convergence table, the HDIs and the PSIS
///    cross-check (`PSISCrossCheck`);
/// 4. the LOO-PIT uniformity test (`LOOPITTest`) and prior sensitivity (`PriorSensitivity`).
public enum HierarchicalModel {
    /// Per node, the locations' conditional posterior, and the constants the per-creator sums
    /// need (weight, tau², each cell's conditional mean and variance).
    static func quadratureNodes(context: ModelContext, grid: HyperparameterGrid)
        -> ([ConditionalPosterior], CreatorQuadrature.Nodes)
    {
        let k = grid.nodes.count
        let cells = context.layout.cellCount
        let conditionals: [ConditionalPosterior] = grid.nodes.map { node in
            context.conditional(grid.tauStatistics[node.tauKey]!, x: node.x)
        }
        var cellMean = [Double](repeating: 0, count: cells * k)
        var cellVariance = [Double](repeating: 0, count: cells * k)
        for (node, conditional) in conditionals.enumerated() {
            for c in 0..<cells {
                cellMean[c * k + node] = conditional.cellMean[c]
                cellVariance[c * k + node] = conditional.cellVariance[c]
            }
        }
        let nodes = CreatorQuadrature.Nodes(
            count: k, weight: grid.weights, tauSquared: grid.nodes.map { exp(2 * $0.x[0]) },
            cellMean: cellMean, cellVariance: cellVariance)
        return (conditionals, nodes)
    }

    /// - Parameters:
    ///   - spec: the model form and its factors (codes per creator, every code ≥ 0).
    ///   - priors: shared by every model of a run (scaled by the sd of all effect_hat).
    ///   - settings: chains, draws, seed (warmup unused: the draws are exact).
    ///   - progress: a line per stage.
    /// - Returns: the fit; never NaN in its summaries.
    public static func fit(
        spec: ModelSpec, effects: [Double], ses: [Double], priors: Priors? = nil,
        settings: SamplerSettings = SamplerSettings(), progress: ((String) -> Void)? = nil
    ) -> HierarchicalFit {
        precondition(effects.count == ses.count, "lengths differ")
        let priors = priors ?? Priors.default(effects: effects, ses: ses)
        let context = ModelContext(spec: spec, effects: effects, ses: ses, priors: priors)
        progress?("grid: locating the posterior of (\(spec.hyperparameterNames.joined(separator: ", ")))")
        let grid = HyperparameterGrid.build(context: context, progress: progress)
        let layout = context.layout
        let k = grid.nodes.count
        let cells = layout.cellCount

        let (conditionals, nodes) = quadratureNodes(context: context, grid: grid)
        progress?("creators: exact LOO, LOO-PIT and theta for \(context.count) creators over \(k) nodes")
        let creators = CreatorQuadrature.compute(context: context, nodes: nodes)

        progress?("draws: \(settings.chains) x \(settings.draws) for diagnostics and the PSIS cross-check")
        let draws = PosteriorDraws.sample(context: context, grid: grid, settings: settings)
        progress?("PSIS cross-check")
        let psis = PSISCrossCheck.compute(context: context, draws: draws, seed: settings.seed)
        progress?("LOO-PIT test")
        let loo = exactSummary(elpd: creators.elpd, lppd: creators.lppd, psis: psis.summary)
        let (pitResult, band) = LOOPITTest.test(creators.pit, seed: settings.seed)

        let names = spec.hyperparameterNames
        let hyperMoments = HyperparameterGrid.moments(nodes: grid.nodes, weights: grid.weights, dimension: names.count)
        let hyperparameters = zip(names, hyperMoments).map { NamedMeanSD(name: $0, mean: $1.mean, sd: $1.sd) }
        func mixture(_ mean: (ConditionalPosterior) -> Double, _ variance: (ConditionalPosterior) -> Double)
            -> MeanSD
        {
            var m1 = 0.0
            var m2 = 0.0
            for (w, conditional) in zip(grid.weights, conditionals) {
                let m = mean(conditional)
                m1 += w * m
                m2 += w * (variance(conditional) + m * m)
            }
            return MeanSD(mean: m1, sd: max(m2 - m1 * m1, 0).squareRoot())
        }
        let muSummary = mixture({ $0.denseMean[0] }, { $0.denseCovariance[0] })

        let cellLabels = cellLabels(spec: spec, layout: layout)
        var cellCounts = [Int](repeating: 0, count: cells)
        for c in layout.cellOf { cellCounts[Int(c)] += 1 }
        let groups: [PosteriorGroup] =
            spec.form == .ungrouped
            ? []
            : (0..<cells).map { c in
                let summary = mixture({ $0.cellMean[c] }, { $0.cellVariance[c] })
                let hdi = SampleQuantile.hdi(draws.cells[c], prob: 0.95)
                return PosteriorGroup(
                    label: cellLabels[c], count: cellCounts[c], mean: summary.mean, sd: summary.sd,
                    hdiLow: hdi.low, hdiHigh: hdi.high)
            }
        var effects: [NamedMeanSD] = []
        var effectDraws: [(String, [Double])] = []
        if spec.form == .additive, let e = layout.eliminated, let kept = layout.kept {
            for (f, factor) in spec.factors.enumerated() {
                for (level, label) in factor.labels.enumerated() {
                    let name = "\(factor.name)[\(label)]"
                    let summary =
                        f == e
                        ? mixture({ $0.rowMean[level] }, { $0.rowVariance[level] })
                        : mixture(
                            { $0.denseMean[1 + level] },
                            { $0.denseCovariance[(1 + level) * layout.denseSize + 1 + level] })
                    effects.append(NamedMeanSD(name: name, mean: summary.mean, sd: summary.sd))
                    effectDraws.append((name, f == e ? draws.rowEffects[level] : draws.columnEffects[level]))
                }
                _ = kept
            }
        }

        // Pooling per group and true_share, exact over the nodes.
        var groupPooling: [GroupPooling] = []
        if spec.form != .ungrouped {
            for (f, factor) in spec.factors.enumerated() {
                let isRow = f == layout.eliminated
                for level in 0..<factor.levelCount {
                    var value = 0.0
                    for (w, node) in zip(grid.weights, grid.nodes) {
                        let statistics = grid.tauStatistics[node.tauKey]!
                        var precision = 0.0
                        for c in 0..<cells
                        where Int(isRow ? layout.cellRow[c] : layout.cellColumn[c]) == level {
                            precision += statistics.precision[c]
                        }
                        // A level without creators pools completely (its estimate is the prior's).
                        guard precision > 0 else {
                            value += w
                            continue
                        }
                        let v = 1 / precision
                        let sigma = exp(node.x[1 + f])
                        value += w * v / (v + sigma * sigma)
                    }
                    let label = spec.factors.count > 1 ? "\(factor.name)=\(factor.labels[level])" : factor.labels[level]
                    groupPooling.append(GroupPooling(label: label, pooling: value))
                }
            }
        }
        var trueShare: Double? = nil
        if spec.form != .ungrouped {
            var share = 0.0
            for (w, node) in zip(grid.weights, grid.nodes) {
                let tau2 = exp(2 * node.x[0])
                let between = node.x.dropFirst().map { exp(2 * $0) }.reduce(0, +)
                share += w * between / (between + tau2)
            }
            trueShare = share
        }

        progress?("summary table and prior sensitivity")
        // Convergence table on the draws.
        var table = [PosteriorSummaryRow.summarize("mu", chains: draws.chained(draws.mu))]
        for (h, name) in names.enumerated() {
            table.append(PosteriorSummaryRow.summarize(name, chains: draws.chained(draws.hyperparameters[h])))
        }
        if spec.form == .oneWay {
            for c in 0..<cells {
                table.append(
                    PosteriorSummaryRow.summarize("mu_group[\(cellLabels[c])]", chains: draws.chained(draws.cells[c])))
            }
        }
        for (name, values) in effectDraws {
            table.append(PosteriorSummaryRow.summarize(name, chains: draws.chained(values)))
        }
        let diagnostics = convergence(table)
        let sensitivity = PriorSensitivity.compute(context: context, grid: grid)
        let marginals = names.indices.map { h -> HyperparameterMarginal in
            let positions = grid.nodes.map { Int(($0.x[h] / grid.steps[h]).rounded()) }
            let marginal = PriorSensitivity.marginal(positions, grid.weights)
            let keys = marginal.keys.sorted()
            return HyperparameterMarginal(
                name: names[h], values: keys.map { exp(Double($0) * grid.steps[h]) }, mass: keys.map { marginal[$0]! },
                priorScale: context.scales[h])
        }
        let description =
            "exact quadrature over a mass-placed grid of (\(names.joined(separator: ", "))) "
            + "(\(grid.nodes.count) nodes) with the locations' Gaussian conditionals: LOO, LOO-PIT and theta "
            + "intervals without Monte Carlo error; \(settings.chains) x \(settings.draws) independent draws "
            + "(hyperparameters continuous within their grid cells) for the convergence table and the "
            + "PSIS-LOO cross-check; warmup unused"
        var fit = HierarchicalFit(
            spec: spec, chains: settings.chains, drawsPerChain: settings.draws, priors: priors,
            thetaMean: creators.thetaMean, thetaSD: creators.thetaSD, thetaLower: creators.thetaLower,
            thetaUpper: creators.thetaUpper, pointwiseElpd: creators.elpd, pointwiseLppd: creators.lppd,
            pit: creators.pit, pooling: creators.pooling, paretoK: psis.paretoK, loo: loo, looPIT: pitResult,
            pitBand: band, diagnostics: diagnostics, grid: grid.diagnostics, muSummary: muSummary,
            hyperparameters: hyperparameters, groups: groups, effects: effects, summaryTable: table,
            trueShare: trueShare, groupPooling: groupPooling, sensitivity: sensitivity, marginals: marginals,
            samplerDescription: description, context: context, draws: draws)
        fit.gridRanges = names.indices.map { h in
            let values = grid.nodes.map { $0.x[h] }
            return (values.min() ?? 0)...(values.max() ?? 0)
        }
        return fit
    }

    /// The one-way model on `HierarchicalModelData` (codes are the groups).
    public static func fit(
        _ data: HierarchicalModelData, labels: [String]? = nil, priors: Priors? = nil,
        settings: SamplerSettings = SamplerSettings(), progress: ((String) -> Void)? = nil
    ) -> HierarchicalFit {
        let labels = labels ?? (0..<data.groupCount).map { "G\($0 + 1)" }
        let spec = ModelSpec.oneWay(ModelSpec.Factor(name: "group", codes: data.codes, labels: labels))
        return fit(spec: spec, effects: data.effects, ses: data.ses, priors: priors, settings: settings, progress: progress)
    }

    /// Labels of the cells: the group's for the one-way model, "A_B" for the additive one.
    static func cellLabels(spec: ModelSpec, layout: CellLayout) -> [String] {
        switch spec.form {
        case .ungrouped: return ["all"]
        case .oneWay: return spec.factors[0].labels
        case .additive:
            let e = layout.eliminated!
            let kept = layout.kept!
            return (0..<layout.cellCount).map { c in
                var parts = ["", ""]
                parts[e] = spec.factors[e].labels[Int(layout.cellRow[c])]
                parts[kept] = spec.factors[kept].labels[Int(layout.cellColumn[c])]
                return parts.joined(separator: "_")
            }
        }
    }

    /// LOO's summary from the exact pointwise values, Pareto k from the PSIS cross-check.
    static func exactSummary(elpd: [Double], lppd: [Double], psis: PSISSummary) -> LOOSummary {
        let total = NeumaierSum.of(elpd)
        var summary = LOOSummary(
            elpd: total, se: StandardError.ofSum(elpd), pLoo: NeumaierSum.of(lppd) - total, looic: -2 * total,
            kMax: psis.kMax, kThreshold: psis.kThreshold, paretoK: psis.paretoK)
        summary.method = "exact"
        summary.psis = psis
        return summary
    }

    /// The run's convergence summary from the table: largest R-hat, smallest ESS, warnings.
    static func convergence(_ table: [PosteriorSummaryRow]) -> ConvergenceDiagnostics {
        var warnings: [String] = []
        var rhatMax = 1.0
        var bulkMin = Double.infinity
        var tailMin = Double.infinity
        for row in table {
            if let r = row.rHat {
                rhatMax = max(rhatMax, r)
                if r > 1.01 { warnings.append("\(row.parameter): R-hat \(String(format: "%.3g", r)) > 1.01") }
            }
            if let e = row.essBulk {
                bulkMin = min(bulkMin, e)
                if e < 400 { warnings.append("\(row.parameter): bulk ESS \(String(format: "%.3g", e)) < 400") }
            }
            if let e = row.essTail {
                tailMin = min(tailMin, e)
                if e < 400 { warnings.append("\(row.parameter): tail ESS \(String(format: "%.3g", e)) < 400") }
            }
        }
        return ConvergenceDiagnostics(
            rhatMax: rhatMax, essBulkMin: bulkMin.isFinite ? bulkMin : 0, essTailMin: tailMin.isFinite ? tailMin : 0,
            warnings: warnings)
    }
}
