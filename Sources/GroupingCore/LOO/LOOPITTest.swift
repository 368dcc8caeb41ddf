import Foundation

/// Uniformity of the LOO-PIT values, the calibration check that needs no truth: the ECDF
/// test with simultaneous bands of Säilynoja, Bürkner & Vehtari (2022, "Graphical test for
/// discrete uniformity and its applications in goodness-of-fit evaluation and multiple
/// sample comparison", Statistics and Computing 32), in its simulation form.
///
/// At the eval points z_j = j/K (j = 1…K−1, K = `evalPointCount`) the count of PIT values
/// ≤ z_j is Binomial(n, z_j) under uniformity. The statistic is the smallest two-sided
/// pointwise tail probability over the eval points,
///
///     T = min_j min(1, 2 min(P(X_j ≤ x_j), P(X_j ≥ x_j))),   X_j ~ Binomial(n, z_j)
///
/// and its null distribution is simulated from `simulationCount` seeded sets of n uniform
/// values: p = (1 + #{T_sim ≤ T})/(1 + simulations). The simultaneous 95% band is the set of
/// counts whose pointwise tail probability is at least the 5% quantile γ of T_sim. Above
/// `maxValues` values a seeded subsample is tested (the test's power is then that of
/// `maxValues` creators, already far beyond what a report needs).
///
/// Direction: too many values near 0 and 1 (more than the 10% expected beyond 0.05 and 0.95)
/// means the predictive intervals are too narrow, too few means too wide.
public enum LOOPITTest {
    static let evalPointCount = 100
    static let simulationCount = 1000
    static let maxValues = 20_000

    public struct Band: Sendable, Equatable {
        /// The eval points z_j and the band's lower and upper ECDF values there.
        public var points: [Double]
        public var lower: [Double]
        public var upper: [Double]
    }

    public static func test(_ values: [Double], seed: UInt64) -> (result: LOOPITResult, band: Band) {
        var u = values.filter { $0.isFinite }
        if u.count > maxValues {
            var generator = SeededGenerator(seed: seed, stream: 0x5049_5421)
            for i in 0..<maxValues { u.swapAt(i, i + Int(generator.next() % UInt64(u.count - i))) }
            u = Array(u[0..<maxValues])
        }
        let n = u.count
        let points = (1..<evalPointCount).map { Double($0) / Double(evalPointCount) }
        guard n >= 2 else {
            return (
                LOOPITResult(statistic: 1, p: 1, verdict: .calibrated, tailShare: 0, values: n),
                Band(points: points, lower: points, upper: points)
            )
        }
        let tables = points.map { BinomialTails(n: n, p: $0) }
        func statistic(_ counts: [Int]) -> Double {
            var t = 1.0
            for j in 0..<points.count { t = min(t, tables[j].twoSided(counts[j])) }
            return t
        }
        func counts(_ sample: [Double]) -> [Int] {
            var bins = [Int](repeating: 0, count: evalPointCount)
            for value in sample { bins[min(Int(value * Double(evalPointCount)), evalPointCount - 1)] += 1 }
            var running = 0
            return (0..<(evalPointCount - 1)).map { j in
                running += bins[j]
                return running
            }
        }
        let observed = statistic(counts(u))
        var generator = SeededGenerator(seed: 0x4C4F_4F50_4954 &+ UInt64(n))
        var simulated: [Double] = []
        var sample = [Double](repeating: 0, count: n)
        for _ in 0..<simulationCount {
            for i in 0..<n { sample[i] = RandomVariates.uniformOpen(using: &generator) }
            simulated.append(statistic(counts(sample)))
        }
        simulated.sort()
        let extreme = simulated.filter { $0 <= observed }.count
        let p = Double(1 + extreme) / Double(1 + simulationCount)
        let gamma = simulated[Int(0.05 * Double(simulationCount))]
        let band = band(tables: tables, points: points, n: n, gamma: gamma)
        let tails = Double(u.filter { $0 < 0.05 || $0 > 0.95 }.count) / Double(n)
        let verdict: LOOPITVerdict = p >= significance ? .calibrated : tails > 0.1 ? .tooNarrow : .tooWide
        return (
            LOOPITResult(statistic: observed, p: p, verdict: verdict, tailShare: tails, values: n),
            band
        )
    }

    /// The eval points j/K, j = 1…K−1.
    static var evalPoints: [Double] { (1..<evalPointCount).map { Double($0) / Double(evalPointCount) } }

    /// The band of ECDF values whose pointwise two-sided tail probability is at least γ
    /// (at γ = 1 − c, scipy's `binom.interval(c, n, z)` / n).
    static func band(n: Int, gamma: Double) -> Band {
        let points = evalPoints
        return band(tables: points.map { BinomialTails(n: n, p: $0) }, points: points, n: n, gamma: gamma)
    }

    static func band(tables: [BinomialTails], points: [Double], n: Int, gamma: Double) -> Band {
        var lower: [Double] = []
        var upper: [Double] = []
        for table in tables {
            let range = table.countsAtLeast(gamma)
            lower.append(Double(range.lowerBound) / Double(n))
            upper.append(Double(range.upperBound) / Double(n))
        }
        return Band(points: points, lower: lower, upper: upper)
    }

    /// The simultaneous band's pointwise level γ for n values: the 5% quantile of the
    /// simulated statistic (exposed for the test against ArviZ's optimised γ).
    static func simulatedGamma(n: Int) -> Double {
        let tables = evalPoints.map { BinomialTails(n: n, p: $0) }
        var generator = SeededGenerator(seed: 0x4C4F_4F50_4954 &+ UInt64(n))
        var simulated: [Double] = []
        var bins = [Int](repeating: 0, count: evalPointCount)
        for _ in 0..<simulationCount {
            for j in bins.indices { bins[j] = 0 }
            for _ in 0..<n {
                bins[min(Int(RandomVariates.uniformOpen(using: &generator) * Double(evalPointCount)), evalPointCount - 1)] += 1
            }
            var running = 0
            var t = 1.0
            for j in 0..<(evalPointCount - 1) {
                running += bins[j]
                t = min(t, tables[j].twoSided(running))
            }
            simulated.append(t)
        }
        simulated.sort()
        return simulated[Int(0.05 * Double(simulationCount))]
    }

    /// The p-value below which the values are called miscalibrated.
    public static let significance = 0.01

    /// The Binomial(n, p) CDF tabulated from its mode out to where the pmf falls below
    /// 1e-18 (beyond, tail probabilities are taken as 0), by the pmf's ratio recursion.
    struct BinomialTails {
        let low: Int
        /// P(X ≤ low + i) and P(X ≥ low + i).
        let below: [Double]
        let above: [Double]

        init(n: Int, p: Double) {
            let mode = min(n, Int((Double(n + 1) * p).rounded(.down)))
            let logMode =
                Double.logGamma(Double(n + 1)) - Double.logGamma(Double(mode + 1))
                - Double.logGamma(Double(n - mode + 1)) + Double(mode) * log(p) + Double(n - mode) * log1p(-p)
            var pmf: [Int: Double] = [mode: exp(logMode)]
            var x = mode
            while x > 0, let value = pmf[x], value > 1e-18 {
                pmf[x - 1] = value * Double(x) / Double(n - x + 1) * (1 - p) / p
                x -= 1
            }
            let low = x
            x = mode
            while x < n, let value = pmf[x], value > 1e-18 {
                pmf[x + 1] = value * Double(n - x) / Double(x + 1) * p / (1 - p)
                x += 1
            }
            let high = x
            let values = (low...high).map { pmf[$0] ?? 0 }
            let total = values.reduce(0, +)
            var below: [Double] = []
            var running = 0.0
            for value in values {
                running += value / total
                below.append(min(running, 1))
            }
            var above = [Double](repeating: 0, count: values.count)
            running = 0
            for i in stride(from: values.count - 1, through: 0, by: -1) {
                running += values[i] / total
                above[i] = min(running, 1)
            }
            self.low = low
            self.below = below
            self.above = above
        }

        func twoSided(_ x: Int) -> Double {
            let i = x - low
            guard i >= 0 else { return 0 }
            guard i < below.count else { return 0 }
            return min(1, 2 * min(below[i], above[i]))
        }

        /// The counts whose two-sided tail probability is at least γ.
        func countsAtLeast(_ gamma: Double) -> ClosedRange<Int> {
            let inside = below.indices.filter { min(1, 2 * min(below[$0], above[$0])) >= gamma }
            guard let first = inside.first, let last = inside.last else { return low...low }
            return (low + first)...(low + last)
        }
    }
}

public enum LOOPITVerdict: String, Codable, Sendable, Equatable {
    case calibrated
    case tooNarrow = "too_narrow"
    case tooWide = "too_wide"
}

/// results.json `loo_pit`.
public struct LOOPITResult: Codable, Sendable, Equatable {
    /// The smallest pointwise tail probability of the ECDF (see `LOOPITTest`).
    public var statistic: Double
    public var p: Double
    public var verdict: LOOPITVerdict
    /// Share of values below 0.05 or above 0.95 (0.10 expected).
    public var tailShare: Double
    /// Values tested.
    public var values: Int

    public init(statistic: Double, p: Double, verdict: LOOPITVerdict, tailShare: Double, values: Int) {
        self.statistic = statistic
        self.p = p
        self.verdict = verdict
        self.tailShare = tailShare
        self.values = values
    }

    enum CodingKeys: String, CodingKey {
        case statistic, p, verdict
        case tailShare = "tail_share"
        case values
    }
}
