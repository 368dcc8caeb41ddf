import Foundation

/// Per-creator treatment effects from a staggered rollout panel by the imputation
/// estimator of Borusyak, Jaravel & Spiess (2024), "Revisiting Event-Study Designs:
/// Robust and Efficient Estimation", Review of Economic Studies 91(6).
///
/// ## The estimator
///
/// Observations (i, t) with t ≥ E_i, the creator's first treated period, are treated;
/// all others (never-treated creators, and treated creators before E_i) are untreated.
/// Identification rests on BJS's assumptions: parallel trends (untreated outcomes follow
/// α_i + β_t plus mean-zero noise) and no anticipation (outcomes before E_i are untreated).
///
/// 1. Fit y_it = α_i + β_t + ε_it by least squares on the untreated observations only
///    (`TwoWayFit`: the creator effects are eliminated exactly and the T × T normal
///    equations for the period effects are solved directly; β = 0 for the earliest
///    fitted period). Only the connected set of creators and periods with the most
///    untreated observations is fitted (`PeriodConnectivity`).
/// 2. Impute the untreated outcome of every treated observation, ŷ_it(0) = α̂_i + β̂_t, and
///    take its effect τ̂_it = y_it − α̂_i − β̂_t.
/// 3. A creator's `effect_hat` is the mean of τ̂_it over its treated periods Q_i whose
///    event time t − E_i lies in the optional window (n_post = |Q_i|).
/// 4. The ATT is the mean of τ̂_it over all those treated observations (equal weight per
///    treated observation, i.e. creators weighted by n_post), BJS's default weighting.
///
/// ## Standard errors
///
/// Assumptions: ε_it independent across creators and periods, with a variance σ²_i of
/// its own per creator (homoskedastic within a creator, the same before and after
/// treatment); the treatment effects τ_it are fixed, so the target of `effect_hat_i` is
/// the creator's mean realised effect over Q_i.
///
/// With P_i the creator's n_pre untreated periods and c_i = 1_{P_i}/n_pre − 1_{Q_i}/n_post
/// (a contrast over periods, so free of the normalisation of β),
///
///     effect_hat_i − τ̄_i = ε̄_{i,Q} − ε̄_{i,P} + c_iᵀ (β̂ − β),
///
/// and the three terms are uncorrelated (treated errors do not enter the fit, and the
/// creator's untreated mean is uncorrelated with its within-creator deviations, which
/// are all that β̂ uses of it). Hence, exactly under the assumptions,
///
///     Var(effect_hat_i) = σ²_i (1/n_post + 1/n_pre) + c_iᵀ V_β c_i,
///     V_β = M⁻¹ S M⁻¹,   S = Σ_j σ²_j (diag(1_{P_j}) − 1_{P_j}1_{P_j}ᵀ / n_j),
///
/// V_β being the (creator-heteroskedasticity robust) sandwich variance of the period
/// effects, M the reduced normal matrix. The second term matters when few creators are
/// untreated in the creator's periods; with millions of creators it is small but is
/// always included. σ²_i is estimated by σ̂²_i = Σ_{s ∈ P_i} r²_is / (n_pre − 1) from the
/// creator's untreated residuals (n_pre − 1 degrees of freedom: α̂_i uses one; the
/// period effects, estimated from all creators, take a negligible share).
///
/// Because σ̂²_i rests on only n_pre − 1 degrees of freedom, effect_hat ± 1.96·se would
/// under-cover (≈ 90% at n_pre = 7). The reported standard error is therefore the
/// normal-equivalent one: the creator's own term is inflated by (t_{0.975, n_pre−1} /
/// z_{0.975})², so that ± 1.96 se is the Student-t interval for it,
///
///     se_i = m · sqrt( (t_{0.975, n_pre−1} / 1.959964)² · σ̂²_i (1/n_post + 1/n_pre)
///                      + c_iᵀ V̂_β c_i ),
///
/// with V̂_β built from the σ̂²_j, and m the `seMultiplier` (default 1; the playbook's
/// calibration factor, for departures from the assumptions such as serially correlated
/// errors). Creators need n_pre ≥ 2.
///
/// The ATT's variance follows the same way with weights W_i = n_post,i / N₁:
///
///     Var(ATT) = Σ_i W_i² σ²_i (1/n_post,i + 1/n_pre,i) + dᵀ V_β d,   d = Σ_i W_i c_i,
///
/// using σ̂²_i without inflation (the sum averages over many creators) and without the
/// multiplier.
///
/// Both forms were checked against the direct variance of each estimate as a linear
/// function of all observations (scripts/fixtures/imputation_reference.py).
///
/// ## Cost
///
/// O(N + Σ_i n_i² + T³) time (N observations, n_i ≤ T periods per creator) and O(N + C)
/// memory beyond the input; parallel over fixed chunks of creators, so results do not
/// depend on the number of cores.
public enum ImputationEstimator {
    /// The method, in words, for the report.
    public static let methodDescription =
        "imputation estimator (Borusyak, Jaravel & Spiess 2024): two-way fixed effects on "
        + "untreated observations, solved exactly (creator effects eliminated, T×T normal "
        + "equations by Cholesky)"

    /// The standard errors in words, for the report's methods section.
    public static let standardErrorDescription =
        "Per-creator standard errors assume errors independent across creators and periods "
        + "with a variance of their own per creator, the same before and after treatment. "
        + "Var(effect_hat_i) = σ²_i (1/n_post + 1/n_pre) + c_iᵀ V_β c_i, where σ²_i is estimated "
        + "from the creator's untreated residuals with n_pre − 1 degrees of freedom, c_i averages "
        + "the period effects of its untreated periods minus those of its treated periods, and "
        + "V_β is the sandwich variance of the period effects. The creator's own term is "
        + "inflated by (t_{0.975, n_pre−1} / 1.96)² so that effect_hat ± 1.96 se is a Student-t "
        + "interval; the result is multiplied by se_multiplier. The ATT (mean over treated "
        + "observations) has the analogous variance, without inflation or multiplier."

    /// z_{0.975}, the standard normal quantile of the raw 95% interval.
    static let normalQuantile975 = 1.959963984540054

    /// Estimates per-creator effects, their standard errors and the ATT.
    ///
    /// - Parameters:
    ///   - panel: The parsed panel (validated here; errors name the file rows).
    ///   - settings: The optional event window and standard-error multiplier.
    /// - Returns: The estimate, with dropped treated creators counted by reason.
    /// - Throws: `PanelInputError` for bad input, unusable settings, or when no treated
    ///   creator can be estimated.
    /// - Complexity: O(N + Σ_i n_i² + T³); see the type's documentation.
    public static func estimate(
        _ panel: PanelObservations, settings: ImputationSettings = ImputationSettings()
    ) throws -> PanelEstimate {
        try validate(settings)
        let layout = try PanelLayout(validating: panel)
        let connectivity = PeriodConnectivity(layout: layout)
        let fit = try TwoWayFit(layout: layout, connectivity: connectivity)
        let effects = CreatorEffects(
            layout: layout, connectivity: connectivity, fit: fit, window: settings.eventWindow)

        guard !effects.kept.isEmpty else {
            let summary = effects.dropCounts.map { "\($0.count) \($0.reason)" }.joined(separator: ", ")
            throw PanelInputError(
                kind: .nothingEstimable, rows: [], column: panel.columns.firstTreated,
                message: "no treated creator's effect can be estimated"
                    + (summary.isEmpty ? " (no treated creator)" : " (dropped: \(summary))"))
        }
        let variance = StandardErrors(
            layout: layout, connectivity: connectivity, fit: fit, effects: effects,
            window: settings.eventWindow, multiplier: settings.seMultiplier)

        var creatorEffects = [Double?](repeating: nil, count: layout.creatorCount)
        for j in 0..<layout.creatorCount where connectivity.creatorInFit[j] {
            creatorEffects[j] = fit.creatorEffect[j]
        }
        var periodEffects = [Double?](repeating: nil, count: layout.periodCount)
        for t in 0..<layout.periodCount where connectivity.periodInFit[t] {
            periodEffects[t] = fit.periodEffect[t]
        }
        var creators = 0
        var treatedCreators = 0
        for j in 0..<layout.creatorCount where layout.creatorStart[j + 1] > layout.creatorStart[j] {
            creators += 1
            if layout.firstTreated[j] != PanelLayout.never { treatedCreators += 1 }
        }
        let kept = effects.kept.map(Int.init)
        return PanelEstimate(
            creatorIDs: kept.map { panel.creatorIDs[$0] },
            creatorCodes: effects.kept,
            effectHat: kept.map { effects.effectHat[$0] },
            se: variance.se,
            residualVariance: kept.map { fit.residualVariance[$0] },
            prePeriods: kept.map { connectivity.untreatedCount[$0] },
            postPeriods: kept.map { effects.postCount[$0] },
            dropped: effects.dropCounts,
            att: effects.att,
            attSe: variance.attSe,
            creatorEffects: creatorEffects,
            periodValues: layout.periodValues,
            periodEffects: periodEffects,
            iterations: 0,
            method: methodDescription,
            creators: creators,
            treatedCreators: treatedCreators,
            observations: layout.observationCount,
            fitObservations: connectivity.fitObservations,
            treatedObservations: effects.treatedObservations,
            unimputedObservations: effects.unimputedObservations,
            settings: settings)
    }

    private static func validate(_ settings: ImputationSettings) throws {
        if let window = settings.eventWindow, window.lowerBound < 0 {
            throw PanelInputError(
                kind: .invalidSettings, rows: [], column: "window",
                message: "event times start at 0 (the first treated period); "
                    + "\(window.lowerBound)...\(window.upperBound) starts before it")
        }
        if !(settings.seMultiplier.isFinite && settings.seMultiplier > 0) {
            throw PanelInputError(
                kind: .invalidSettings, rows: [], column: "se_multiplier",
                message: "must be a positive number, not \(settings.seMultiplier)")
        }
    }
}
