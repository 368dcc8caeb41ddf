extension ImputationEstimator {
    /// The Cholesky factorisation A = L Lᵀ of a small dense symmetric positive-definite
    /// matrix (row-major), with solves and the inverse.
    ///
    /// Used for the reduced normal equations of the period effects, which are
    /// positive definite once one period effect is fixed and the periods are connected
    /// (see `PeriodConnectivity`). Golub & Van Loan, "Matrix Computations", §4.2.
    ///
    /// - Complexity: O(n³/3) to factor, O(n²) per solve, O(n³) for the inverse.
    struct Cholesky {
        let size: Int
        /// The lower-triangular factor, row-major (upper part zero).
        private(set) var lower: [Double]

        /// Factors `matrix` (n × n, row-major, symmetric; only the lower triangle is read).
        /// Returns nil when a pivot is not positive relative to the diagonal's scale
        /// (the matrix is singular or not positive definite to working precision).
        init?(matrix: [Double], size n: Int) {
            precondition(matrix.count == n * n)
            size = n
            lower = [Double](repeating: 0, count: n * n)
            let scale = (0..<n).map { matrix[$0 * n + $0] }.max() ?? 0
            let tolerance = Swift.max(scale, 1) * Double(n) * 1e-14
            for j in 0..<n {
                var diagonal = matrix[j * n + j]
                for k in 0..<j { diagonal -= lower[j * n + k] * lower[j * n + k] }
                guard diagonal > tolerance else { return nil }
                let pivot = diagonal.squareRoot()
                lower[j * n + j] = pivot
                for i in (j + 1)..<Swift.max(j + 1, n) {
                    var value = matrix[i * n + j]
                    for k in 0..<j { value -= lower[i * n + k] * lower[j * n + k] }
                    lower[i * n + j] = value / pivot
                }
            }
        }

        /// Solves A x = b by forward and back substitution.
        func solve(_ b: [Double]) -> [Double] {
            let n = size
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

        /// A⁻¹, row-major, exactly symmetric (the mean of the computed entry and its mirror).
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
}
