import Foundation

/// Stacking of predictive distributions (Yao, Vehtari, Simpson & Gelman 2018, "Using
/// stacking to average Bayesian predictive distributions", Bayesian Analysis 13(3)):
///
///     w = argmax over the simplex of Σ_i log Σ_k w_k exp(elpd_ik)
///
/// the objective of `az.compare(method="stacking")`, evaluated in log space: each row is
/// shifted by its largest elpd_ik, so no exp underflows however negative the elpd.
/// The objective is concave; it is maximised by an active-set Newton method on the simplex
/// (Newton step restricted to Σ Δ = 0 on the free weights, step cut at the boundary,
/// backtracking; a weight leaves the boundary when its gradient exceeds the multiplier N).
public enum StackingWeights {
    /// - Parameter pointwiseElpd: `[model][observation]`, all models the same length.
    /// - Returns: one weight per model, summing to 1.
    /// - Complexity: O(N·K²) per Newton iteration, typically under 30 iterations.
    public static func compute(pointwiseElpd: [[Double]]) -> [Double] {
        let modelCount = pointwiseElpd.count
        guard modelCount > 1, let n = pointwiseElpd.first?.count, n > 0 else {
            return [Double](repeating: 1, count: modelCount)
        }
        // p[i*K + k] = exp(elpd_ik − max_k elpd_ik)
        var p = [Double](repeating: 0, count: n * modelCount)
        for i in 0..<n {
            var rowMax = -Double.infinity
            for k in 0..<modelCount { rowMax = max(rowMax, pointwiseElpd[k][i]) }
            for k in 0..<modelCount { p[i * modelCount + k] = exp(pointwiseElpd[k][i] - rowMax) }
        }
        var w = [Double](repeating: 1 / Double(modelCount), count: modelCount)
        // Sums over observations run in fixed chunks, in parallel, added in chunk order (the
        // result does not depend on scheduling).
        let chunkCount = min(max(n / 65_536, 1), 64)
        let rows = p
        @Sendable func chunkRange(_ chunk: Int) -> Range<Int> {
            (n * chunk / chunkCount)..<(n * (chunk + 1) / chunkCount)
        }

        func objective(_ weights: [Double]) -> Double {
            let partial = parallelMap(count: chunkCount) { chunk in
                var sum = 0.0
                for i in chunkRange(chunk) {
                    var d = 0.0
                    for k in 0..<modelCount { d += weights[k] * rows[i * modelCount + k] }
                    sum += FastMath.log(d)
                }
                return sum
            }
            return partial.reduce(0, +)
        }

        var current = objective(w)
        for _ in 0..<200 {
            let weights = w
            // gradient (K values) and the lower triangle of the Hessian (K·K), per chunk.
            let partial = parallelMap(count: chunkCount) { chunk in
                var sums = [Double](repeating: 0, count: modelCount + modelCount * modelCount)
                for i in chunkRange(chunk) {
                    var d = 0.0
                    for k in 0..<modelCount { d += weights[k] * rows[i * modelCount + k] }
                    let inverse = 1 / d
                    for k in 0..<modelCount {
                        let a = rows[i * modelCount + k] * inverse
                        sums[k] += a
                        for l in 0...k {
                            sums[modelCount + k * modelCount + l] += a * rows[i * modelCount + l] * inverse
                        }
                    }
                }
                return sums
            }
            var gradient = [Double](repeating: 0, count: modelCount)
            var hessian = [Double](repeating: 0, count: modelCount * modelCount)
            for sums in partial {
                for k in 0..<modelCount { gradient[k] += sums[k] }
                for index in 0..<(modelCount * modelCount) { hessian[index] += sums[modelCount + index] }
            }
            for k in 0..<modelCount { for l in 0..<k { hessian[l * modelCount + k] = hessian[k * modelCount + l] } }
            let multiplier = Double(n)
            let free = (0..<modelCount).filter { w[$0] > 0 || gradient[$0] > multiplier * (1 + 1e-12) }
            guard free.count > 1 else { break }
            // Solve H_FF Δ + ν·1 = g_F, 1ᵀΔ = 0 (ascent direction of the concave model).
            let m = free.count
            var system = [Double](repeating: 0, count: (m + 1) * (m + 2))
            let columns = m + 2
            var trace = 0.0
            for a in 0..<m { trace += hessian[free[a] * modelCount + free[a]] }
            for a in 0..<m {
                for b in 0..<m { system[a * columns + b] = hessian[free[a] * modelCount + free[b]] }
                system[a * columns + a] += 1e-12 * trace / Double(m)
                system[a * columns + m] = 1
                system[a * columns + m + 1] = gradient[free[a]]
                system[m * columns + a] = 1
            }
            guard let solution = solveLinear(&system, size: m + 1) else { break }
            var step = [Double](repeating: 0, count: modelCount)
            for a in 0..<m { step[free[a]] = solution[a] }
            var alphaMax = 1.0
            var blocking = -1
            for k in 0..<modelCount where step[k] < 0 {
                let limit = w[k] / -step[k]
                if limit < alphaMax {
                    alphaMax = limit
                    blocking = k
                }
            }
            var alpha = alphaMax
            var candidate = w
            var accepted = false
            for _ in 0..<60 {
                for k in 0..<modelCount { candidate[k] = max(w[k] + alpha * step[k], 0) }
                if alpha == alphaMax && blocking >= 0 { candidate[blocking] = 0 }
                let total = candidate.reduce(0, +)
                for k in 0..<modelCount { candidate[k] /= total }
                let value = objective(candidate)
                if value >= current - 1e-12 * abs(current) {
                    accepted = true
                    current = value
                    break
                }
                alpha /= 2
            }
            guard accepted else { break }
            let change = zip(candidate, w).map { abs($0 - $1) }.max() ?? 0
            w = candidate
            if change < 1e-13 { break }
        }
        return w
    }

    /// Gaussian elimination with partial pivoting on an augmented matrix of `size` rows and
    /// `size + 1` columns (stored with `size + 1` columns each).
    private static func solveLinear(_ matrix: inout [Double], size: Int) -> [Double]? {
        let columns = size + 1
        for column in 0..<size {
            var pivot = column
            for row in column..<size where abs(matrix[row * columns + column]) > abs(matrix[pivot * columns + column]) {
                pivot = row
            }
            guard abs(matrix[pivot * columns + column]) > 0 else { return nil }
            if pivot != column {
                for c in 0..<columns { matrix.swapAt(pivot * columns + c, column * columns + c) }
            }
            for row in (column + 1)..<size {
                let factor = matrix[row * columns + column] / matrix[column * columns + column]
                if factor == 0 { continue }
                for c in column..<columns { matrix[row * columns + c] -= factor * matrix[column * columns + c] }
            }
        }
        var solution = [Double](repeating: 0, count: size)
        for row in stride(from: size - 1, through: 0, by: -1) {
            var value = matrix[row * columns + size]
            for c in (row + 1)..<size { value -= matrix[row * columns + c] * solution[c] }
            solution[row] = value / matrix[row * columns + row]
        }
        return solution.allSatisfy(\.isFinite) ? solution : nil
    }
}
