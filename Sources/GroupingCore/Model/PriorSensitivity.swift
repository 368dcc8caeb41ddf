import Foundation

/// Prior sensitivity by power-scaling (Kallioinen, Paananen, Bürkner & Vehtari 2023,
/// "Detecting and diagnosing prior and likelihood sensitivity with power-scaling",
/// Statistics and Computing 34), computed on the hyperparameter grid, where re-weighting is
/// exact: the posterior under prior^α is the grid's weights times prior(φ_k)^(α−1), and under
/// likelihood^α times p(y | φ_k)^(α−1). The joint prior of the hyperparameters (tau and the
/// scales) is scaled; mu's prior is left as it is.
///
/// For each hyperparameter and α ∈ {0.8, 1.25} the cumulative Jensen–Shannon distance
/// between its base and scaled marginals is computed (`cumulativeJensenShannon`); the larger
/// of the two α is reported. Above `threshold` (0.05) on the prior side the diagnosis is
/// `prior_data_conflict` when the likelihood side is also above it, else `weak_likelihood`.
enum PriorSensitivity {
    static let alphas = [0.8, 1.25]
    static let threshold = 0.05

    static func compute(context: ModelContext, grid: HyperparameterGrid) -> [SensitivityResult] {
        let nodes = grid.nodes
        let logPriors = nodes.map { context.logPrior($0.x) }
        let logLikelihoods = nodes.map(\.logLikelihood)
        func reweighted(_ log: [Double], _ alpha: Double) -> [Double] {
            let shifted = zip(grid.weights, log).map { w, l in Foundation.log(w) + (alpha - 1) * l }
            let top = shifted.max() ?? 0
            let raw = shifted.map { exp($0 - top) }
            let total = raw.reduce(0, +)
            return raw.map { $0 / total }
        }
        let names = context.spec.hyperparameterNames
        return names.indices.map { h in
            let step = grid.steps[h]
            let positions = nodes.map { Int(($0.x[h] / step).rounded()) }
            let base = marginal(positions, grid.weights)
            func distance(_ log: [Double]) -> Double {
                alphas.map { alpha in
                    cumulativeJensenShannon(base, marginal(positions, reweighted(log, alpha)), step: step)
                }.max() ?? 0
            }
            let prior = distance(logPriors)
            let likelihood = distance(logLikelihoods)
            let diagnosis: String? =
                prior > threshold ? (likelihood > threshold ? "prior_data_conflict" : "weak_likelihood") : nil
            return SensitivityResult(parameter: names[h], prior: prior, likelihood: likelihood, diagnosis: diagnosis)
        }
    }

    /// The marginal of one axis: mass per lattice position, positions ascending.
    static func marginal(_ positions: [Int], _ weights: [Double]) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for (position, w) in zip(positions, weights) { result[position, default: 0] += w }
        return result
    }

    /// The cumulative Jensen–Shannon distance between two distributions on one lattice
    /// (Nguyen & Vreeken 2015; normalised to [0, 1] as priorsense's `cjs_dist`):
    ///
    ///     CJS(P‖Q) = Σ_x [P(x) log₂(P(x)/(½(P(x) + Q(x)))) + (Q(x) − P(x))/(2 ln 2)] Δx
    ///     distance = √((CJS(P‖Q) + CJS(Q‖P)) / Σ_x (P(x) + Q(x)) Δx)
    ///
    /// with P, Q the cumulative distribution functions at the lattice values.
    static func cumulativeJensenShannon(_ p: [Int: Double], _ q: [Int: Double], step: Double) -> Double {
        let keys = Set(p.keys).union(q.keys).sorted()
        var cp = 0.0
        var cq = 0.0
        var pq = 0.0
        var qp = 0.0
        var bound = 0.0
        let inverseTwoLn2 = 1 / (2 * log(2.0))
        for key in keys {
            cp += p[key] ?? 0
            cq += q[key] ?? 0
            let m = 0.5 * (cp + cq)
            if cp > 0 { pq += cp * log2(cp / m) }
            if cq > 0 { qp += cq * log2(cq / m) }
            pq += (cq - cp) * inverseTwoLn2
            qp += (cp - cq) * inverseTwoLn2
            bound += cp + cq
        }
        guard bound > 0 else { return 0 }
        return max((pq + qp) / bound, 0).squareRoot()
    }
}

/// results.json `sensitivity[]`.
public struct SensitivityResult: Codable, Sendable, Equatable {
    public var parameter: String
    /// CJS distance under prior power-scaling (largest over α ∈ {0.8, 1.25}).
    public var prior: Double
    /// The same under likelihood power-scaling.
    public var likelihood: Double
    /// `prior_data_conflict`, `weak_likelihood`, or null when the prior does not matter.
    @NullEncoded public var diagnosis: String?
}
