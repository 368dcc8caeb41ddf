import Foundation

/// The contract's hierarchical model, fitted per candidate on the ITEs:
///
///     y_i ~ Normal(theta_i, se_i),  theta_i ~ Normal(mu_group[g_i], tau)
///     mu_group[g] ~ Normal(mu, sigma_group),  mu ~ Normal(0, 5 s)
///     sigma_group ~ HalfNormal(s),  tau ~ HalfNormal(s)
///
/// sampled exactly and independently by `GridSampler` on the adaptive grid of
/// `PosteriorGrid` (see there why), then summarised per creator by `CreatorPosterior`
/// (theta and PSIS-LOO on the theta-integrated likelihood) and diagnosed by
/// `ChainDiagnostics`.
public enum HierarchicalModel {
    /// - Parameters:
    ///   - data: the candidate's creators (every code ≥ 0).
    ///   - labels: group labels, indexed by code (used for `groups`); defaults to G1…Gk.
    ///   - priors: defaults from `Priors.default(effects:ses:)`.
    ///   - settings: chains, draws, seed (warmup is unused: the draws are exact).
    ///   - progress: called on the calling thread with a line per stage.
    /// - Returns: the fit; never NaN in its summaries.
    /// - Complexity: O(N·(grid tau nodes) + N·S) time, O(N + S·G) memory.
    public static func fit(
        _ data: HierarchicalModelData, labels: [String]? = nil, priors: Priors? = nil,
        settings: SamplerSettings = SamplerSettings(), progress: ((String) -> Void)? = nil
    ) -> HierarchicalFit {
        let priors = priors ?? Priors.default(effects: data.effects, ses: data.ses)
        let scale = priors.tauScale
        var cleaned = data
        let seFloor = 1e-12 * max(scale, Double.leastNormalMagnitude)
        cleaned.ses = data.ses.map { $0.isFinite && $0 > seFloor ? $0 : seFloor }
        let labels = labels ?? (0..<data.groupCount).map { "G\($0 + 1)" }

        progress?("grid: locating the posterior of (tau, sigma_group)")
        let grid = PosteriorGrid.build(data: cleaned, priors: priors)
        progress?(
            "grid: \(grid.logTau.count) x \(grid.logSigma.count) nodes after \(grid.zoomRounds) rounds; "
                + "sampling \(settings.chains) x \(settings.draws) draws")
        let draws = GridSampler.sample(grid: grid, priors: priors, settings: settings)
        progress?("creators: theta and PSIS-LOO for \(data.count) creators")
        let creators = CreatorPosterior.compute(data: cleaned, draws: draws, seed: settings.seed)

        let total = settings.totalDraws
        let loo = LeaveOneOut.summarize(
            elpd: creators.elpd, lppd: creators.lppd, paretoK: creators.paretoK, sampleCount: total)
        func chains(_ flat: [Double]) -> [[Double]] {
            (0..<settings.chains).map { Array(flat[($0 * settings.draws)..<(($0 + 1) * settings.draws)]) }
        }
        var parameters: [(name: String, chains: [[Double]])] = [
            ("mu", chains(draws.mu)), ("tau", chains(draws.tau)), ("sigma_group", chains(draws.sigmaGroup)),
        ]
        for (g, values) in draws.muGroup.enumerated() {
            parameters.append(("mu_group[\(labels[g])]", chains(values)))
        }
        let diagnostics = ChainDiagnostics.summarize(parameters)
        let sizes = cleaned.groupSizes()
        let groups = draws.muGroup.enumerated().map { g, values in
            let summary = meanSD(values)
            let hdi = SampleQuantile.hdi(values, prob: 0.95)
            return PosteriorGroup(
                label: labels[g], count: sizes[g], mean: summary.mean, sd: summary.sd, hdiLow: hdi.low,
                hdiHigh: hdi.high)
        }
        let description =
            "exact independent draws: (tau, sigma_group) from an adaptive \(grid.logTau.count) x "
            + "\(grid.logSigma.count) grid of their marginal posterior (tau on nodes, sigma jittered in its cell), "
            + "mu, mu_group and theta from their Gaussian conditionals; warmup unused"
        return HierarchicalFit(
            chains: settings.chains, drawsPerChain: settings.draws, priors: priors, mu: draws.mu, tau: draws.tau,
            sigmaGroup: draws.sigmaGroup, muGroup: draws.muGroup, thetaMean: creators.thetaMean,
            thetaSD: creators.thetaSD, thetaLower: creators.thetaLower, thetaUpper: creators.thetaUpper,
            pointwiseElpd: creators.elpd, pointwiseLppd: creators.lppd, paretoK: creators.paretoK, loo: loo,
            diagnostics: diagnostics, muSummary: meanSD(draws.mu), tauSummary: meanSD(draws.tau),
            sigmaGroupSummary: meanSD(draws.sigmaGroup), groups: groups, samplerDescription: description)
    }

    /// Mean and sd (ddof 1, as ArviZ's summary) of draws.
    static func meanSD(_ values: [Double]) -> MeanSD {
        let n = Double(values.count)
        let mean = NeumaierSum.of(values) / n
        var squares = 0.0
        for value in values { squares += (value - mean) * (value - mean) }
        return MeanSD(mean: mean, sd: n > 1 ? (squares / (n - 1)).squareRoot() : 0)
    }
}
