import Foundation

/// One row of the posterior table with `az.summary`'s columns and definitions:
/// mean; sd (ddof 1); the 94% HDI (`hdi_3%`, `hdi_97%`, ArviZ's default `hdi_prob`);
/// mcse_mean = sd / √ESS_mean, ESS_mean the ESS of the split raw draws; mcse_sd by the delta
/// method on the squared centred draws, sd of (x − x̄)²'s mean over 4·var, with their ESS;
/// ess_bulk, ess_tail and the rank-normalised r_hat (`ChainDiagnostics`).
public struct PosteriorSummaryRow: Codable, Sendable, Equatable {
    public var parameter: String
    public var mean: Double
    public var sd: Double
    public var hdi3: Double
    public var hdi97: Double
    @NullEncoded public var mcseMean: Double?
    @NullEncoded public var mcseSd: Double?
    @NullEncoded public var essBulk: Double?
    @NullEncoded public var essTail: Double?
    @NullEncoded public var rHat: Double?

    enum CodingKeys: String, CodingKey {
        case parameter, mean, sd
        case hdi3 = "hdi_3%"
        case hdi97 = "hdi_97%"
        case mcseMean = "mcse_mean"
        case mcseSd = "mcse_sd"
        case essBulk = "ess_bulk"
        case essTail = "ess_tail"
        case rHat = "r_hat"
    }

    /// - Parameter chains: the draws as `[chain][draw]`.
    public static func summarize(_ name: String, chains: [[Double]]) -> PosteriorSummaryRow {
        let all = chains.flatMap { $0 }
        let n = Double(all.count)
        let mean = NeumaierSum.of(all) / n
        let centeredSquares = all.map { ($0 - mean) * ($0 - mean) }
        let variance = n > 1 ? NeumaierSum.of(centeredSquares) / (n - 1) : 0
        let sd = variance.squareRoot()
        let hdi = all.count >= 2 ? SampleQuantile.hdi(all, prob: 0.94) : (all.first ?? 0, all.first ?? 0)
        var mcseMean: Double? = nil
        var mcseSd: Double? = nil
        if let perChain = chains.first?.count, perChain >= 4 {
            let essMean = EffectiveSampleSize.ess(RankNormalization.splitChains(chains))
            if essMean.isFinite && essMean > 0 { mcseMean = sd / essMean.squareRoot() }
            // Delta method: var(s²) ≈ var of the mean of (x − x̄)² with its ESS; sd = √s².
            var index = 0
            let squared = chains.map { chain in
                chain.map { _ -> Double in
                    defer { index += 1 }
                    return centeredSquares[index]
                }
            }
            let essSquared = EffectiveSampleSize.ess(RankNormalization.splitChains(squared))
            let populationVariance = NeumaierSum.of(centeredSquares) / n
            let fourth = NeumaierSum.of(centeredSquares.map { $0 * $0 }) / n
            let varianceOfVariance = (fourth - populationVariance * populationVariance) / essSquared
            if populationVariance > 0 && varianceOfVariance.isFinite && varianceOfVariance >= 0 {
                mcseSd = (varianceOfVariance / populationVariance / 4).squareRoot()
            }
        }
        return PosteriorSummaryRow(
            parameter: name, mean: mean, sd: sd, hdi3: hdi.0, hdi97: hdi.1, mcseMean: mcseMean, mcseSd: mcseSd,
            essBulk: ChainDiagnostics.essBulk(chains: chains), essTail: ChainDiagnostics.essTail(chains: chains),
            rHat: ChainDiagnostics.rhat(chains: chains))
    }
}
