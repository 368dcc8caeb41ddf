extension ImputationEstimator {
    /// Which creator and period effects the untreated observations identify.
    ///
    /// In y_it = α_i + β_t + ε_it, the untreated observations form a bipartite graph
    /// between creators and periods. Effects are identified up to one constant per
    /// connected component, so imputations α_i + β_t compare only within a component.
    /// We keep the component with the most untreated observations (ties: the one holding
    /// the earliest period) and treat everything else as not estimable. Two periods are
    /// connected when some creator is untreated in both, so a union–find over periods
    /// suffices: each creator joins all its untreated periods.
    ///
    /// - Complexity: O(N α(T)) for N observations and T periods.
    struct PeriodConnectivity {
        /// Per creator: number of untreated observations (they lead its sorted rows).
        var untreatedCount: [Int32]
        /// Per creator: its untreated observations lie in the kept component.
        var creatorInFit: [Bool]
        /// Per period: the period lies in the kept component (its effect is estimated).
        var periodInFit: [Bool]
        /// Untreated observations in the kept component (the observations of the fit).
        var fitObservations: Int

        init(layout: PanelLayout) {
            let periodCount = layout.periodCount
            let creatorCount = layout.creatorCount
            var parent = Array(0..<periodCount)
            var untreatedPerPeriod = [Int](repeating: 0, count: periodCount)
            var untreatedCount = [Int32](repeating: 0, count: creatorCount)

            func root(_ x: Int) -> Int {
                var x = x
                while parent[x] != x {
                    parent[x] = parent[parent[x]]  // path halving
                    x = parent[x]
                }
                return x
            }

            layout.period.withUnsafeBufferPointer { period in
                for j in 0..<creatorCount {
                    let lo = layout.creatorStart[j]
                    let hi = layout.creatorStart[j + 1]
                    let first = layout.firstTreated[j]
                    var end = lo
                    while end < hi && layout.periodValues[Int(period[end])] < first { end += 1 }
                    untreatedCount[j] = Int32(end - lo)
                    guard end > lo else { continue }
                    let anchor = root(Int(period[lo]))
                    untreatedPerPeriod[Int(period[lo])] += 1
                    for a in (lo + 1)..<end {
                        let p = Int(period[a])
                        untreatedPerPeriod[p] += 1
                        let r = root(p)
                        if r != anchor { parent[r] = anchor }
                    }
                }
            }

            var size = [Int](repeating: 0, count: periodCount)
            for t in 0..<periodCount { size[root(t)] += untreatedPerPeriod[t] }
            var kept = -1
            for t in 0..<periodCount where size[t] > 0 && (kept < 0 || size[t] > size[kept]) { kept = t }
            // Ties: the component reached first in period order wins.
            if kept >= 0 {
                for t in 0..<periodCount where size[root(t)] == size[kept] {
                    kept = root(t)
                    break
                }
            }
            var periodInFit = [Bool](repeating: false, count: periodCount)
            for t in 0..<periodCount where kept >= 0 && untreatedPerPeriod[t] > 0 && root(t) == kept {
                periodInFit[t] = true
            }
            var creatorInFit = [Bool](repeating: false, count: creatorCount)
            var fitObservations = 0
            for j in 0..<creatorCount where untreatedCount[j] > 0 {
                let firstPeriod = Int(layout.period[layout.creatorStart[j]])
                if periodInFit[firstPeriod] {
                    creatorInFit[j] = true
                    fitObservations += Int(untreatedCount[j])
                }
            }
            self.untreatedCount = untreatedCount
            self.creatorInFit = creatorInFit
            self.periodInFit = periodInFit
            self.fitObservations = fitObservations
        }
    }
}
