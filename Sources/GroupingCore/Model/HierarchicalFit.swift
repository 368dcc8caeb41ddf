/// One candidate's fitted hierarchical model: the draws, the per-creator posteriors, PSIS-LOO
/// and the convergence diagnostics.
///
/// Draw arrays are flat in chain-major order: index `chain · drawsPerChain + draw`.
public struct HierarchicalFit: Sendable {
    public var chains: Int
    public var drawsPerChain: Int
    public var priors: Priors
    public var mu: [Double]
    public var tau: [Double]
    public var sigmaGroup: [Double]
    /// [group][draw]
    public var muGroup: [[Double]]

    /// Per creator (rows of `HierarchicalModelData`): posterior mean and sd of theta_i and
    /// its central 95% interval (2.5% and 97.5% quantiles).
    public var thetaMean: [Double]
    public var thetaSD: [Double]
    public var thetaLower: [Double]
    public var thetaUpper: [Double]
    /// Per creator: PSIS-LOO elpd_i, log pointwise predictive density and Pareto k.
    public var pointwiseElpd: [Double]
    public var pointwiseLppd: [Double]
    public var paretoK: [Double]

    public var loo: LOOSummary
    public var diagnostics: ConvergenceDiagnostics
    public var muSummary: MeanSD
    public var tauSummary: MeanSD
    public var sigmaGroupSummary: MeanSD
    /// Per group: mean, sd and 95% HDI of mu_group (labels as given to `fit`).
    public var groups: [PosteriorGroup]
    /// How the posterior was sampled, in words (for the report and `model.sampler`).
    public var samplerDescription: String

    /// The draws of one parameter as `[chain][draw]`.
    public func chainsOf(_ flat: [Double]) -> [[Double]] {
        (0..<chains).map { Array(flat[($0 * drawsPerChain)..<(($0 + 1) * drawsPerChain)]) }
    }

    /// The Phase 4 part of results.json's `hbm` (Phase 5 fields are filled elsewhere).
    public func hbmResult() -> HBMResult {
        var result = HBMResult(skipped: nil)
        result.groups = groups
        result.mu = muSummary
        result.tau = tauSummary
        result.sigmaGroup = sigmaGroupSummary
        result.diagnostics = diagnostics
        result.loo = loo
        return result
    }
}
