extension ImputationEstimator {
    /// Steps 2–4 of the estimator: imputed effects averaged per treated creator, the
    /// drop reasons, and the ATT (see `ImputationEstimator`).
    ///
    /// - Complexity: O(N), parallel over fixed chunks of creators.
    struct CreatorEffects {
        /// Per creator: effect_hat (0 unless kept).
        var effectHat: [Double]
        /// Per creator: n_post, the treated observations averaged (0 unless kept).
        var postCount: [Int32]
        /// The estimated creators' codes, ascending.
        var kept: [Int32]
        var dropCounts: [DropCount]
        /// Mean imputed effect over all averaged treated observations.
        var att: Double
        /// N₁: treated observations averaged.
        var treatedObservations: Int
        /// Treated observations in the window of kept creators whose period has no effect.
        var unimputedObservations: Int

        init(layout: PanelLayout, connectivity: PeriodConnectivity, fit: TwoWayFit, window: ClosedRange<Int>?) {
            let creatorCount = layout.creatorCount
            var effectHat = [Double](repeating: 0, count: creatorCount)
            var postCount = [Int32](repeating: 0, count: creatorCount)
            // -1: not a treated creator; 0: kept; k + 1: dropped for PanelDropReason(rawValue: k).
            var status = [Int8](repeating: -1, count: creatorCount)
            let chunks = Chunks(count: creatorCount, maxChunks: Chunks.defaultCount)
            var unimputed = [Int](repeating: 0, count: chunks.count)
            layout.period.withUnsafeBufferPointer { period in
                layout.outcome.withUnsafeBufferPointer { outcome in
                    effectHat.withUnsafeMutableBufferPointer { effectHat in
                        postCount.withUnsafeMutableBufferPointer { postCount in
                            status.withUnsafeMutableBufferPointer { status in
                                unimputed.withUnsafeMutableBufferPointer { unimputed in
                                    chunks.run { chunk, creators in
                                        for j in creators where layout.firstTreated[j] != PanelLayout.never {
                                            let first = layout.firstTreated[j]
                                            let lo = layout.creatorStart[j]
                                            let hi = layout.creatorStart[j + 1]
                                            let pre = Int(connectivity.untreatedCount[j])
                                            var reason: PanelDropReason?
                                            var sum = 0.0
                                            var count = 0
                                            if hi == lo { continue }
                                            if hi - lo == pre {
                                                reason = .noTreatedPeriodObserved
                                            } else if pre == 0 {
                                                reason = .noUntreatedPeriod
                                            } else if !connectivity.creatorInFit[j] {
                                                reason = .disconnected
                                            } else if pre < 2 {
                                                reason = .tooFewUntreatedPeriods
                                            } else {
                                                var inWindow = 0
                                                var missing = 0
                                                for a in (lo + pre)..<hi {
                                                    let p = Int(period[a])
                                                    guard window?.contains(layout.periodValues[p] - first) ?? true
                                                    else { continue }
                                                    inWindow += 1
                                                    guard connectivity.periodInFit[p] else {
                                                        missing += 1
                                                        continue
                                                    }
                                                    sum += outcome[a] - fit.creatorEffect[j] - fit.periodEffect[p]
                                                    count += 1
                                                }
                                                if inWindow == 0 {
                                                    reason = .noTreatedPeriodInWindow
                                                } else if count == 0 {
                                                    reason = .noEstimatedPeriodEffect
                                                } else {
                                                    unimputed[chunk] += missing
                                                }
                                            }
                                            if let reason {
                                                status[j] = Int8(reason.rawValue + 1)
                                            } else {
                                                status[j] = 0
                                                effectHat[j] = sum / Double(count)
                                                postCount[j] = Int32(count)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var kept: [Int32] = []
            var drops = [Int](repeating: 0, count: PanelDropReason.allCases.count)
            var weightedSum = 0.0
            var treatedObservations = 0
            for j in 0..<creatorCount {
                switch status[j] {
                case 0:
                    kept.append(Int32(j))
                    weightedSum += Double(postCount[j]) * effectHat[j]
                    treatedObservations += Int(postCount[j])
                case let s where s > 0: drops[Int(s) - 1] += 1
                default: break
                }
            }
            self.effectHat = effectHat
            self.postCount = postCount
            self.kept = kept
            self.dropCounts = PanelDropReason.allCases.compactMap { reason in
                drops[reason.rawValue] > 0 ? DropCount(reason: reason.description, count: drops[reason.rawValue]) : nil
            }
            self.treatedObservations = treatedObservations
            self.att = treatedObservations > 0 ? weightedSum / Double(treatedObservations) : 0
            self.unimputedObservations = unimputed.reduce(0, +)
        }

        /// True when treated observation `a` (period index `p`) of a creator first treated
        /// in `first` enters its effect_hat.
        @inline(__always)
        static func counts(
            period p: Int, first: Int, layout: PanelLayout, connectivity: PeriodConnectivity, window: ClosedRange<Int>?
        ) -> Bool {
            connectivity.periodInFit[p] && (window?.contains(layout.periodValues[p] - first) ?? true)
        }
    }
}
