import Foundation

/// The Gaussian posterior of the location vector (mu, a, b) given the hyperparameters
/// (tau, the factor scales), and the marginal likelihood p(y | tau, scales) with the
/// locations integrated out. One implementation serves the three model forms (`ModelSpec`).
///
/// With the cell reduction of `CellStatistics` the data are ŷ_c ~ N(x_cᵀβ, 1/W_c), β = (mu,
/// a, b) ~ N(m₀, Λ₀⁻¹), x_c picking mu, a[row(c)] and b[column(c)]. The posterior precision
/// Λ = Λ₀ + XᵀWX has a diagonal block for the eliminated factor's effects a,
/// d_j = Σ_{c∈j} W_c + 1/σ_A², and a dense block for (mu, b); integrating a out first leaves
/// the Schur complement S = E − C D⁻¹ Cᵀ of size 1 + |B| (Golub & Van Loan §4.2 for the
/// Cholesky solve). Then
///
///     (mu, b) | y ~ N(r̂, S⁻¹),  S r̂ = t,  a_j | mu, b, y ~ N((bA_j − C_jᵀ r)/d_j, 1/d_j)
///     log p(y | φ) = K(tau) − ½ [Σ_c W_c (ŷ_c − η̂_c)² + (β̂ − m₀)ᵀ Λ₀ (β̂ − m₀)]
///                    − ½ log|Λ| + ½ log|Λ₀|,   log|Λ| = Σ_j log d_j + log|S|
///
/// The quadratic is written as a residual plus a prior penalty (both non-negative), which
/// is the same number as yᵀWy − bᵀΛ⁻¹b without its cancellation. Cell c's latent mean
/// eta_c = mu + a_j + b_k has mean η̂_c and variance
///
///     h_c = 1/d_j + gᵀ S⁻¹ g,  g = e_mu + e_{b_k} − C_j/d_j
///
/// Cost: O(cells · (1 + |B|) + rows · (1 + |B|)² + (1 + |B|)³) per evaluation.
struct ConditionalPosterior: Sendable {
    /// log p(y | tau, scales), up to a constant that depends on nothing.
    var logLikelihood: Double
    /// Per cell: posterior mean and variance of eta_c.
    var cellMean: [Double]
    var cellVariance: [Double]
    /// (mu, b): posterior mean and covariance S⁻¹ (row-major), and the Cholesky factor of S.
    var denseMean: [Double]
    var denseCovariance: [Double]
    var denseCholesky: [Double]
    /// Per eliminated level j: d_j, the posterior mean and variance of a_j, and the
    /// right-hand side bA_j = Σ_{c∈j} W_c ŷ_c (for draws).
    var rowPrecision: [Double]
    var rowMean: [Double]
    var rowVariance: [Double]
    var rowRHS: [Double]

    /// - Parameters:
    ///   - sigmaRow: the eliminated factor's scale (ignored without one).
    ///   - sigmaColumn: the kept factor's scale (ignored without one).
    ///   - muSD: the prior sd of mu (prior mean 0).
    init(
        statistics: CellStatistics, layout: CellLayout, sigmaRow: Double, sigmaColumn: Double, muSD: Double
    ) {
        let p = layout.denseSize
        let w = statistics.precision
        let yhat = statistics.mean
        let rowPrior = 1 / (sigmaRow * sigmaRow)
        let columnPrior = 1 / (sigmaColumn * sigmaColumn)
        let muPrior = 1 / (muSD * muSD)
        var s = [Double](repeating: 0, count: p * p)
        var t = [Double](repeating: 0, count: p)
        s[0] = muPrior
        for k in 0..<layout.columnCount { s[(1 + k) * p + 1 + k] = columnPrior }
        // The data's contribution to the dense block, every cell.
        for c in 0..<layout.cellCount {
            s[0] += w[c]
            t[0] += w[c] * yhat[c]
            let k = Int(layout.cellColumn[c])
            if k >= 0 {
                s[1 + k] += w[c]
                s[(1 + k) * p] += w[c]
                s[(1 + k) * p + 1 + k] += w[c]
                t[1 + k] += w[c] * yhat[c]
            }
        }
        // Eliminate the row effects: S −= C_j C_jᵀ / d_j, t −= C_j bA_j / d_j.
        let rows = layout.rowCount
        var rowPrecision = [Double](repeating: 0, count: rows)
        var rowRHS = [Double](repeating: 0, count: rows)
        var column = [Double](repeating: 0, count: p)
        for j in 0..<rows {
            for index in column.indices { column[index] = 0 }
            var bA = 0.0
            for c in layout.rowStart[j]..<layout.rowStart[j + 1] {
                column[0] += w[c]
                bA += w[c] * yhat[c]
                let k = Int(layout.cellColumn[c])
                if k >= 0 { column[1 + k] += w[c] }
            }
            let d = column[0] + rowPrior
            rowPrecision[j] = d
            rowRHS[j] = bA
            for a in 0..<p where column[a] != 0 {
                let scaled = column[a] / d
                t[a] -= scaled * bA
                for b in 0..<p where column[b] != 0 { s[a * p + b] -= scaled * column[b] }
            }
        }
        let cholesky = Cholesky(regularizing: s, size: p)
        let mean = cholesky.solve(t)
        let covariance = cholesky.inverse()

        // Row effects, cell means and variances.
        var rowMean = [Double](repeating: 0, count: rows)
        var rowVariance = [Double](repeating: 0, count: rows)
        var cellMean = [Double](repeating: 0, count: layout.cellCount)
        var cellVariance = [Double](repeating: 0, count: layout.cellCount)
        var quadratic = mean[0] * mean[0] * muPrior
        for k in 0..<layout.columnCount { quadratic += mean[1 + k] * mean[1 + k] * columnPrior }
        if rows == 0 {
            cellMean[0] = mean[0]
            cellVariance[0] = covariance[0]
        }
        var q = [Double](repeating: 0, count: p)
        var u = [Double](repeating: 0, count: p)
        var covU = [Double](repeating: 0, count: p)
        for j in 0..<rows {
            let d = rowPrecision[j]
            for index in q.indices { q[index] = 0 }
            for c in layout.rowStart[j]..<layout.rowStart[j + 1] {
                q[0] += w[c]
                let k = Int(layout.cellColumn[c])
                if k >= 0 { q[1 + k] += w[c] }
            }
            var cr = 0.0
            for a in 0..<p {
                q[a] /= d
                cr += q[a] * mean[a]
                u[a] = -q[a]
            }
            u[0] += 1
            let a = rowRHS[j] / d - cr
            rowMean[j] = a
            quadratic += a * a * rowPrior
            var qCovQ = 0.0
            var uCovU = 0.0
            for x in 0..<p {
                var cq = 0.0
                var cu = 0.0
                for y in 0..<p {
                    cq += covariance[x * p + y] * q[y]
                    cu += covariance[x * p + y] * u[y]
                }
                covU[x] = cu
                qCovQ += q[x] * cq
                uCovU += u[x] * cu
            }
            rowVariance[j] = 1 / d + qCovQ
            for c in layout.rowStart[j]..<layout.rowStart[j + 1] {
                let k = Int(layout.cellColumn[c])
                if k >= 0 {
                    cellMean[c] = mean[0] + a + mean[1 + k]
                    cellVariance[c] = 1 / d + uCovU + 2 * covU[1 + k] + covariance[(1 + k) * p + 1 + k]
                } else {
                    cellMean[c] = mean[0] + a
                    cellVariance[c] = 1 / d + uCovU
                }
            }
        }
        for c in 0..<layout.cellCount where w[c] > 0 {
            let r = yhat[c] - cellMean[c]
            quadratic += w[c] * r * r
        }
        var logDetPosterior = cholesky.logDeterminant
        for j in 0..<rows { logDetPosterior += log(rowPrecision[j]) }
        let logDetPrior =
            log(muPrior) + Double(rows) * log(rowPrior) + Double(layout.columnCount) * log(columnPrior)
        logLikelihood = statistics.constant - 0.5 * quadratic - 0.5 * logDetPosterior + 0.5 * logDetPrior
        self.cellMean = cellMean
        self.cellVariance = cellVariance
        denseMean = mean
        denseCovariance = covariance
        denseCholesky = cholesky.lower
        self.rowPrecision = rowPrecision
        self.rowMean = rowMean
        self.rowVariance = rowVariance
        self.rowRHS = rowRHS
    }

    /// One exact draw of (mu, a, b) given the hyperparameters: (mu, b) = r̂ + L⁻ᵀ z, then
    /// every a_j from its conditional given (mu, b).
    func draw<G: RandomNumberGenerator>(
        statistics: CellStatistics, layout: CellLayout, using generator: inout G
    ) -> (mu: Double, rowEffects: [Double], columnEffects: [Double]) {
        let p = layout.denseSize
        var z = (0..<p).map { _ in RandomVariates.standardNormal(using: &generator) }
        // Back substitution Lᵀ x = z.
        for i in stride(from: p - 1, through: 0, by: -1) {
            var value = z[i]
            for k in (i + 1)..<max(i + 1, p) { value -= denseCholesky[k * p + i] * z[k] }
            z[i] = value / denseCholesky[i * p + i]
        }
        let dense = (0..<p).map { denseMean[$0] + z[$0] }
        var rowEffects = [Double](repeating: 0, count: layout.rowCount)
        for j in 0..<layout.rowCount {
            var cr = 0.0
            for c in layout.rowStart[j]..<layout.rowStart[j + 1] {
                let k = Int(layout.cellColumn[c])
                cr += statistics.precision[c] * (dense[0] + (k >= 0 ? dense[1 + k] : 0))
            }
            let d = rowPrecision[j]
            rowEffects[j] =
                (rowRHS[j] - cr) / d + RandomVariates.standardNormal(using: &generator) / d.squareRoot()
        }
        return (dense[0], rowEffects, Array(dense.dropFirst()))
    }
}
