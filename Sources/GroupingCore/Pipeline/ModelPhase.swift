/// Phases 4 and 5 as the pipeline runs them: the ungrouped baseline on every creator with
/// an ITE, one hierarchical model per candidate on its labelled creators (one-way, or
/// additive for `additive` candidates), then separation, shrinkage and coverage, then the LOO
/// comparison, which always includes `ungrouped`.
///
/// Every model shares one set of priors, scaled by s = the sample sd of effect_hat over
/// all analysed creators, so the LOO comparison compares groupings, not priors.
struct ModelPhase {
    static let baselineName = "ungrouped"

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

    /// One model's Phase 4 and 5 outcome.
    struct CandidateFit {
        var hbm: HBMResult
        var posterior: CreatorEstimates?
        /// Analysed-row indices of the fitted creators, and their pointwise elpd_loo.
        var rows: [Int] = []
        var pointwiseElpd: [Double] = []
        var samplerDescription: String = ""
        var fit: HierarchicalFit? = nil
    }

    var settings: SamplerSettings {
        SamplerSettings(
            chains: config.model.chains, draws: config.model.draws, warmup: config.model.warmup, seed: config.model.seed
        )
    }

    /// The ungrouped baseline on every analysed creator.
    func fitBaseline() -> CandidateFit {
        let prefix = "Phase 4 [baseline] \(Self.baselineName)"
        return fit(
            spec: .ungrouped(), rows: Array(effectHat.indices), progress: { progress("\(prefix): \($0)") })
    }

    /// Every candidate's fit, several at a time (each fit is a pure function of its inputs and
    /// the run's seed, so the results do not depend on the order they finish in; small fits
    /// leave cores idle when run one after another). Progress lines may interleave.
    func fitAll(_ groupings: [Grouping]) -> [CandidateFit] {
        let phase = self
        return parallelMap(count: groupings.count) { index in
            let grouping = groupings[index]
            let prefix = "Phase 4 [\(index + 1)/\(groupings.count)] \(grouping.name)"
            let fit = phase.fit(grouping, progress: { phase.progress("\(prefix): \($0)") })
            if let reason = fit.hbm.skipped { phase.progress("\(prefix): skipped — \(reason)") }
            return fit
        }
    }

    func fit(_ grouping: Grouping, progress: @escaping (String) -> Void) -> CandidateFit {
        let minimum = config.thresholds.minGroupSizeHbm
        if let members = grouping.members {
            let rows = grouping.codes.indices.filter { i in members.allSatisfy { $0.codes[i] >= 0 } }
            guard !rows.isEmpty else { return CandidateFit(hbm: HBMResult(skipped: "no creator has both labels")) }
            var factors: [ModelSpec.Factor] = []
            for member in members {
                let factor = Self.factor(member, rows: rows)
                let counts = factor.codes.reduce(into: [Int](repeating: 0, count: factor.levelCount)) { $0[Int($1)] += 1 }
                if let smallest = counts.min(), smallest < minimum {
                    return CandidateFit(
                        hbm: HBMResult(
                            skipped:
                                "the smallest level of \(member.name) has \(smallest) creator\(smallest == 1 ? "" : "s"), fewer than min_group_size_hbm = \(minimum)"
                        ))
                }
                factors.append(factor)
            }
            return fit(spec: .additive(factors[0], factors[1]), rows: rows, progress: progress)
        }
        let rows = grouping.codes.indices.filter { grouping.codes[$0] >= 0 }
        let counts = grouping.counts()
        guard let smallest = counts.min(), !rows.isEmpty else {
            return CandidateFit(hbm: HBMResult(skipped: "no creator has a label"))
        }
        if smallest < minimum {
            let small = zip(grouping.labels, counts).filter { $0.1 < minimum }
            return CandidateFit(
                hbm: HBMResult(
                    skipped:
                        "smallest group has \(smallest) creator\(smallest == 1 ? "" : "s"), fewer than min_group_size_hbm = \(minimum) ("
                        + small.prefix(5).map { "\($0.0): \($0.1)" }.joined(separator: ", ")
                        + (small.count > 5 ? ", …" : "") + ")"))
        }
        let factor = ModelSpec.Factor(
            name: grouping.name, codes: rows.map { grouping.codes[$0] }, labels: grouping.labels)
        return fit(spec: .oneWay(factor), rows: rows, progress: progress)
    }

    /// A member's codes on `rows`, re-coded to the levels those rows use.
    static func factor(_ grouping: Grouping, rows: [Int]) -> ModelSpec.Factor {
        var used = [Bool](repeating: false, count: grouping.groupCount)
        for row in rows { used[Int(grouping.codes[row])] = true }
        var remap = [Int32](repeating: -1, count: grouping.groupCount)
        var labels: [String] = []
        for (level, isUsed) in used.enumerated() where isUsed {
            remap[level] = Int32(labels.count)
            labels.append(grouping.labels[level])
        }
        return ModelSpec.Factor(
            name: grouping.name, codes: rows.map { remap[Int(grouping.codes[$0])] }, labels: labels)
    }

    /// Fits `spec` on `rows` and adds Phase 5.
    func fit(spec: ModelSpec, rows: [Int], progress: @escaping (String) -> Void) -> CandidateFit {
        let y = rows.map { effectHat[$0] }
        let s = rows.map { se[$0] }
        let fit = HierarchicalModel.fit(spec: spec, effects: y, ses: s, priors: priors, settings: settings, progress: progress)
        var hbm = fit.hbmResult()
        if spec.form != .ungrouped { hbm.separation = PosteriorSeparation.compute(fit.groups) }
        let shrinkage = ShrinkageAnalysis(effectHat: y, se: s, posteriorMean: fit.thetaMean)
        hbm.shrinkage = shrinkage.summary
        if let truth {
            let modelTruth = rows.map { truth[$0] }
            hbm.coverage = CoverageCheck.compute(
                truth: modelTruth, lower: fit.thetaLower, upper: fit.thetaUpper, effectHat: y, se: s)
            let shares = fit.posteriorCoverage(include: modelTruth.map { !$0.isMissing }, seed: settings.seed)
            if !shares.isEmpty {
                hbm.coverage?.plausibleLow = shares[min(shares.count - 1, Int(0.005 * Double(shares.count)))]
            }
        }
        let n = effectHat.count
        var estimates = CreatorEstimates(
            mean: .init(repeating: .nan, count: n), sd: .init(repeating: .nan, count: n),
            lower: .init(repeating: .nan, count: n), upper: .init(repeating: .nan, count: n),
            shrinkage: .init(repeating: .nan, count: n), shrinkagePercent: .init(repeating: .nan, count: n),
            precision: .init(repeating: .nan, count: n))
        estimates.pooling = .init(repeating: .nan, count: n)
        estimates.pit = .init(repeating: .nan, count: n)
        estimates.paretoK = .init(repeating: .nan, count: n)
        estimates.groupLabel = .init(repeating: nil, count: n)
        let layout = CellLayout(spec: spec, count: rows.count)
        let labels = HierarchicalModel.cellLabels(spec: spec, layout: layout)
        let cellOf = layout.cellOf
        for (k, row) in rows.enumerated() {
            estimates.mean[row] = fit.thetaMean[k]
            estimates.sd[row] = fit.thetaSD[k]
            estimates.lower[row] = fit.thetaLower[k]
            estimates.upper[row] = fit.thetaUpper[k]
            estimates.shrinkage[row] = shrinkage.shrinkage[k]
            estimates.shrinkagePercent[row] = shrinkage.shrinkagePercent[k]
            estimates.precision[row] = shrinkage.precision[k]
            estimates.pooling[row] = fit.pooling[k]
            estimates.pit[row] = fit.pit[k]
            estimates.paretoK[row] = fit.paretoK[k]
            estimates.groupLabel[row] = spec.form == .ungrouped ? nil : labels[Int(cellOf[k])]
        }
        return CandidateFit(
            hbm: hbm, posterior: estimates, rows: rows, pointwiseElpd: fit.pointwiseElpd,
            samplerDescription: fit.samplerDescription, fit: fit)
    }

    /// The LOO comparison of the fitted models (candidates and `ungrouped`). Pointwise elpd
    /// must refer to the same creators: when models leave different creators out, the
    /// comparison uses the creators every fitted model covers, and says so.
    func compare(names: [String], fits: [CandidateFit], versus: inout [String: VersusUngrouped])
        -> ([ComparisonRow], String?)
    {
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
        let kBad = fitted.map { index -> Bool in
            guard let loo = fits[index].hbm.loo else { return false }
            return loo.kMax > loo.kThreshold
        }
        let rows = ModelComparison.compare(
            names: fitted.map { names[$0] }, pointwiseElpd: pointwise, paretoKBad: kBad)
        if let baseline = fitted.firstIndex(where: { names[$0] == Self.baselineName }) {
            for (position, index) in fitted.enumerated() where position != baseline {
                let diffs = zip(pointwise[position], pointwise[baseline]).map { $0 - $1 }
                let diff = NeumaierSum.of(diffs)
                let dse = StandardError.ofSum(diffs)
                versus[names[index]] = VersusUngrouped(
                    elpdDiff: diff, dse: dse, pWorse: ModelComparison.probabilityWorse(elpdDiff: diff, dse: dse))
            }
        }
        let note =
            common.count < n
            ? "The LOO comparison uses the \(common.count) of \(n) creators that every fitted model covers" : nil
        return (rows, note)
    }

    func settingsEcho(description: String) -> ModelSettingsEcho {
        ModelSettingsEcho(
            chains: config.model.chains, draws: config.model.draws, warmup: config.model.warmup,
            seed: config.model.seed,
            sampler: description, priors: priors.echo)
    }
}
