import Foundation

/// The LOO comparison of fitted models, as `az.compare(method="stacking", scale="log")`
/// plus the loo package's uncertainty of the differences (Sivula, Magnusson & Vehtari 2022,
/// "Uncertainty in Bayesian leave-one-out cross-validation based model comparison"):
///
///     rank      by elpd_loo, best first (rank 1)
///     elpd_diff = elpd_best − elpd_this (≥ 0),  d_looic = 2 · elpd_diff
///     se        = the model's own LOO standard error (`StandardError.ofSum`)
///     dse       = √(N · population variance of (elpd_best,i − elpd_this,i))
///     weight    = stacking weights (`StackingWeights`)
///     p_worse   = Φ(−elpd_diff / dse)
///     diag      = the reasons that normal approximation is unreliable (`ComparisonDiagnostic`)
public enum ModelComparison {
    /// elpd differences below this many log units are "small" (loo's rule of thumb).
    public static let smallDifference = 4.0
    /// Fewer observations than this make the normal approximation unreliable.
    public static let minimumObservations = 100

    /// - Parameters:
    ///   - names: one name per model.
    ///   - pointwiseElpd: `[model][observation]`, on the same observations in the same order.
    ///   - paretoKBad: per model, whether its PSIS cross-check has k above its threshold.
    /// - Returns: the rows, rank 1 first (ties keep the input order).
    public static func compare(
        names: [String], pointwiseElpd: [[Double]], paretoKBad: [Bool]? = nil
    ) -> [ComparisonRow] {
        let modelCount = names.count
        guard modelCount > 0 else { return [] }
        let observations = pointwiseElpd[0].count
        let elpd = pointwiseElpd.map { NeumaierSum.of($0) }
        let order = (0..<modelCount).sorted { elpd[$0] > elpd[$1] || (elpd[$0] == elpd[$1] && $0 < $1) }
        let weights = StackingWeights.compute(pointwiseElpd: pointwiseElpd)
        let best = order[0]
        return order.enumerated().map { position, model in
            let values = pointwiseElpd[model]
            let elpdDiff = model == best ? 0 : max(elpd[best] - elpd[model], 0)
            let dse = model == best ? 0 : StandardError.ofSum(zip(pointwiseElpd[best], values).map { $0 - $1 })
            var row = ComparisonRow(
                name: names[model], rank: position + 1, elpdLoo: elpd[model], looic: -2 * elpd[model],
                elpdDiff: elpdDiff, dLooic: 2 * elpdDiff, se: StandardError.ofSum(values), dse: dse,
                weight: weights[model])
            row.pWorse = model == best ? 0 : probabilityWorse(elpdDiff: elpdDiff, dse: dse)
            row.diag = diagnostics(
                isBest: model == best, elpdDiff: elpdDiff, observations: observations,
                paretoKBad: (paretoKBad?[model] ?? false) || (paretoKBad?[best] ?? false))
            return row
        }
    }

    /// Φ(−elpd_diff/dse); without spread in the differences, 1 when they differ, ½ when not.
    public static func probabilityWorse(elpdDiff: Double, dse: Double) -> Double {
        guard dse > 0 else { return elpdDiff > 0 ? 1 : 0.5 }
        return 0.5 * erfc(elpdDiff / dse / 2.0.squareRoot())
    }

    /// The loo package's flags on a comparison row (none on the best's own row).
    public static func diagnostics(isBest: Bool, elpdDiff: Double, observations: Int, paretoKBad: Bool)
        -> [ComparisonDiagnostic]
    {
        guard !isBest else { return [] }
        var flags: [ComparisonDiagnostic] = []
        if observations < minimumObservations { flags.append(.nBelow100) }
        if elpdDiff < smallDifference { flags.append(.smallDifference) }
        if paretoKBad { flags.append(.paretoK) }
        return flags
    }
}

/// Why a comparison row's normal approximation is unreliable (contract, schema 2).
public enum ComparisonDiagnostic: String, Codable, Sendable, Equatable, CaseIterable {
    /// Fewer than 100 creators.
    case nBelow100 = "n_below_100"
    /// elpd_diff below 4: the difference is small, and its se is poorly estimated.
    case smallDifference = "small_difference"
    /// The PSIS cross-check has Pareto k above its threshold for this model or the best.
    case paretoK = "pareto_k"
}
