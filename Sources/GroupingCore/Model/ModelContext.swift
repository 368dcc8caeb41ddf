import Foundation

/// Everything a fit needs that does not change during it: the data in cell order, the
/// priors, and the map from grid coordinates to the conditional posterior.
///
/// Grid coordinates are x = (log tau, log sigma of each factor in `spec.factors` order).
struct ModelContext: Sendable {
    let spec: ModelSpec
    let effects: [Double]
    let seSquared: [Double]
    let layout: CellLayout
    /// Per cell, the raw mean of y (the centring of `CellStatistics`).
    let centers: [Double]
    let muSD: Double
    /// Prior scale of each hyperparameter, in grid order.
    let scales: [Double]

    var dimension: Int { scales.count }
    var count: Int { effects.count }

    init(spec: ModelSpec, effects: [Double], ses: [Double], priors: Priors) {
        self.spec = spec
        self.effects = effects
        let scale = priors.tauScale
        let seFloor = 1e-12 * max(scale, Double.leastNormalMagnitude)
        seSquared = ses.map { let s = $0.isFinite && $0 > seFloor ? $0 : seFloor; return s * s }
        let layout = CellLayout(spec: spec, count: effects.count)
        self.layout = layout
        var sums = [Double](repeating: 0, count: layout.cellCount)
        var counts = [Double](repeating: 0, count: layout.cellCount)
        for (y, c) in zip(effects, layout.cellOf) {
            sums[Int(c)] += y
            counts[Int(c)] += 1
        }
        centers = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        muSD = priors.muSD
        scales = [priors.tauScale] + spec.factors.map { _ in priors.sigmaGroupScale }
    }

    /// The O(N) pass at one tau.
    func statistics(logTau: Double) -> CellStatistics {
        CellStatistics(tau: exp(logTau), effects: effects, seSquared: seSquared, layout: layout, centers: centers)
    }

    /// The conditional posterior at x (x[0], log tau, is already in `statistics`).
    func conditional(_ statistics: CellStatistics, x: [Double]) -> ConditionalPosterior {
        let row = layout.eliminated.map { exp(x[1 + $0]) } ?? 1
        let column = layout.kept.map { exp(x[1 + $0]) } ?? 1
        return ConditionalPosterior(
            statistics: statistics, layout: layout, sigmaRow: row, sigmaColumn: column, muSD: muSD)
    }

    /// log of the half-normal prior densities of the hyperparameters at x (natural scale,
    /// without the Jacobian), up to a constant: what power-scaling scales.
    func logPrior(_ x: [Double]) -> Double {
        var value = 0.0
        for (h, s) in scales.enumerated() {
            let v = exp(x[h])
            value -= v * v / (2 * s * s)
        }
        return value
    }

    /// log p(x | y) up to a constant: marginal likelihood + log prior + the Jacobian Σ x_h
    /// of the log transform.
    func logPosterior(_ statistics: CellStatistics, x: [Double]) -> (posterior: Double, likelihood: Double) {
        let likelihood = conditional(statistics, x: x).logLikelihood
        let value = likelihood + logPrior(x) + x.reduce(0, +)
        return (value.isNaN ? -.infinity : value, likelihood)
    }
}
