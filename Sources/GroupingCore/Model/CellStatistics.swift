import Foundation

/// What the data say about each cell's latent mean eta_c at one value of tau, with theta
/// integrated out: y_i | eta_c, tau ~ N(eta_c, v_i), v_i = se_i² + tau², so for cell c
///
///     Π_{i∈c} N(y_i | eta_c, v_i) = exp(k_c) · N(ŷ_c | eta_c, 1/W_c)
///     W_c = Σ 1/v_i,  ŷ_c = Σ (y_i/v_i) / W_c,  R_c = Σ (y_i − ŷ_c)²/v_i
///     k_c = −½ Σ log(2π v_i) − ½ R_c + ½ log(2π/W_c)
///
/// (the standard Gaussian identity, e.g. Gelman et al., *Bayesian Data Analysis*, 3rd ed.,
/// §5.4). `constant` holds −½ Σ_i log v_i − ½ Σ_c R_c; the ½ log(2π/W_c) terms cancel against
/// the cell-level likelihood in `ConditionalPosterior`, and the 2π terms do not depend on tau.
struct CellStatistics: Sendable {
    var tau: Double
    /// W_c
    var precision: [Double]
    /// ŷ_c
    var mean: [Double]
    var constant: Double

    /// - Parameter centers: per-cell raw means of y, which keep R_c free of cancellation.
    /// - Complexity: O(N), one log per creator.
    init(tau: Double, effects: [Double], seSquared: [Double], layout: CellLayout, centers: [Double]) {
        self.tau = tau
        let cells = layout.cellCount
        var w = [Double](repeating: 0, count: cells)
        var sd = [Double](repeating: 0, count: cells)
        var sdd = [Double](repeating: 0, count: cells)
        let tauSquared = tau * tau
        var sumLogV = 0.0
        effects.withUnsafeBufferPointer { y in
            seSquared.withUnsafeBufferPointer { se2 in
                layout.cellOf.withUnsafeBufferPointer { cellOf in
                    // Invariant: every creator has a cell in 0..<cells.
                    assert(cellOf.allSatisfy { $0 >= 0 && Int($0) < cells })
                    for i in 0..<y.count {
                        let v = se2[i] + tauSquared
                        let inverse = 1 / v
                        let c = Int(cellOf[i])
                        let d = y[i] - centers[c]
                        w[c] += inverse
                        sd[c] += d * inverse
                        sdd[c] += d * d * inverse
                        sumLogV += log(v)
                    }
                }
            }
        }
        var constant = -0.5 * sumLogV
        var mean = [Double](repeating: 0, count: cells)
        for c in 0..<cells where w[c] > 0 {
            let offset = sd[c] / w[c]
            mean[c] = centers[c] + offset
            constant -= 0.5 * max(sdd[c] - sd[c] * offset, 0)
        }
        self.precision = w
        self.mean = mean
        self.constant = constant
    }

    /// Linear interpolation (in log tau) between two nodes' statistics, for draws whose tau
    /// lies between the nodes: W_c and W_c·ŷ_c are smooth in tau, and the error is O(h²)
    /// in the node spacing h. Only the draws (diagnostics, the PSIS cross-check) use it;
    /// every exact quantity is computed at the nodes.
    static func interpolate(_ a: CellStatistics, _ b: CellStatistics, weight t: Double, tau: Double)
        -> CellStatistics
    {
        var result = a
        result.tau = tau
        for c in a.precision.indices {
            let w = (1 - t) * a.precision[c] + t * b.precision[c]
            let s = (1 - t) * a.precision[c] * a.mean[c] + t * b.precision[c] * b.mean[c]
            result.precision[c] = w
            result.mean[c] = w > 0 ? s / w : 0
        }
        result.constant = (1 - t) * a.constant + t * b.constant
        return result
    }
}
