extension ImputationEstimator {
    /// The per-creator standard errors and the ATT's (formulas and assumptions in
    /// `ImputationEstimator`):
    ///
    ///     se_i = m · sqrt( (t_{0.975, n_pre−1} / z_{0.975})² σ̂²_i (1/n_post + 1/n_pre) + c_iᵀ V̂_β c_i )
    ///     Var(ATT) = Σ_i W_i² σ̂²_i (1/n_post,i + 1/n_pre,i) + dᵀ V̂_β d
    ///
    /// with V̂_β = M⁻¹ S M⁻¹ in the reduced coordinates, embedded in T × T with zero rows
    /// and columns for the reference period (β fixed at 0) and periods outside the fit.
    ///
    /// - Complexity: O(T³ + Σ_i (n_pre + n_post)²) over the K kept creators.
    struct StandardErrors {
        /// Per kept creator (in `CreatorEffects.kept` order).
        var se: [Double]
        var attSe: Double

        init(
            layout: PanelLayout, connectivity: PeriodConnectivity, fit: TwoWayFit, effects: CreatorEffects,
            window: ClosedRange<Int>?, multiplier: Double
        ) {
            let width = layout.periodCount
            let covariance = Self.periodEffectCovariance(fit: fit, width: width)
            let maxPre = effects.kept.map { Int(connectivity.untreatedCount[Int($0)]) }.max() ?? 2
            let inflation = Self.smallSampleInflation(maxDegreesOfFreedom: maxPre - 1)

            let keptCount = effects.kept.count
            var se = [Double](repeating: 0, count: keptCount)
            let chunks = Chunks(count: keptCount, maxChunks: TwoWayFit.chunkCount(width: width))
            // Per chunk: the raw sum Σ n_post c_i (T entries), then Σ n_post σ̂² (1 + n_post/n_pre).
            let stride = width + 1
            var partial = [Double](repeating: 0, count: chunks.count * stride)
            var scratchPeriods = [Int32](repeating: 0, count: chunks.count * width)
            var scratchWeights = [Double](repeating: 0, count: chunks.count * width)
            layout.period.withUnsafeBufferPointer { period in
                covariance.withUnsafeBufferPointer { covariance in
                    se.withUnsafeMutableBufferPointer { se in
                        partial.withUnsafeMutableBufferPointer { partial in
                            scratchPeriods.withUnsafeMutableBufferPointer { scratchPeriods in
                                scratchWeights.withUnsafeMutableBufferPointer { scratchWeights in
                                    chunks.run { chunk, range in
                                        let direction = partial.baseAddress! + chunk * stride
                                        let support = scratchPeriods.baseAddress! + chunk * width
                                        let weights = scratchWeights.baseAddress! + chunk * width
                                        var ownSum = 0.0
                                        for k in range {
                                            let j = Int(effects.kept[k])
                                            let lo = layout.creatorStart[j]
                                            let hi = layout.creatorStart[j + 1]
                                            let pre = Int(connectivity.untreatedCount[j])
                                            let post = Double(effects.postCount[j])
                                            // The contrast c_i: +1/n_pre on untreated periods, −1/n_post on counted treated ones.
                                            var size = 0
                                            for a in lo..<(lo + pre) {
                                                support[size] = period[a]
                                                weights[size] = 1 / Double(pre)
                                                size += 1
                                            }
                                            for a in (lo + pre)..<hi {
                                                let p = Int(period[a])
                                                guard
                                                    CreatorEffects.counts(
                                                        period: p, first: layout.firstTreated[j], layout: layout,
                                                        connectivity: connectivity, window: window)
                                                else { continue }
                                                support[size] = period[a]
                                                weights[size] = -1 / post
                                                size += 1
                                            }
                                            var quadratic = 0.0
                                            for a in 0..<size {
                                                let row = covariance.baseAddress! + Int(support[a]) * width
                                                var inner = 0.0
                                                for b in 0..<size { inner += weights[b] * row[Int(support[b])] }
                                                quadratic += weights[a] * inner
                                                direction[Int(support[a])] += post * weights[a]
                                            }
                                            let sigma2 = fit.residualVariance[j]
                                            let own = sigma2 * (1 / post + 1 / Double(pre))
                                            se[k] =
                                                multiplier
                                                * (inflation[pre - 1] * own + Swift.max(0, quadratic)).squareRoot()
                                            ownSum += post * post * own
                                        }
                                        direction[width] = ownSum
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let total = TwoWayFit.sumChunks(partial, chunks: chunks.count, range: 0..<stride, stride: stride)
            let treated = Double(effects.treatedObservations)
            let d = total[0..<width].map { $0 / treated }
            var quadratic = 0.0
            for a in 0..<width where d[a] != 0 {
                for b in 0..<width { quadratic += d[a] * covariance[a * width + b] * d[b] }
            }
            self.se = se
            self.attSe = (total[width] / (treated * treated) + Swift.max(0, quadratic)).squareRoot()
        }

        /// V̂_β = M⁻¹ S M⁻¹ on the reduced coordinates, embedded in a T × T matrix.
        static func periodEffectCovariance(fit: TwoWayFit, width: Int) -> [Double] {
            let size = fit.reducedSize
            let meat = TwoWayFit.reduce(fit.meat, width: width, index: fit.reducedIndex, size: size)
            let inverse = fit.reducedInverse
            // product = M⁻¹ S, then covariance = product · M⁻¹.
            var product = [Double](repeating: 0, count: size * size)
            for i in 0..<size {
                for k in 0..<size where inverse[i * size + k] != 0 {
                    let factor = inverse[i * size + k]
                    for j in 0..<size { product[i * size + j] += factor * meat[k * size + j] }
                }
            }
            var reduced = [Double](repeating: 0, count: size * size)
            for i in 0..<size {
                for k in 0..<size where product[i * size + k] != 0 {
                    let factor = product[i * size + k]
                    for j in 0..<size { reduced[i * size + j] += factor * inverse[k * size + j] }
                }
            }
            var covariance = [Double](repeating: 0, count: width * width)
            for t in 0..<width where fit.reducedIndex[t] >= 0 {
                for u in 0..<width where fit.reducedIndex[u] >= 0 {
                    let (a, b) = (fit.reducedIndex[t], fit.reducedIndex[u])
                    // Symmetrise against rounding.
                    covariance[t * width + u] = 0.5 * (reduced[a * size + b] + reduced[b * size + a])
                }
            }
            return covariance
        }

        /// (t_{0.975, ν} / z_{0.975})² for ν = 0 … maxDegreesOfFreedom (entry 0 unused).
        static func smallSampleInflation(maxDegreesOfFreedom: Int) -> [Double] {
            var table = [Double](repeating: 1, count: Swift.max(2, maxDegreesOfFreedom + 1))
            for nu in 1..<table.count {
                let ratio =
                    StudentT.quantile(0.975, degreesOfFreedom: Double(nu)) / ImputationEstimator.normalQuantile975
                table[nu] = ratio * ratio
            }
            return table
        }
    }
}
