/// Everything a run computed: the snapshot plus the per-row data the charts and
/// `estimates.csv` need (kept out of `results.json`, which stays small).
public struct AnalysisOutput: Sendable {
    public var results: Results
    public var frame: AnalysisFrame
    /// Candidate groupings in results order.
    public var groupings: [Grouping]
    /// Per candidate name, the per-creator posterior of its fitted model.
    public var creatorEstimates: [String: CreatorEstimates]
    /// The model `estimates.csv` is written for (the recommended grouping, `ungrouped` with
    /// pool_ungrouped, else the best by LOO).
    public var estimatesGrouping: String?
    /// Schema 2: the fits themselves (by model name, `ungrouped` included), for the charts.
    public var fits: [String: HierarchicalFit] = [:]
    /// The hyperparameters' exact marginal posteriors of the `estimatesGrouping` model, with
    /// their priors (the prior-and-posterior chart).
    public var densities: [MarginalDensity] = []
    /// Seconds per phase, for the methods appendix (not in results.json: it would break
    /// the reproducibility of the snapshot).
    public var timings: [PhaseTiming]
}

/// Per-creator results of one candidate's model, aligned with the analysed rows
/// (NaN for rows outside the fit, i.e. without a label).
public struct CreatorEstimates: Sendable {
    public var mean: [Double]
    public var sd: [Double]
    public var lower: [Double]
    public var upper: [Double]
    /// Shrinkage per creator (NaN outside the fit) and in percent (NaN also where effect_hat = 0).
    public var shrinkage: [Double]
    public var shrinkagePercent: [Double]
    public var precision: [Double]
    /// Schema 2: pooling factor, LOO-PIT and the PSIS cross-check's Pareto k per creator,
    /// and the cell (group) each creator's estimate pools toward (nil outside the fit).
    public var pooling: [Double] = []
    public var pit: [Double] = []
    public var paretoK: [Double] = []
    public var groupLabel: [String?] = []

    public init(
        mean: [Double], sd: [Double], lower: [Double], upper: [Double], shrinkage: [Double], shrinkagePercent: [Double],
        precision: [Double]
    ) {
        self.mean = mean
        self.sd = sd
        self.lower = lower
        self.upper = upper
        self.shrinkage = shrinkage
        self.shrinkagePercent = shrinkagePercent
        self.precision = precision
    }
}
