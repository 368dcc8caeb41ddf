import Foundation

/// Convergence diagnostics of draws in several chains: rank-normalised split R-hat and
/// bulk and tail effective sample sizes (Vehtari, Gelman, Simpson, Carpenter & Bürkner
/// 2021), with ArviZ's definitions (`az.rhat(method="rank")`, `az.ess(method="bulk")`,
/// `az.ess(method="tail")`), to which they agree to rounding.
///
/// Draws are passed as `[chain][draw]`, every chain the same length (≥ 4).
public enum ChainDiagnostics {
    /// Rank-normalised split R-hat: the larger of the split R-hat of the rank-normalised
    /// draws (bulk) and of the rank-normalised folded draws |x − median| (tail).
    ///
    /// - Returns: R-hat, or nil when it does not exist (fewer than 2 chains or 4 draws, or
    ///   draws without any spread).
    public static func rhat(chains: [[Double]]) -> Double? {
        guard chains.count >= 2, let n = chains.first?.count, n >= 4 else { return nil }
        let split = RankNormalization.splitChains(chains)
        guard let bulk = splitRhat(RankNormalization.zScale(split)),
            let tail = splitRhat(RankNormalization.zScale(RankNormalization.fold(split)))
        else { return nil }
        return max(bulk, tail)
    }

    /// Bulk ESS: the ESS of the rank-normalised split chains.
    public static func essBulk(chains: [[Double]]) -> Double? {
        guard let n = chains.first?.count, n >= 4 else { return nil }
        let value = EffectiveSampleSize.ess(RankNormalization.zScale(RankNormalization.splitChains(chains)))
        return value.isFinite ? value : nil
    }

    /// Tail ESS: the smaller of the ESS of the indicators I(x ≤ q₀.₀₅) and I(x ≤ q₀.₉₅) of
    /// the split chains, with the type-7 quantiles of all draws.
    public static func essTail(chains: [[Double]]) -> Double? {
        guard let n = chains.first?.count, n >= 4 else { return nil }
        let sorted = chains.flatMap { $0 }.sorted()
        var result = Double.infinity
        for p in [0.05, 0.95] {
            let q = sorted.withUnsafeBufferPointer { SampleQuantile.type7(sorted: $0, p) }
            let indicators = chains.map { $0.map { $0 <= q ? 1.0 : 0.0 } }
            result = min(result, EffectiveSampleSize.ess(RankNormalization.splitChains(indicators)))
        }
        return result.isFinite ? result : nil
    }

    /// The classic split-free R-hat of (already split) chains:
    /// √((B/W + n − 1)/n), B = n·var(chain means), W = mean chain variance (ddof 1).
    static func splitRhat(_ chains: [[Double]]) -> Double? {
        let n = Double(chains[0].count)
        let means = chains.map { $0.reduce(0, +) / n }
        let variances = zip(chains, means).map { chain, mean in
            chain.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        }
        let grand = means.reduce(0, +) / Double(means.count)
        let between = n * means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(means.count - 1)
        let within = variances.reduce(0, +) / Double(variances.count)
        guard within > 0 else { return nil }
        let value = ((between / within + n - 1) / n).squareRoot()
        return value.isFinite ? value : nil
    }

    /// The run's summary over named parameters: the largest R-hat, the smallest bulk and
    /// tail ESS, and a warning per parameter with R-hat > 1.01 or an ESS < 400.
    ///
    /// - Parameter parameters: (name, draws as `[chain][draw]`).
    public static func summarize(_ parameters: [(name: String, chains: [[Double]])]) -> ConvergenceDiagnostics {
        var rhatMax = 1.0
        var bulkMin = Double.infinity
        var tailMin = Double.infinity
        var warnings: [String] = []
        for parameter in parameters {
            let rhat = rhat(chains: parameter.chains)
            let bulk = essBulk(chains: parameter.chains)
            let tail = essTail(chains: parameter.chains)
            if let rhat { rhatMax = max(rhatMax, rhat) }
            if let bulk { bulkMin = min(bulkMin, bulk) }
            if let tail { tailMin = min(tailMin, tail) }
            if let rhat, rhat > 1.01 {
                warnings.append("\(parameter.name): R-hat \(formatted(rhat)) > 1.01")
            }
            if let bulk, bulk < 400 {
                warnings.append("\(parameter.name): bulk ESS \(formatted(bulk)) < 400")
            }
            if let tail, tail < 400 {
                warnings.append("\(parameter.name): tail ESS \(formatted(tail)) < 400")
            }
            if rhat == nil || bulk == nil || tail == nil {
                warnings.append("\(parameter.name): diagnostics undefined (draws without spread)")
            }
        }
        let total = Double(parameters.first.map { $0.chains.count * ($0.chains.first?.count ?? 0) } ?? 0)
        return ConvergenceDiagnostics(
            rhatMax: rhatMax, essBulkMin: bulkMin.isFinite ? bulkMin : total,
            essTailMin: tailMin.isFinite ? tailMin : total, warnings: warnings)
    }

    private static func formatted(_ value: Double) -> String {
        String(format: "%.3g", value)
    }
}
