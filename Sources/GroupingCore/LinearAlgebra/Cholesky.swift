import Foundation

/// The Cholesky factorisation A = L Lᵀ of a small dense symmetric positive-definite matrix
/// (row-major; only the lower triangle is read), with solves, the inverse and log det A.
/// Golub & Van Loan, "Matrix Computations", §4.2.
///
/// Two ways to factor, one per use:
/// - `init?(matrix:size:)` refuses a matrix that is not positive definite to working
///   precision (a pivot not above n · 1e-14 of the largest diagonal entry): the panel's
///   reduced normal equations, singular when the periods are not connected;
/// - `init(regularizing:size:)` always succeeds: a pivot that rounds to ≤ 0 is replaced by
///   1e-15 of its diagonal entry. For the models' posterior precisions, positive definite by
///   construction at any scale.
///
/// - Complexity: O(n³/3) to factor, O(n²) per solve, O(n³) for the inverse.
struct Cholesky {
    let size: Int
    /// The lower-triangular factor, row-major (upper part zero).
    private(set) var lower: [Double]
    /// log det A = 2 Σ log L_jj.
    private(set) var logDeterminant = 0.0

    init?(matrix: [Double], size n: Int) {
        let scale = (0..<n).map { matrix[$0 * n + $0] }.max() ?? 0
        let tolerance = Swift.max(scale, 1) * Double(n) * 1e-14
        var singular = false
        self.init(matrix: matrix, size: n) { diagonal, _ in
            if diagonal <= tolerance { singular = true }
            return diagonal
        }
        if singular { return nil }
    }

    init(regularizing matrix: [Double], size n: Int) {
        self.init(matrix: matrix, size: n) { diagonal, original in
            Swift.max(diagonal, original * 1e-15, Double.leastNormalMagnitude)
        }
    }

    /// The column-by-column factorisation; `pivot(d, a_jj)` turns the reduced diagonal d
    /// into the value whose square root is L_jj.
    private init(matrix: [Double], size n: Int, pivot: (Double, Double) -> Double) {
        precondition(matrix.count == n * n)
        size = n
        lower = [Double](repeating: 0, count: n * n)
        for j in 0..<n {
            var diagonal = matrix[j * n + j]
            for k in 0..<j { diagonal -= lower[j * n + k] * lower[j * n + k] }
            diagonal = pivot(diagonal, matrix[j * n + j])
            guard diagonal > 0 else { return }
            let root = diagonal.squareRoot()
            lower[j * n + j] = root
            logDeterminant += 2 * log(root)
            for i in (j + 1)..<Swift.max(j + 1, n) {
                var value = matrix[i * n + j]
                for k in 0..<j { value -= lower[i * n + k] * lower[j * n + k] }
                lower[i * n + j] = value / root
            }
        }
    }

    /// Solves A x = b by forward and back substitution.
    func solve(_ b: [Double]) -> [Double] {
        let n = size
        assert(b.count == n, "the right-hand side has one entry per row")
        var x = b
        for i in 0..<n {
            var value = x[i]
            for k in 0..<i { value -= lower[i * n + k] * x[k] }
            x[i] = value / lower[i * n + i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var value = x[i]
            for k in (i + 1)..<Swift.max(i + 1, n) { value -= lower[k * n + i] * x[k] }
            x[i] = value / lower[i * n + i]
        }
        return x
    }

    /// A⁻¹, row-major, one solve per column.
    func inverse() -> [Double] {
        let n = size
        var inverse = [Double](repeating: 0, count: n * n)
        var unit = [Double](repeating: 0, count: n)
        for column in 0..<n {
            unit[column] = 1
            let x = solve(unit)
            unit[column] = 0
            for row in 0..<n { inverse[row * n + column] = x[row] }
        }
        return inverse
    }

    /// A⁻¹ made exactly symmetric: each entry the mean of the computed one and its mirror.
    func symmetricInverse() -> [Double] {
        let n = size
        var inverse = inverse()
        for i in 0..<n {
            for j in (i + 1)..<Swift.max(i + 1, n) {
                let mean = 0.5 * (inverse[i * n + j] + inverse[j * n + i])
                inverse[i * n + j] = mean
                inverse[j * n + i] = mean
            }
        }
        return inverse
    }
}
