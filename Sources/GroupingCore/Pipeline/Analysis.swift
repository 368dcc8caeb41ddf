import GroupingNumerics
import Foundation

/// Runs every phase of the playbook on an analysis frame.
///
/// Phase 2 (clustering, when configured) → candidate groupings → Phases 1 and 3 per
/// candidate → Phase 4 (the hierarchical model per candidate, PSIS-LOO, the comparison)
/// when ITEs are given → Phase 5 (separation, shrinkage, coverage) → checklist,
/// recommendation and pitfalls. Pure: no file I/O; progress goes through a callback.
public enum Analysis {
    /// - Parameter previous: The snapshot `production.previous` names (read by the caller).
    public static func run(
        config: AnalysisConfig, frame: AnalysisFrame, previous: PreviousSnapshot? = nil,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> AnalysisOutput {
        var results = Results()
        results.title = config.title
        results.snapshotDate = config.snapshotDate
        results.tool.seed = config.model.seed
        results.input = frame.summary
        results.outcome = frame.outcomeInfo
        results.thresholds = config.thresholds
        var timings: [PhaseTiming] = []
        var clock = Date()
        func lap(_ phase: String) {
            let now = Date()
            timings.append(PhaseTiming(phase: phase, seconds: now.timeIntervalSince(clock)))
            clock = now
        }

        // Phase 2: clusters of pre-treatment features.
        var cluster: Grouping? = nil
        if let clustering = config.clustering {
            progress(
                "Phase 2: k-means on \(clustering.features.joined(separator: ", ")), k in \(clustering.kRange.lowerBound)…\(clustering.kRange.upperBound)"
            )
            let (grouping, result) = try ClusteringPhase.run(clustering, frame: frame, seed: config.model.seed)
            cluster = grouping
            results.clustering = result
            lap("Phase 2: clustering")
        }

        // Candidate groupings.
        let (groupings, crossed) = try CandidateBuilder.build(
            config.candidates, frame: frame, cluster: cluster, minGroupSize: config.thresholds.minGroupSize)
        results.crossedCells = crossed
        lap("Candidate groupings")

        // Phases 1 and 3.
        progress("Phases 1 and 3: \(groupings.count) candidates on \(frame.rowCount) creators")
        results.candidates = groupings.map {
            CandidateDescription.describe($0, outcome: frame.outcome, thresholds: config.thresholds)
        }
        lap("Phases 1 and 3: description and tests")

        // Phases 4 and 5.
        var posteriors: [String: CreatorEstimates] = [:]
        var fits: [String: HierarchicalFit] = [:]
        if let effectHat = frame.effectHat, let se = frame.se {
            let phase = ModelPhase(config: config, effectHat: effectHat, se: se, truth: frame.truth, progress: progress)
            let baseline = phase.fitBaseline()
            results.baseline = BaselineResult(hbm: baseline.hbm)
            posteriors[ModelPhase.baselineName] = baseline.posterior
            fits[ModelPhase.baselineName] = baseline.fit
            let fitted = phase.fitAll(groupings)
            for (index, fit) in fitted.enumerated() {
                results.candidates[index].hbm = fit.hbm
                if let posterior = fit.posterior { posteriors[groupings[index].name] = posterior }
                if let model = fit.fit { fits[groupings[index].name] = model }
            }
            results.model = phase.settingsEcho(
                description: baseline.samplerDescription)
            lap("Phase 4: hierarchical models and LOO")
            var versus: [String: VersusUngrouped] = [:]
            let (rows, note) = phase.compare(
                names: groupings.map(\.name) + [ModelPhase.baselineName], fits: fitted + [baseline], versus: &versus)
            for index in results.candidates.indices {
                let name = results.candidates[index].name
                results.candidates[index].hbm?.versusUngrouped = versus[name]
            }
            results.comparison = rows
            if let note { results.warnings.append(note) }
            lap("Phase 4: comparison")
        } else {
            results.warnings.append("No ITEs (data.ites or data.panel): Phases 4 and 5 were not run")
        }

        // Decision.
        let (recommendation, checklistFor) = RecommendationEngine.decide(
            candidates: results.candidates, baseline: results.baseline?.hbm, comparison: results.comparison,
            thresholds: config.thresholds, review: config.review)
        results.recommendation = recommendation
        if let candidate = checklistFor {
            results.checklist = SummaryChecklist.fill(
                candidate, comparison: results.comparison, thresholds: config.thresholds, review: config.review)
        }
        results.pitfalls = PitfallDetector.detect(
            candidates: results.candidates, crossed: crossed, recommendation: recommendation,
            effectHatAssociation: try effectHatAssociation(config: config, frame: frame, groupings: groupings),
            thresholds: config.thresholds)
        let modelResults = results.candidates.map { ($0.name, $0.hbm) } + [(ModelPhase.baselineName, results.baseline?.hbm)]
        for (name, hbm) in modelResults {
            for warning in hbm?.diagnostics?.warnings ?? [] {
                results.warnings.append("\(name): \(warning)")
            }
            if let grid = hbm?.diagnostics?.grid, !grid.adequate {
                results.warnings.append(
                    "\(name): the hyperparameter grid is not adequate (change at the last refinement "
                        + "\(NumberFormatting.number(grid.change, digits: 2)) sd, edge mass \(NumberFormatting.number(grid.edgeMass, digits: 2))): "
                        + "treat its posterior summaries with care")
            }
        }
        lap("Checklist and recommendation")

        // Re-validation of the grouping in production (config `production:`).
        if let production = config.production {
            results.production = ProductionCheck(
                config: production, results: results, review: config.review, previous: previous)
        }

        let estimatesGrouping =
            recommendation.decision == .poolUngrouped
            ? ModelPhase.baselineName
            : recommendation.grouping.flatMap { posteriors[$0] != nil ? $0 : nil }
                ?? results.comparison.first?.name
        let densities = estimatesGrouping.flatMap { fits[$0]?.marginalDensities() } ?? []
        lap("Prior and posterior densities")
        return AnalysisOutput(
            results: results, frame: frame, groupings: groupings, creatorEstimates: posteriors,
            estimatesGrouping: estimatesGrouping, fits: fits, densities: densities, timings: timings)
    }

    /// How strongly each candidate's source looks like a function of effect_hat (for the
    /// double-dipping pitfall): |Spearman| of a numeric source column with effect_hat, or
    /// the between-group share of effect_hat's variance (η²) for categorical ones.
    static func effectHatAssociation(config: AnalysisConfig, frame: AnalysisFrame, groupings: [Grouping]) throws
        -> [String: Double]
    {
        guard let effectHat = frame.effectHat else { return [:] }
        var association: [String: Double] = [:]
        for spec in config.candidates {
            switch spec.rule {
            case .quantiles(let column, _), .bins(let column, _, _):
                let values = try frame.numericColumn(column, key: spec.path)
                let pairs = zip(values, effectHat).filter { !$0.0.isMissing }
                if let rho = RankCorrelation.spearman(pairs.map(\.0), pairs.map(\.1)) {
                    association[spec.name] = abs(rho)
                }
            case .categorical:
                if let grouping = groupings.first(where: { $0.name == spec.name }),
                    let eta = EtaSquared.compute(
                        values: effectHat, codes: grouping.codes, groupCount: grouping.groupCount),
                    grouping.groupCount < frame.rowCount / 2
                {
                    association[spec.name] = eta
                }
            case .cross, .additive:
                continue
            }
        }
        return association
    }
}
