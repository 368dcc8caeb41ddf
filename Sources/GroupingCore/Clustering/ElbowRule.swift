/// Picks the number of clusters from the elbow of the inertia curve with Kneedle
/// (Satopää, Albrecht, Irwin & Raghavan, "Finding a 'Kneedle' in a Haystack: Detecting
/// Knee Points in System Behavior", ICDCS Workshops 2011), as the `kneed` package applies
/// it to a decreasing convex curve (`curve="convex", direction="decreasing"`, S = 1):
///
/// 1. Normalise both axes to [0, 1]: x̂ = (k − k_min) / (k_max − k_min),
///    ŷ = (I − I_min) / (I_max − I_min).
/// 2. Turn the elbow into a knee: y' = 1 − ŷ, and take the difference curve
///    D_i = y'_i − x̂_i (how far the curve lies above the chord).
/// 3. Local maxima of D (D_i ≥ both neighbours; an end point compares with its one
///    neighbour) that lie above the chord (D > 0) are candidate knees, each with threshold
///    T = D_max − S · mean(Δx̂). (`kneed` also admits maxima with D ≤ 0, which on a concave
///    curve reports the first point as a "knee"; here such a curve has no knee.)
///    Local minima likewise (≤ both neighbours); the last point counts as both.
/// 4. Walk right from the first local maximum: at a maximum the threshold becomes its T,
///    at a minimum it becomes 0. The first time the next point's D falls below the
///    threshold, the most recent local maximum is the knee.
///
/// When no point qualifies (a straight or concave curve, a constant curve, fewer than three
/// points), there is no elbow in the data; the rule then falls back to the smallest k,
/// the most parsimonious grouping, and says so.
public enum ElbowRule {
    /// The rule's name as recorded in `ClusteringResult.rule`.
    public static let name = "kneedle"

    /// The elbow chosen for an inertia curve.
    public struct Choice: Sendable, Equatable {
        /// The chosen number of clusters.
        public var k: Int
        /// Whether Kneedle found a knee (false: the fallback to the smallest k was used).
        public var kneeFound: Bool
        /// The rule in words, for the report.
        public var detail: String
    }

    /// Chooses k from the inertia at each k.
    ///
    /// - Parameters:
    ///   - ks: the cluster counts, increasing.
    ///   - inertias: the inertia at each of `ks`.
    ///   - sensitivity: Kneedle's S (1 by default, as in the paper's offline setting).
    /// - Returns: the knee, or the smallest k when there is none.
    public static func choose(ks: [Int], inertias: [Double], sensitivity: Double = 1) -> Choice {
        precondition(!ks.isEmpty && ks.count == inertias.count, "one inertia per k")
        let description =
            "Kneedle (Satopää et al. 2011, S = \(formatted(sensitivity))) on the normalised "
            + "decreasing convex curve of inertia against k"
        if let knee = knee(ks: ks, inertias: inertias, sensitivity: sensitivity) {
            return Choice(
                k: knee, kneeFound: true,
                detail: "\(description): knee at k = \(knee) of \(ks[0])–\(ks[ks.count - 1])")
        }
        let fallback = ks[0]
        return Choice(
            k: fallback, kneeFound: false,
            detail: "\(description): no knee found in k = \(ks[0])–\(ks[ks.count - 1]) "
                + "(no clear elbow in the data); fell back to the smallest k, \(fallback)")
    }

    /// The Kneedle knee of a decreasing convex curve, or nil when there is none.
    ///
    /// - Parameters:
    ///   - ks: x values, increasing.
    ///   - inertias: y values.
    ///   - sensitivity: Kneedle's S.
    /// - Returns: the x value of the knee.
    /// - Complexity: O(n).
    public static func knee(ks: [Int], inertias: [Double], sensitivity: Double = 1) -> Int? {
        let n = ks.count
        guard n >= 3, let yMin = inertias.min(), let yMax = inertias.max(), yMax > yMin,
            ks[n - 1] > ks[0]
        else { return nil }
        let xSpan = Double(ks[n - 1] - ks[0])
        let x = ks.map { Double($0 - ks[0]) / xSpan }
        let difference = (0..<n).map { i in (1 - (inertias[i] - yMin) / (yMax - yMin)) - x[i] }

        // A knee lies above the chord: maxima at or below it (D ≤ 0) are no candidates.
        let maxima = extrema(difference, isMaximum: true).filter { difference[$0] > 0 } + [n - 1]
        let minima = Set(extrema(difference, isMaximum: false) + [n - 1])
        let meanStep = (x[n - 1] - x[0]) / Double(n - 1)
        let thresholds = maxima.dropLast().map { difference[$0] - sensitivity * meanStep }
        let maximaSet = Set(maxima)

        var threshold = 0.0
        var thresholdIndex = maxima[0]
        var maximaSeen = 0
        for i in maxima[0]..<(n - 1) {
            if maximaSet.contains(i) {
                threshold = thresholds[maximaSeen]
                thresholdIndex = i
                maximaSeen += 1
            }
            if minima.contains(i) { threshold = 0 }
            if difference[i + 1] < threshold { return ks[thresholdIndex] }
        }
        return nil
    }

    /// Indices of local maxima (or minima) of `values`: points at least as large (small)
    /// as both neighbours, an end point compared with its one neighbour.
    static func extrema(_ values: [Double], isMaximum: Bool) -> [Int] {
        values.indices.filter { i in
            let left = values[max(i - 1, 0)]
            let right = values[min(i + 1, values.count - 1)]
            return isMaximum
                ? values[i] >= left && values[i] >= right
                : values[i] <= left && values[i] <= right
        }
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
