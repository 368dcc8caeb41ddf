/// Phases 4 and 5 as the pipeline runs them: one hierarchical model per candidate on its
/// labelled creators, then separation, shrinkage and coverage, then the LOO comparison.
///
/// Every candidate shares one set of priors, scaled by s = the sample sd of effect_hat over
/// all analysed creators, so the LOO comparison compares groupings, not priors.
struct ModelPhase {
    let config: AnalysisConfig
    let effectHat: [Double]
    let se: [Double]
    let truth: [Double]?
    let progress: @Sendable (String) -> Void
    let priors: Priors

    init(
        config: AnalysisConfig, effectHat: [Double], se: [Double], truth: [Double]?,
        progress: @escaping @Sendable (String) -> Void
    ) {
        self.config = config
        self.effectHat = effectHat
        self.se = se
        self.truth = truth
        self.progress = progress
        var priors = Priors.default(effects: effectHat, ses: se)
        let model = config.model
        if model.muSD != nil || model.sigmaGroupScale != nil || model.tauScale != nil {
            priors = Priors(
                muSD: model.muSD ?? priors.muSD, sigmaGroupScale: model.sigmaGroupScale ?? priors.sigmaGroupScale,
                tauScale: model.tauScale ?? priors.tauScale, origin: priors.origin + "; overridden by model.priors")
        }
        self.priors = priors
    }

    /// One candidate's Phase 4 and 5 outcome.
    struct CandidateFit {
        var hbm: HBMResult
        var posterior: CreatorEstimates?
        /// Analysed-row indices of the fitted creators, and their pointwise elpd_loo.
        var rows: [Int] = []
        var pointwiseElpd: [Double] = []
        var samplerDescription: String = ""
    }

    var settings: SamplerSettings {
        SamplerSettings(
            chains: config.model.chains, draws: config.model.draws, warmup: config.model.warmup, seed: config.model.seed
        )
    }

    func fitAll(_ groupings: [Grouping]) -> [CandidateFit] {
        groupings.enumerated().map { index, grouping in
            let prefix = "Phase 4 [\(index + 1)/\(groupings.count)] \(grouping.name)"
            let fit = fit(grouping, progress: { progress("\(prefix): \($0)") })
            if let reason = fit.hbm.skipped { progress("\(prefix): skipped — \(reason)") }
            return fit
        }
    }

    func fit(_ grouping: Grouping, progress: @escaping (String) -> Void) -> CandidateFit {
        let rows = grouping.codes.indices.filter { grouping.codes[$0] >= 0 }
        let counts = grouping.counts()
        guard let smallest = counts.min(), !rows.isEmpty else {
            return CandidateFit(hbm: HBMResult(skipped: "no creator has a label"))
        }
        if smallest < config.thresholds.minGroupSizeHbm {
            let small = zip(grouping.labels, counts).filter { $0.1 < config.thresholds.minGroupSizeHbm }
            return CandidateFit(
                hbm: HBMResult(
                    skipped:
                        "smallest group has \(smallest) creator\(smallest == 1 ? "" : "s"), fewer than min_group_size_hbm = \(config.thresholds.minGroupSizeHbm) ("
                        + small.prefix(5).map { "\($0.0): \($0.1)" }.joined(separator: ", ")
                        + (small.count > 5 ? ", …" : "") + ")"))
        }
        let y = rows.map { effectHat[$0] }
        let s = rows.map { se[$0] }
        let data = HierarchicalModelData(
            effects: y, ses: s, codes: rows.map { grouping.codes[$0] }, groupCount: grouping.groupCount)
        let fit = HierarchicalModel.fit(
            data, labels: grouping.labels, priors: priors, settings: settings, progress: progress)
        var hbm = fit.hbmResult()
        hbm.separation = PosteriorSeparation.compute(fit.groups)
        let shrinkage = ShrinkageAnalysis(effectHat: y, se: s, posteriorMean: fit.thetaMean)
        hbm.shrinkage = shrinkage.summary
        if let truth {
            hbm.coverage = CoverageCheck.compute(
                truth: rows.map { truth[$0] }, lower: fit.thetaLower, upper: fit.thetaUpper, effectHat: y, se: s)
        }
        let n = effectHat.count
        var estimates = CreatorEstimates(
            mean: .init(repeating: .nan, count: n), sd: .init(repeating: .nan, count: n),
            lower: .init(repeating: .nan, count: n), upper: .init(repeating: .nan, count: n),
            shrinkage: .init(repeating: .nan, count: n), shrinkagePercent: .init(repeating: .nan, count: n),
            precision: .init(repeating: .nan, count: n))
        for (k, row) in rows.enumerated() {
            estimates.mean[row] = fit.thetaMean[k]
            estimates.sd[row] = fit.thetaSD[k]
            estimates.lower[row] = fit.thetaLower[k]
            estimates.upper[row] = fit.thetaUpper[k]
            estimates.shrinkage[row] = shrinkage.shrinkage[k]
            estimates.shrinkagePercent[row] = shrinkage.shrinkagePercent[k]
            estimates.precision[row] = shrinkage.precision[k]
        }
        return CandidateFit(
            hbm: hbm, posterior: estimates, rows: rows, pointwiseElpd: fit.pointwiseElpd,
            samplerDescription: fit.samplerDescription)
    }

    /// The LOO comparison of the fitted candidates. Pointwise elpd must refer to the same
    /// creators: when candidates leave different creators unlabelled, the comparison uses the
    /// creators every fitted candidate labels, and says so.
    func compare(groupings: [Grouping], fits: [CandidateFit]) -> ([ComparisonRow], String?) {
        let fitted = fits.indices.filter { fits[$0].hbm.skipped == nil && !fits[$0].rows.isEmpty }
        guard !fitted.isEmpty else { return ([], nil) }
        let n = effectHat.count
        var coveredBy = [Int](repeating: 0, count: n)
        for index in fitted { for row in fits[index].rows { coveredBy[row] += 1 } }
        let common = (0..<n).filter { coveredBy[$0] == fitted.count }
        guard !common.isEmpty else {
            return ([], "No creator is labelled by every fitted candidate: the LOO comparison was not made")
        }
        let pointwise: [[Double]] = fitted.map { index in
            var byRow = [Double](repeating: .nan, count: n)
            for (k, row) in fits[index].rows.enumerated() { byRow[row] = fits[index].pointwiseElpd[k] }
            return common.map { byRow[$0] }
        }
        let rows = ModelComparison.compare(names: fitted.map { groupings[$0].name }, pointwiseElpd: pointwise)
        let note =
            common.count < n
            ? "The LOO comparison uses the \(common.count) of \(n) creators that every fitted candidate labels" : nil
        return (rows, note)
    }

    func settingsEcho(description: String) -> ModelSettingsEcho {
        ModelSettingsEcho(
            chains: config.model.chains, draws: config.model.draws, warmup: config.model.warmup,
            seed: config.model.seed,
            sampler: description, priors: priors.echo)
    }
}
