import Foundation

/// Effective sample size of several chains by Geyer's initial monotone sequence, exactly
/// as ArviZ's `_ess` (after Stan's `ess` and Vehtari et al. 2021, eq. 10–11):
///
///     ρ̂_t = 1 − (W − mean_c acov_c(t)) / var⁺,   var⁺ = (n−1)/n · W + B/n
///     τ̂ = −1 + 2 Σ_{t ≤ max_t} ρ̂_t + ρ̂_{max_t+1},   ESS = m·n / max(τ̂, 1/log10(m·n))
///
/// where acov_c is the biased (÷n) autocovariance of chain c, W the mean within-chain
/// variance (ddof 1) and B/n the variance (ddof 1) of the chain means. The autocovariance
/// is computed directly, lag by lag and only for the lags Geyer's rule visits.
enum EffectiveSampleSize {
    static func ess(_ chains: [[Double]]) -> Double {
        let chainCount = chains.count
        let n = chains[0].count
        let total = chainCount * n
        var minimum = Double.infinity
        var maximum = -Double.infinity
        for chain in chains {
            for value in chain {
                minimum = min(minimum, value)
                maximum = max(maximum, value)
            }
        }
        if maximum - minimum < 1e-15 { return Double(total) }

        let means = chains.map { $0.reduce(0, +) / Double(n) }
        let centered = zip(chains, means).map { chain, mean in chain.map { $0 - mean } }
        func meanAutocovariance(lag: Int) -> Double {
            var sum = 0.0
            for chain in centered {
                var s = 0.0
                chain.withUnsafeBufferPointer { x in
                    for j in 0..<(n - lag) { s += x[j] * x[j + lag] }
                }
                sum += s / Double(n)
            }
            return sum / Double(chainCount)
        }

        let meanVar = meanAutocovariance(lag: 0) * Double(n) / (Double(n) - 1)
        var varPlus = meanVar * (Double(n) - 1) / Double(n)
        if chainCount > 1 {
            let grand = means.reduce(0, +) / Double(chainCount)
            varPlus += means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(chainCount - 1)
        }
        func rho(_ lag: Int) -> Double { 1 - (meanVar - meanAutocovariance(lag: lag)) / varPlus }

        var rhoHat = [Double](repeating: 0, count: n)
        var rhoEven = 1.0
        rhoHat[0] = rhoEven
        var rhoOdd = rho(1)
        rhoHat[1] = rhoOdd
        // Geyer's initial positive sequence.
        var t = 1
        while t < n - 3 && rhoEven + rhoOdd > 0 {
            rhoEven = rho(t + 1)
            rhoOdd = rho(t + 2)
            if rhoEven + rhoOdd >= 0 {
                rhoHat[t + 1] = rhoEven
                rhoHat[t + 2] = rhoOdd
            }
            t += 2
        }
        let maxT = t - 2
        if rhoEven > 0 { rhoHat[maxT + 1] = rhoEven }
        // Geyer's initial monotone sequence.
        t = 1
        while t <= maxT - 2 {
            if rhoHat[t + 1] + rhoHat[t + 2] > rhoHat[t - 1] + rhoHat[t] {
                rhoHat[t + 1] = (rhoHat[t - 1] + rhoHat[t]) / 2
                rhoHat[t + 2] = rhoHat[t + 1]
            }
            t += 2
        }
        var tauHat = -1.0
        for lag in 0...max(maxT, 0) where lag <= maxT { tauHat += 2 * rhoHat[lag] }
        if maxT + 1 < n { tauHat += rhoHat[maxT + 1] }
        tauHat = max(tauHat, 1 / log10(Double(total)))
        return Double(total) / tauHat
    }
}
