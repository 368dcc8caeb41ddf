import Foundation

/// What the data say about the group means at one value of tau, with theta integrated out:
/// y_i | mu_g, tau ~ Normal(mu_g, v_i), v_i = se_i² + tau², so for group g
///
///     Π_{i∈g} N(y_i | mu_g, v_i) = exp(c_g) · N(ȳ_g | mu_g, 1/W_g)
///     W_g = Σ 1/v_i,  ȳ_g = Σ (y_i/v_i) / W_g,  Q_g = Σ (y_i − ȳ_g)²/v_i
///     c_g = −½ Σ log(2π v_i) − ½ Q_g + ½ log(2π/W_g)
///
/// (the standard Gaussian identity; e.g. Gelman et al., *Bayesian Data Analysis*, 3rd ed.,
/// §5.4). `constant` holds Σ_g c_g without the 2π terms, which do not depend on tau.
struct GroupSufficientStatistics: Sendable {
    var tau: Double
    var precision: [Double]  // W_g
    var mean: [Double]  // ȳ_g
    var constant: Double

    /// - Complexity: O(N) — one pass over the creators, one log per creator.
    /// - Parameter centers: per-group raw means of y (to keep Q_g free of cancellation).
    init(tau: Double, data: HierarchicalModelData, seSquared: [Double], centers: [Double]) {
        self.tau = tau
        let groups = data.groupCount
        var w = [Double](repeating: 0, count: groups)
        var sd = [Double](repeating: 0, count: groups)
        var sdd = [Double](repeating: 0, count: groups)
        let tauSquared = tau * tau
        var sumLogV = 0.0
        data.effects.withUnsafeBufferPointer { y in
            seSquared.withUnsafeBufferPointer { se2 in
                data.codes.withUnsafeBufferPointer { codes in
                    for i in 0..<y.count {
                        let v = se2[i] + tauSquared
                        let inverse = 1 / v
                        let g = Int(codes[i])
                        let d = y[i] - centers[g]
                        w[g] += inverse
                        sd[g] += d * inverse
                        sdd[g] += d * d * inverse
                        sumLogV += log(v)
                    }
                }
            }
        }
        var constant = -0.5 * sumLogV
        var mean = [Double](repeating: 0, count: groups)
        for g in 0..<groups where w[g] > 0 {
            let offset = sd[g] / w[g]
            mean[g] = centers[g] + offset
            let q = max(sdd[g] - sd[g] * offset, 0)
            constant += -0.5 * q - 0.5 * log(w[g])
        }
        self.precision = w
        self.mean = mean
        self.constant = constant
    }
}
