import Foundation
import GroupingNumerics

/// A hyperparameter's marginal posterior density, exact on a fine lattice, beside its prior:
/// what the prior-and-posterior chart draws (ArviZ's `plot_dist` of prior and posterior).
///
/// The grid that fits the model places few nodes per axis (it needs the mass, not the
/// shape), so its marginals are coarse and its draws, uniform within grid cells, give a
/// lumpy kernel estimate. Instead the posterior density (`ModelContext.logPosterior`, the same
/// density the grid integrates) is evaluated on a tensor lattice over the central 99.9% of
/// the draws and summed over the other hyperparameters.
public struct MarginalDensity: Sendable, Equatable {
    /// "tau", "sigma_group", "sigma_genre".
    public var name: String
    /// The values, natural scale, increasing.
    public var values: [Double]
    /// The posterior density at each value (natural scale; integrates to about 1 over the values).
    public var posterior: [Double]
    /// The half-normal prior's density at each value.
    public var prior: [Double]
}

extension MarginalDensity {
    /// Lattice points per axis, by the model's number of hyperparameters: the cost is that
    /// many O(N) passes times the rest's product of conditional posteriors.
    static func pointsPerAxis(dimension: Int) -> Int {
        switch dimension {
        case ...1: return 160
        case 2: return 80
        default: return 24
        }
    }

    /// The lattice axis in log φ for one hyperparameter: its draws' central 99.9%, widened
    /// by 5% of that width on each side.
    static func axis(draws: [Double], count: Int) -> [Double]? {
        let sorted = draws.filter { $0.isFinite && $0 > 0 }.sorted()
        guard sorted.count >= 2 else { return nil }
        let low = log(Quantile.linear(sorted: sorted, 0.0005))
        let high = log(Quantile.linear(sorted: sorted, 0.9995))
        guard high > low else { return nil }
        let margin = 0.05 * (high - low)
        return (0..<count).map { low - margin + (high - low + 2 * margin) * Double($0) / Double(count - 1) }
    }

    /// Each axis's marginal of a lattice of log densities (`BruteForceReference.logPosteriorLattice`'s
    /// layout), normalised to mass 1 per axis.
    static func marginalMasses(_ logDensity: [Double], axes: [[Double]]) -> [[Double]] {
        let top = logDensity.max() ?? 0
        var masses = axes.map { [Double](repeating: 0, count: $0.count) }
        let inner = axes.dropFirst().reduce(1) { $0 * $1.count }
        for (index, value) in logDensity.enumerated() {
            let w = exp(value - top)
            guard w > 0 else { continue }
            masses[0][index / inner] += w
            var rest = index % inner
            for h in 1..<max(axes.count, 1) {
                masses[h][rest % axes[h].count] += w
                rest /= axes[h].count
            }
        }
        return masses.map { mass in
            let total = mass.reduce(0, +)
            return total > 0 ? mass.map { $0 / total } : mass
        }
    }
}

extension HierarchicalFit {
    /// The exact marginal posterior density of each hyperparameter (grid order: tau, then the
    /// sigmas) with its prior; empty when the fit kept no draws.
    /// - Complexity: for d hyperparameters and n = `pointsPerAxis(d)`, n O(N) passes and nᵈ
    ///   conditional posteriors (1,600 for the one-way model's 80², 13,824 for the additive
    ///   model's 24³).
    public func marginalDensities() -> [MarginalDensity] {
        guard let context, let draws, !marginals.isEmpty, draws.hyperparameters.count == marginals.count else {
            return []
        }
        let count = MarginalDensity.pointsPerAxis(dimension: marginals.count)
        let axes = draws.hyperparameters.compactMap { MarginalDensity.axis(draws: $0, count: count) }
        guard axes.count == marginals.count else { return [] }
        let logDensity = BruteForceReference.logPosteriorLattice(context: context, axes: axes)
        let masses = MarginalDensity.marginalMasses(logDensity, axes: axes)
        return zip(marginals, zip(axes, masses)).map { marginal, axisAndMass in
            let (axis, mass) = axisAndMass
            let step = axis[1] - axis[0]
            let values = axis.map(exp)
            // Mass per log-φ cell over the cell's width in φ (dφ = φ d log φ).
            let density = zip(values, mass).map { $1 / ($0 * step) }
            return MarginalDensity(
                name: marginal.name, values: values, posterior: density, prior: marginal.priorDensity(at: values))
        }
    }
}
