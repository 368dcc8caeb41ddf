/// The LOO comparison of fitted candidates, as `az.compare(method="stacking", scale="log")`:
///
///     rank      by elpd_loo, best first (rank 1)
///     elpd_diff = elpd_best − elpd_this (≥ 0),  d_looic = 2 · elpd_diff
///     se        = the model's own PSIS-LOO standard error
///     dse       = √(N · population variance of (elpd_best,i − elpd_this,i))
///     weight    = stacking weights (`StackingWeights`)
public enum ModelComparison {
    /// - Parameters:
    ///   - names: one name per model.
    ///   - pointwiseElpd: `[model][observation]`, pointwise elpd_loo of each model on the same
    ///     observations in the same order.
    /// - Returns: the rows, rank 1 first (ties keep the input order).
    public static func compare(names: [String], pointwiseElpd: [[Double]]) -> [ComparisonRow] {
        let modelCount = names.count
        guard modelCount > 0 else { return [] }
        let n = Double(max(pointwiseElpd[0].count, 1))
        let elpd = pointwiseElpd.map { NeumaierSum.of($0) }
        let order = (0..<modelCount).sorted { elpd[$0] > elpd[$1] || (elpd[$0] == elpd[$1] && $0 < $1) }
        let weights = StackingWeights.compute(pointwiseElpd: pointwiseElpd)
        let best = order[0]
        return order.enumerated().map { position, model in
            let values = pointwiseElpd[model]
            let mean = elpd[model] / n
            var squares = 0.0
            for value in values { squares += (value - mean) * (value - mean) }
            let se = (n * squares / n).squareRoot()
            let diffs = zip(pointwiseElpd[best], values).map { $0 - $1 }
            let diffMean = NeumaierSum.of(diffs) / n
            var diffSquares = 0.0
            for value in diffs { diffSquares += (value - diffMean) * (value - diffMean) }
            let elpdDiff = model == best ? 0 : max(elpd[best] - elpd[model], 0)
            return ComparisonRow(
                name: names[model], rank: position + 1, elpdLoo: elpd[model], looic: -2 * elpd[model],
                elpdDiff: elpdDiff, dLooic: 2 * elpdDiff, se: se,
                dse: model == best ? 0 : (n * diffSquares / n).squareRoot(), weight: weights[model])
        }
    }
}
