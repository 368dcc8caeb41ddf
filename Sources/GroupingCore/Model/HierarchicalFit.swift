import Foundation

/// One model's fit: exact per-creator posteriors and LOO from the grid quadrature, the
/// hyperparameters' exact moments, the draws' convergence table and the PSIS cross-check.
public struct HierarchicalFit: Sendable {
    public var spec: ModelSpec
    public var chains: Int
    public var drawsPerChain: Int
    public var priors: Priors

    /// Per creator (rows of the model's data): theta's posterior mean, sd and central 95%
    /// interval (exact mixture quantiles), exact LOO elpd_i and lppd_i, LOO-PIT_i, the
    /// pooling factor and the PSIS cross-check's Pareto k (NaN outside its subsample).
    public var thetaMean: [Double]
    public var thetaSD: [Double]
    public var thetaLower: [Double]
    public var thetaUpper: [Double]
    public var pointwiseElpd: [Double]
    public var pointwiseLppd: [Double]
    public var pit: [Double]
    public var pooling: [Double]
    public var paretoK: [Double]

    public var loo: LOOSummary
    public var looPIT: LOOPITResult
    public var pitBand: LOOPITTest.Band
    public var diagnostics: ConvergenceDiagnostics
    public var grid: GridDiagnostics
    /// Exact posterior mean and sd of mu and of each hyperparameter (grid order).
    public var muSummary: MeanSD
    public var hyperparameters: [NamedMeanSD]
    /// Per cell (group for the one-way model, occupied combination for the additive one):
    /// exact mean and sd of its latent mean, 95% HDI from the draws.
    public var groups: [PosteriorGroup]
    /// The additive model's effects a[j], b[k] (exact mean and sd); empty otherwise.
    public var effects: [NamedMeanSD]
    public var summaryTable: [PosteriorSummaryRow]
    public var trueShare: Double?
    public var groupPooling: [GroupPooling]
    public var sensitivity: [SensitivityResult]
    /// The hyperparameters' marginal posteriors on the grid (for the prior/posterior chart).
    public var marginals: [HyperparameterMarginal]
    public var samplerDescription: String
    /// Per hyperparameter, the extent in log φ of the grid used.
    public var gridRanges: [ClosedRange<Double>] = []
    /// The fit's data and draws, for checks that need them after the fit (coverage).
    var context: ModelContext? = nil
    var draws: PosteriorDraws? = nil

    /// The distribution of interval coverage a well-specified model would show on these
    /// creators: for each of (up to) 400 posterior draws s, theta_i is drawn from its exact
    /// conditional given draw s (N((1 − B) y_i + B eta_{c,s}, se² tau_s²/v)) and the share
    /// of creators (those with `include`) inside their 95% intervals is recorded. The shared
    /// hyperparameters make these shares vary far more than a binomial count would, which
    /// is what a fixed threshold misses. Sorted ascending.
    public func posteriorCoverage(include: [Bool], seed: UInt64) -> [Double] {
        guard let context, let draws else { return [] }
        let s = draws.chains * draws.drawsPerChain
        let stride = max(1, s / 400)
        var generator = SeededGenerator(seed: seed, stream: 0x434F_5645)
        let rows = include.indices.filter { include[$0] }
        guard !rows.isEmpty else { return [] }
        var shares: [Double] = []
        for d in Swift.stride(from: 0, to: s, by: stride) {
            let tau2 = draws.hyperparameters[0][d] * draws.hyperparameters[0][d]
            var inside = 0
            for i in rows {
                let se2 = context.seSquared[i]
                let v = se2 + tau2
                let b = se2 / v
                let eta = draws.cells[Int(context.layout.cellOf[i])][d]
                let theta =
                    context.effects[i] + b * (eta - context.effects[i])
                    + (se2 * tau2 / v).squareRoot() * RandomVariates.standardNormal(using: &generator)
                if theta >= thetaLower[i] && theta <= thetaUpper[i] { inside += 1 }
            }
            shares.append(Double(inside) / Double(rows.count))
        }
        return shares.sorted()
    }

    /// The Phase 4 part of results.json's `hbm` (Phase 5 fields are filled elsewhere).
    public func hbmResult() -> HBMResult {
        var result = HBMResult(skipped: nil)
        result.model = spec.form.rawValue
        result.groups = groups
        result.mu = muSummary
        result.tau = hyperparameters.first?.summary
        result.sigmaGroup = spec.form == .oneWay ? hyperparameters.dropFirst().first?.summary : nil
        result.scales = hyperparameters
        result.effects = effects
        var diagnostics = diagnostics
        diagnostics.grid = grid
        result.diagnostics = diagnostics
        result.loo = loo
        result.looPIT = looPIT
        result.trueShare = trueShare
        result.pooling = PoolingResult(
            mean: pooling.isEmpty ? 0 : NeumaierSum.of(pooling) / Double(pooling.count),
            median: pooling.isEmpty ? 0 : SampleQuantile.type7(pooling, 0.5), groups: groupPooling)
        result.sensitivity = sensitivity
        result.summary = summaryTable
        return result
    }
}

/// A named posterior mean and sd (a hyperparameter or an effect).
public struct NamedMeanSD: Codable, Sendable, Equatable {
    public var name: String
    public var mean: Double
    public var sd: Double
    public init(name: String, mean: Double, sd: Double) {
        self.name = name
        self.mean = mean
        self.sd = sd
    }
    public var summary: MeanSD { MeanSD(mean: mean, sd: sd) }
}

/// A group's pooling factor (baggr): the posterior mean of v_g / (v_g + sigma²), v_g the
/// variance of the group's precision-weighted mean effect.
public struct GroupPooling: Codable, Sendable, Equatable {
    public var label: String
    public var pooling: Double
    public init(label: String, pooling: Double) {
        self.label = label
        self.pooling = pooling
    }
}

/// results.json `pooling`.
public struct PoolingResult: Codable, Sendable, Equatable {
    /// Mean and median over creators of the creator pooling factor se²/(se² + tau²).
    public var mean: Double
    public var median: Double
    public var groups: [GroupPooling]
    public init(mean: Double, median: Double, groups: [GroupPooling]) {
        self.mean = mean
        self.median = median
        self.groups = groups
    }
}

/// A hyperparameter's marginal posterior on the grid: density per lattice value of log φ
/// (natural-scale values, mass per value).
public struct HyperparameterMarginal: Sendable, Equatable {
    public var name: String
    public var values: [Double]
    public var mass: [Double]
    /// The prior's scale (half-normal).
    public var priorScale: Double
    /// The half-normal prior's density at each of `points`: 2 φ(x / s) / s for x ≥ 0.
    public func priorDensity(at points: [Double]) -> [Double] {
        points.map { x in
            guard priorScale > 0, x >= 0 else { return 0 }
            let z = x / priorScale
            return 2 * exp(-z * z / 2) / (priorScale * (2 * Double.pi).squareRoot())
        }
    }
}

extension HierarchicalFit {
    /// tau's exact posterior mean and sd.
    public var tauSummary: MeanSD { hyperparameters.first?.summary ?? MeanSD(mean: 0, sd: 0) }
    /// The one-way model's sigma_group (exact); zero for the ungrouped model.
    public var sigmaGroupSummary: MeanSD {
        hyperparameters.dropFirst().first?.summary ?? MeanSD(mean: 0, sd: 0)
    }
    /// The draws (chain-major: index chain · drawsPerChain + draw) of mu, tau and each
    /// cell's latent mean (mu_group for the one-way model).
    public var mu: [Double] { draws?.mu ?? [] }
    public var tau: [Double] { draws?.hyperparameters.first ?? [] }
    public var muGroup: [[Double]] { draws?.cells ?? [] }
}

extension HierarchicalFit {
    /// The hyperparameters' draws, grid order (tau first), chain-major.
    public var hyperparameterDraws: [[Double]] { draws?.hyperparameters ?? [] }
}
