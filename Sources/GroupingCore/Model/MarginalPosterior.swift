import Foundation

/// The marginal posterior of (log tau, log sigma_group), with mu, mu_group and theta
/// integrated out in closed form.
///
/// Given tau the groups contribute N(ȳ_g | mu_g, 1/W_g) (`GroupSufficientStatistics`);
/// mu_g ~ N(mu, σ²) gives ȳ_g | mu ~ N(mu, V_g), V_g = 1/W_g + σ², and mu ~ N(0, M²)
/// integrates to
///
///     log p(y | tau, σ) = C(tau) − ½ Σ_g log V_g − ½ Σ_g (ȳ_g − m̂)²/V_g − ½ m̂²/M² − ½ log P
///     P = Σ_g 1/V_g + 1/M²,  m̂ = (Σ_g ȳ_g/V_g)/P          (up to constants)
///
/// and on the log scale, with the half-normal priors and the Jacobians tau and σ,
///
///     log p(log tau, log σ | y) = log p(y | tau, σ) − tau²/(2 s_tau²) + log tau − σ²/(2 s_σ²) + log σ.
///
/// As tau → 0 (or σ → 0) the density decays like tau (σ), so a posterior piled up near 0
/// stays proper and the grid extends down until it is negligible.
enum MarginalPosterior {
    /// - Complexity: O(G).
    static func logDensity(
        statistics: GroupSufficientStatistics, logSigma: Double, priors: Priors
    ) -> Double {
        let sigma = exp(logSigma)
        let sigmaSquared = sigma * sigma
        let groupCount = statistics.mean.count
        var precisionSum = 1 / (priors.muSD * priors.muSD)
        var weightedSum = 0.0
        var logVSum = 0.0
        for g in 0..<groupCount where statistics.precision[g] > 0 {
            let v = 1 / statistics.precision[g] + sigmaSquared
            precisionSum += 1 / v
            weightedSum += statistics.mean[g] / v
            logVSum += log(v)
        }
        let center = weightedSum / precisionSum
        var quadratic = center * center / (priors.muSD * priors.muSD)
        for g in 0..<groupCount where statistics.precision[g] > 0 {
            let v = 1 / statistics.precision[g] + sigmaSquared
            let d = statistics.mean[g] - center
            quadratic += d * d / v
        }
        let tau = statistics.tau
        return statistics.constant - 0.5 * logVSum - 0.5 * quadratic - 0.5 * log(precisionSum)
            - tau * tau / (2 * priors.tauScale * priors.tauScale) + log(tau)
            - sigmaSquared / (2 * priors.sigmaGroupScale * priors.sigmaGroupScale) + logSigma
    }
}
