import Foundation

/// Fewer nodes for the per-creator sums when there are very many creators.
///
/// A creator of cell c sees a node only through tau² and the cell's conditional mean μ_c and
/// variance h_c. Nodes that share tau's lattice value differ only in the other scales, and
/// on large cells their μ_c spread over a sliver of the creator's predictive sd √(se² + tau²).
/// For each (cell, tau value) whose spread of μ_c is at most `maximumSpread` of the smallest
/// predictive sd in the cell, the nodes are replaced by the 3-point Gauss rule of their own
/// weighted distribution of μ_c (Stieltjes recurrence, then the 3 × 3 Jacobi matrix's
/// eigenvectors), with h_c at each point from its weighted linear regression on μ_c. The
/// rule integrates polynomials in μ_c of degree up to 5 exactly, so theta's mean and sd are
/// unchanged, and the per-creator densities, CDFs and quantiles change by a relative amount
/// of order spread⁶ · He₆(z) (about 1e-9 at the default spread 0.02, z ≤ 4). Groups with fewer
/// than four nodes, or wider spreads, keep their nodes.
enum NodeCompression {
    /// The creator-node pairs above which `CreatorQuadrature` compresses (about 0.5 s of sums
    /// on two cores at this size).
    static let creatorNodePairs = 50_000_000
    static let maximumSpread = 0.02

    /// One cell's nodes after compression: weight, tau², μ_c and h_c per kept or Gauss node.
    struct CellNodes: Equatable {
        var weight: [Double] = []
        var tauSquared: [Double] = []
        var cellMean: [Double] = []
        var cellVariance: [Double] = []
    }

    /// Compresses every cell's nodes. `minimumSESquared[c]` is the smallest se² in cell c.
    static func compress(
        _ nodes: CreatorQuadrature.Nodes, cells: Int, minimumSESquared: [Double], maximumSpread: Double = maximumSpread
    ) -> [CellNodes] {
        let k = nodes.count
        assert(minimumSESquared.count == cells && nodes.cellMean.count == cells * k)
        // Nodes grouped by tau's lattice value (the grid's tau values repeat exactly).
        var levels: [Double: [Int]] = [:]
        for node in 0..<k { levels[nodes.tauSquared[node], default: []].append(node) }
        let orderedLevels = levels.keys.sorted()
        return (0..<cells).map { c in
            var out = CellNodes()
            for tau2 in orderedLevels {
                let members = levels[tau2]!
                let weight = members.map { nodes.weight[$0] }
                let mean = members.map { nodes.cellMean[c * k + $0] }
                let variance = members.map { nodes.cellVariance[c * k + $0] }
                let predictiveSD = (minimumSESquared[c] + tau2).squareRoot()
                if let rule = gaussRule(weights: weight, values: mean, variances: variance),
                    rule.spread <= maximumSpread * predictiveSD
                {
                    out.weight += rule.weights
                    out.cellMean += rule.nodes
                    out.cellVariance += rule.variances
                    out.tauSquared += [Double](repeating: tau2, count: 3)
                } else {
                    out.weight += weight
                    out.cellMean += mean
                    out.cellVariance += variance
                    out.tauSquared += [Double](repeating: tau2, count: members.count)
                }
            }
            return out
        }
    }

    /// The 3-point Gauss rule of the discrete distribution Σ w_k δ(x_k) (weights need not sum
    /// to 1; the rule's weights sum to theirs), with the variances regressed linearly on x at
    /// its nodes, and the distribution's sd (`spread`). Nil when fewer than four points carry
    /// weight or the points have fewer than three distinct values.
    static func gaussRule(weights: [Double], values: [Double], variances: [Double])
        -> (nodes: [Double], weights: [Double], variances: [Double], spread: Double)?
    {
        guard weights.filter({ $0 > 0 }).count >= 4 else { return nil }
        let total = weights.reduce(0, +)
        guard total > 0, total.isFinite else { return nil }
        let p = weights.map { $0 / total }
        let mean = zip(p, values).reduce(0) { $0 + $1.0 * $1.1 }
        let spread = zip(p, values).reduce(0) { $0 + $1.0 * ($1.1 - mean) * ($1.1 - mean) }.squareRoot()
        guard spread > 0, spread.isFinite else { return nil }
        let t = values.map { ($0 - mean) / spread }
        guard let (nodes, ruleWeights) = stieltjesGauss3(p: p, t: t) else { return nil }
        // h regressed on x: h̄ + β (x − x̄), β = Cov(x, h) / Var(x).
        let hMean = zip(p, variances).reduce(0) { $0 + $1.0 * $1.1 }
        let covariance = (0..<p.count).reduce(0) { $0 + p[$1] * t[$1] * (variances[$1] - hMean) }
        let hMinimum = variances.min() ?? hMean
        let hMaximum = variances.max() ?? hMean
        return (
            nodes.map { mean + spread * $0 },
            ruleWeights.map { $0 * total },
            // t has unit variance, so the slope per unit t is the covariance; kept within the
            // variances' range so that 0 < h < v still holds at every node.
            nodes.map { min(max(hMean + covariance * $0, hMinimum), hMaximum) },
            spread
        )
    }

    /// Nodes and weights of the 3-point Gauss rule for Σ p_k δ(t_k) (Σ p = 1): the Stieltjes
    /// procedure gives the recurrence coefficients a_0…a_2, b_1, b_2 of the monic orthogonal
    /// polynomials; the nodes are the eigenvalues of the Jacobi matrix and the weights the
    /// squared first components of its unit eigenvectors (Golub and Welsch 1969).
    static func stieltjesGauss3(p: [Double], t: [Double]) -> (nodes: [Double], weights: [Double])? {
        var previous = [Double](repeating: 0, count: p.count)
        var current = [Double](repeating: 1, count: p.count)
        var a = [Double](repeating: 0, count: 3)
        var b = [Double](repeating: 0, count: 3)
        var previousNorm = 1.0
        for j in 0..<3 {
            var norm = 0.0
            var moment = 0.0
            for k in p.indices {
                let square = current[k] * current[k]
                norm += p[k] * square
                moment += p[k] * t[k] * square
            }
            // A vanishing norm means fewer than j + 1 distinct points.
            guard norm > 1e-24 * previousNorm else { return nil }
            a[j] = moment / norm
            b[j] = j == 0 ? 0 : norm / previousNorm
            previousNorm = norm
            if j < 2 {
                for k in p.indices {
                    let next = (t[k] - a[j]) * current[k] - b[j] * previous[k]
                    previous[k] = current[k]
                    current[k] = next
                }
            }
        }
        let (values, vectors) = symmetricEigen3(
            [[a[0], b[1].squareRoot(), 0], [b[1].squareRoot(), a[1], b[2].squareRoot()], [0, b[2].squareRoot(), a[2]]])
        let weights = (0..<3).map { vectors[0][$0] * vectors[0][$0] }
        guard values.allSatisfy({ $0.isFinite }), weights.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        return (values, weights)
    }

    /// Eigenvalues and unit eigenvectors (columns) of a symmetric 3 × 3 matrix by cyclic
    /// Jacobi rotations, to rounding.
    static func symmetricEigen3(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
        var m = matrix
        var v: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
        for _ in 0..<50 {
            let off = m[0][1] * m[0][1] + m[0][2] * m[0][2] + m[1][2] * m[1][2]
            let diagonal = m[0][0] * m[0][0] + m[1][1] * m[1][1] + m[2][2] * m[2][2]
            if off <= 1e-32 * diagonal || off == 0 { break }
            for (p, q) in [(0, 1), (0, 2), (1, 2)] where m[p][q] != 0 {
                let theta = (m[q][q] - m[p][p]) / (2 * m[p][q])
                let tangent = (theta >= 0 ? 1 : -1) / (abs(theta) + (theta * theta + 1).squareRoot())
                let cosine = 1 / (tangent * tangent + 1).squareRoot()
                let sine = tangent * cosine
                for r in 0..<3 {
                    let mrp = m[r][p]
                    let mrq = m[r][q]
                    m[r][p] = cosine * mrp - sine * mrq
                    m[r][q] = sine * mrp + cosine * mrq
                }
                for r in 0..<3 {
                    let mpr = m[p][r]
                    let mqr = m[q][r]
                    m[p][r] = cosine * mpr - sine * mqr
                    m[q][r] = sine * mpr + cosine * mqr
                }
                for r in 0..<3 {
                    let vrp = v[r][p]
                    let vrq = v[r][q]
                    v[r][p] = cosine * vrp - sine * vrq
                    v[r][q] = sine * vrp + cosine * vrq
                }
            }
        }
        return ([m[0][0], m[1][1], m[2][2]], v)
    }
}
