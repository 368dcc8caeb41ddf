/// The imputation estimator's results: per-creator effects with standard errors, the
/// overall ATT, the fitted two-way fixed effects, and what was dropped.
public struct PanelEstimate: Sendable {
    // MARK: Per estimated creator, in the order of `PanelObservations.creatorIDs`

    public var creatorIDs: [String]
    /// Index of each estimated creator in `PanelObservations.creatorIDs`.
    public var creatorCodes: [Int32]
    /// Mean of the imputed effects y_it − α̂_i − β̂_t over the creator's treated periods
    /// (within the event window).
    public var effectHat: [Double]
    /// Standard error of `effectHat` (small-sample inflated, times `seMultiplier`; see
    /// `ImputationEstimator`).
    public var se: [Double]
    /// σ̂²_i: residual variance of the creator's untreated observations, dof n_pre − 1.
    public var residualVariance: [Double]
    /// n_pre: the creator's untreated observations (all of them fitted).
    public var prePeriods: [Int32]
    /// n_post: the treated observations averaged into `effectHat`.
    public var postPeriods: [Int32]

    // MARK: Summary

    /// Treated creators without an estimate, by reason (reasons with a count only, in the
    /// order of `PanelDropReason`).
    public var dropped: [DropCount]
    /// ATT: the mean imputed effect over all treated observations that enter some
    /// `effectHat` (so creators are weighted by `postPeriods`).
    public var att: Double
    /// Standard error of `att` (not scaled by `seMultiplier`).
    public var attSe: Double

    // MARK: The two-way fixed-effects fit on the untreated observations

    /// α̂_i per creator of `PanelObservations.creatorIDs`; nil for creators outside the fit
    /// (no untreated observation, or not connected).
    public var creatorEffects: [Double?]
    /// The distinct periods of the panel, ascending.
    public var periodValues: [Int]
    /// β̂_t per entry of `periodValues`, with β̂ = 0 for the earliest fitted period; nil for
    /// periods without an untreated observation in the fit.
    public var periodEffects: [Double?]
    /// Iterations of the solver: 0, the normal equations are solved directly.
    public var iterations: Int
    /// The method, in words, for the report.
    public var method: String

    // MARK: Counts

    /// Creators with at least one observation.
    public var creators: Int
    /// Creators with a first treated period (whether or not estimated).
    public var treatedCreators: Int
    /// All observations.
    public var observations: Int
    /// Untreated observations used by the fit.
    public var fitObservations: Int
    /// Treated observations averaged into the effects (the ATT's denominator).
    public var treatedObservations: Int
    /// Treated observations in the window of estimated creators left out because their
    /// period has no estimated effect.
    public var unimputedObservations: Int
    public var settings: ImputationSettings

    /// The summary that `results.json` archives under `panel`.
    ///
    /// - Parameter rawCoverage: The share of creators whose true effect lies in
    ///   effect_hat ± 1.96 se, when a truth file was given (see `rawCoverage(truth:)`).
    public func panelEstimation(rawCoverage: Double? = nil) -> PanelEstimation {
        PanelEstimation(
            method: method, creators: creators, treatedCreators: treatedCreators,
            observations: observations, att: att, attSe: attSe, seMultiplier: settings.seMultiplier,
            iterations: iterations, rawCoverage: rawCoverage)
    }

    /// The share of estimated creators with a known true effect whose true effect lies in
    /// effect_hat ± 1.96 se; nil when no estimated creator has a true effect.
    ///
    /// - Parameter truth: True effect per creator ID.
    /// - Returns: The coverage and the number of creators it was computed over.
    public func rawCoverage(truth: [String: Double]) -> (coverage: Double, creators: Int)? {
        var covered = 0
        var total = 0
        for (k, id) in creatorIDs.enumerated() {
            guard let trueEffect = truth[id], trueEffect.isFinite else { continue }
            total += 1
            if Swift.abs(effectHat[k] - trueEffect) <= 1.96 * se[k] { covered += 1 }
        }
        return total == 0 ? nil : (Double(covered) / Double(total), total)
    }
}
