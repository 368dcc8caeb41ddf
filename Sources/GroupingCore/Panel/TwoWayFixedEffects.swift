extension ImputationEstimator {
    /// Least squares of y_it = α_i + β_t + ε_it on the untreated observations of the
    /// connected set (Borusyak, Jaravel & Spiess 2024, step 1 of the imputation estimator),
    /// solved exactly by eliminating the creator effects.
    ///
    /// For fixed β the best α_i is the creator's mean of y_is − β_s over its untreated
    /// periods P_i (n_i = |P_i|). Substituting it (Frisch–Waugh–Lovell) leaves the T × T
    /// reduced normal equations M β = b with
    ///
    ///     M = Σ_i ( diag(1_{P_i}) − 1_{P_i} 1_{P_i}ᵀ / n_i ),
    ///     b_t = Σ_{i : t ∈ P_i} ( y_it − ȳ_i ),
    ///
    /// built in one pass over the observations — O(Σ_i n_i²) ≤ O(N·T), no design matrix.
    /// M is singular in the direction of a common shift of all β (absorbed by the α); we
    /// fix the normalisation β = 0 for the earliest period of the fit and solve the
    /// remaining (T−1) × (T−1) system, positive definite because the periods of the fit
    /// are connected, by Cholesky. Then α̂_i = mean_{s ∈ P_i}(y_is − β̂_s). This is the
    /// same solution as least squares on explicit creator and period dummies with the
    /// earliest period's dummy left out (checked against numpy's `lstsq`).
    ///
    /// Assumes few periods (T up to a few thousand): memory O(T²) per chunk, O(T³) solve.
    struct TwoWayFit {
        /// β̂ per period (0 for the reference period and for periods outside the fit).
        var periodEffect: [Double]
        /// The reference period (β̂ = 0), −1 when nothing is fitted.
        var referencePeriod: Int
        /// Per period: its coordinate in the reduced system, −1 for the reference and for
        /// periods outside the fit.
        var reducedIndex: [Int]
        /// Unknowns of the reduced system: fitted periods but the reference.
        var reducedSize: Int
        /// M⁻¹ of the reduced system, row-major.
        var reducedInverse: [Double]
        /// α̂ per creator (0 outside the fit).
        var creatorEffect: [Double]
        /// σ̂²_i = Σ residual² / (n_i − 1) per creator (0 when n_i < 2 or outside the fit).
        var residualVariance: [Double]
        /// S = Σ_i σ̂²_i (diag(1_{P_i}) − 1_{P_i}1_{P_i}ᵀ / n_i), upper triangle, T × T.
        var meat: [Double]

        init(layout: PanelLayout, connectivity: PeriodConnectivity) throws {
            let periodCount = layout.periodCount
            let (gram, rhs) = Self.normalEquations(layout: layout, connectivity: connectivity)

            var reducedIndex = [Int](repeating: -1, count: periodCount)
            let reference = connectivity.periodInFit.firstIndex(of: true) ?? -1
            var reducedCount = 0
            for t in 0..<periodCount where connectivity.periodInFit[t] && t != reference {
                reducedIndex[t] = reducedCount
                reducedCount += 1
            }
            let reducedMatrix = Self.reduce(gram, width: periodCount, index: reducedIndex, size: reducedCount)
            var reducedRhs = [Double](repeating: 0, count: reducedCount)
            for t in 0..<periodCount where reducedIndex[t] >= 0 { reducedRhs[reducedIndex[t]] = rhs[t] }
            guard let cholesky = Cholesky(matrix: reducedMatrix, size: reducedCount) else {
                throw PanelInputError(
                    kind: .nothingEstimable, rows: [], column: "period",
                    message: "the period effects are not identified (singular normal equations)")
            }
            let solution = cholesky.solve(reducedRhs)
            var periodEffect = [Double](repeating: 0, count: periodCount)
            for t in 0..<periodCount where reducedIndex[t] >= 0 { periodEffect[t] = solution[reducedIndex[t]] }

            self.periodEffect = periodEffect
            self.referencePeriod = reference
            self.reducedIndex = reducedIndex
            self.reducedSize = reducedCount
            self.reducedInverse = cholesky.symmetricInverse()
            (creatorEffect, residualVariance, meat) = Self.creatorEffects(
                layout: layout, connectivity: connectivity, periodEffect: periodEffect)
        }

        /// M (upper triangle) and b, summed over creators in fixed chunks.
        private static func normalEquations(
            layout: PanelLayout, connectivity: PeriodConnectivity
        ) -> (gram: [Double], rhs: [Double]) {
            let width = layout.periodCount
            let stride = width * width + width
            let chunks = Chunks(count: layout.creatorCount, maxChunks: chunkCount(width: width))
            var partial = [Double](repeating: 0, count: chunks.count * stride)
            layout.period.withUnsafeBufferPointer { period in
                layout.outcome.withUnsafeBufferPointer { outcome in
                    partial.withUnsafeMutableBufferPointer { partial in
                        chunks.run { chunk, creators in
                            let gram = partial.baseAddress! + chunk * stride
                            let rhs = gram + width * width
                            for j in creators where connectivity.creatorInFit[j] {
                                let lo = layout.creatorStart[j]
                                let n = Int(connectivity.untreatedCount[j])
                                var mean = 0.0
                                for a in lo..<(lo + n) { mean += outcome[a] }
                                mean /= Double(n)
                                for a in lo..<(lo + n) { rhs[Int(period[a])] += outcome[a] - mean }
                                addCenteredGram(
                                    periods: period.baseAddress! + lo, count: n, weight: 1, width: width, into: gram)
                            }
                        }
                    }
                }
            }
            return (
                sumChunks(partial, chunks: chunks.count, range: 0..<(width * width), stride: stride),
                sumChunks(partial, chunks: chunks.count, range: (width * width)..<stride, stride: stride)
            )
        }

        /// α̂_i, σ̂²_i and the meat S, in a second pass.
        private static func creatorEffects(
            layout: PanelLayout, connectivity: PeriodConnectivity, periodEffect: [Double]
        ) -> (alpha: [Double], sigma2: [Double], meat: [Double]) {
            let width = layout.periodCount
            let stride = width * width
            var alpha = [Double](repeating: 0, count: layout.creatorCount)
            var sigma2 = [Double](repeating: 0, count: layout.creatorCount)
            let chunks = Chunks(count: layout.creatorCount, maxChunks: chunkCount(width: width))
            var partial = [Double](repeating: 0, count: chunks.count * stride)
            layout.period.withUnsafeBufferPointer { period in
                layout.outcome.withUnsafeBufferPointer { outcome in
                    periodEffect.withUnsafeBufferPointer { beta in
                        alpha.withUnsafeMutableBufferPointer { alpha in
                            sigma2.withUnsafeMutableBufferPointer { sigma2 in
                                partial.withUnsafeMutableBufferPointer { partial in
                                    chunks.run { chunk, creators in
                                        let meat = partial.baseAddress! + chunk * stride
                                        for j in creators where connectivity.creatorInFit[j] {
                                            let lo = layout.creatorStart[j]
                                            let n = Int(connectivity.untreatedCount[j])
                                            var sum = 0.0
                                            for a in lo..<(lo + n) { sum += outcome[a] - beta[Int(period[a])] }
                                            let effect = sum / Double(n)
                                            alpha[j] = effect
                                            guard n >= 2 else { continue }
                                            var squares = 0.0
                                            for a in lo..<(lo + n) {
                                                let residual = outcome[a] - effect - beta[Int(period[a])]
                                                squares += residual * residual
                                            }
                                            let variance = squares / Double(n - 1)
                                            sigma2[j] = variance
                                            addCenteredGram(
                                                periods: period.baseAddress! + lo, count: n, weight: variance,
                                                width: width, into: meat)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return (alpha, sigma2, sumChunks(partial, chunks: chunks.count, range: 0..<stride, stride: stride))
        }

        /// Adds weight · (diag(1_P) − 1_P 1_Pᵀ / n) to the upper triangle of `gram`
        /// (T × T, row-major) for the n distinct periods P, given ascending.
        ///
        /// - Complexity: O(n²).
        @inline(__always)
        static func addCenteredGram(
            periods: UnsafePointer<Int32>, count n: Int, weight: Double, width: Int,
            into gram: UnsafeMutablePointer<Double>
        ) {
            let share = weight / Double(n)
            for a in 0..<n {
                let row = gram + Int(periods[a]) * width
                row[Int(periods[a])] += weight
                for b in a..<n { row[Int(periods[b])] -= share }
            }
        }

        /// Chunks for passes with a T × T accumulator each: at most 16, and at most
        /// 2²⁴ accumulator entries in all (T = 1000 gets 16 chunks of 8 MB).
        static func chunkCount(width: Int) -> Int {
            Swift.max(1, Swift.min(Chunks.defaultCount, (1 << 24) / Swift.max(1, width * width)))
        }

        /// Entry-wise sum of each chunk's slice `range` (in chunk order).
        static func sumChunks(_ partial: [Double], chunks: Int, range: Range<Int>, stride: Int) -> [Double] {
            var total = [Double](repeating: 0, count: range.count)
            for chunk in 0..<chunks {
                let base = chunk * stride + range.lowerBound
                for k in 0..<range.count { total[k] += partial[base + k] }
            }
            return total
        }

        /// The symmetric reduced matrix from an upper-triangular T × T one.
        static func reduce(_ upper: [Double], width: Int, index: [Int], size: Int) -> [Double] {
            var reduced = [Double](repeating: 0, count: size * size)
            for t in 0..<width where index[t] >= 0 {
                for u in t..<width where index[u] >= 0 {
                    let value = upper[t * width + u]
                    reduced[index[t] * size + index[u]] = value
                    reduced[index[u] * size + index[t]] = value
                }
            }
            return reduced
        }
    }
}
