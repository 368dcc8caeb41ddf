/// The ranges every numeric input must lie in, checked where it enters (a file's cell, a
/// config key), so that no overflow, NaN or runaway allocation can follow later.
///
/// **Magnitudes.** The model's arithmetic squares the data and the prior scales, divides
/// by squared standard errors and sums such terms, and the interval and coverage summaries
/// square those sums again: fourth powers of the data's scale over up to 10^7 rows. With
/// every magnitude within [1e-30, 1e30], a fourth power times 10^7 is at most 1e127 and a
/// ratio of data to prior scale at most 1e60 (its square 1e120, its fourth power 1e240),
/// all inside a Double's 1.8e308. Measured with the example (issue 16): the run stays
/// correct with the whole data set scaled to 1e70 or 1e-150 and with prior scales of 1e-60,
/// and fails only from 1e80 and 1e-200 on, so the bounds keep 40 orders of magnitude of
/// margin. No real effect (a revenue lift, a rate) comes near them.
///
/// **Sizes.** The sampler keeps a few arrays of chains × draws doubles per candidate and the
/// reports draw every group, so those counts are bounded to fit in memory and in a page.
public enum NumericBounds {
    /// Largest |effect_hat|, se, panel outcome, prior scale.
    public static let maxMagnitude = 1e30
    /// Smallest se and prior scale (they divide).
    public static let minScale = 1e-30
    /// Range of `data.panel.se_multiplier`. A panel se is computed from outcomes within
    /// `maxMagnitude`, so it is of their scale; the multiplier can carry it up to 1e36 or down
    /// by 1e-6: past `maxMagnitude` (or `minScale`), but well inside the margin stated above.
    public static let seMultiplier: ClosedRange<Double> = 1e-6...1e6

    /// Most draws per chain, chains, warmup draws, and draws in all (chains × draws).
    public static let maxDraws = 100_000
    public static let maxChains = 64
    public static let maxWarmup = 100_000
    public static let maxTotalDraws = 1_000_000
    /// Most quantile bins of one candidate.
    public static let maxBins = 1_000
    /// Largest k of the clustering (`k`, `k_range`): k-means is run 10 times per k.
    public static let maxClusters = 100
    /// Most groups of one candidate (after crossing): more is an id column, not a grouping.
    public static let maxGroups = 10_000

    /// Whether `value` is a usable |effect_hat| or outcome: finite and within ±maxMagnitude.
    public static func isValue(_ value: Double) -> Bool {
        value.isFinite && abs(value) <= maxMagnitude
    }

    /// Whether `value` is a usable scale (an se, a prior scale): within [minScale, maxMagnitude].
    public static func isScale(_ value: Double) -> Bool {
        value >= minScale && value <= maxMagnitude
    }

    /// "must lie within ±1e30" and "must lie within [1e-30, 1e30]", for messages.
    public static let valueRange = "must lie within ±1e30 (larger values overflow the model's arithmetic)"
    public static let scaleRange = "must lie within [1e-30, 1e30] (beyond, the model's arithmetic overflows)"
}
