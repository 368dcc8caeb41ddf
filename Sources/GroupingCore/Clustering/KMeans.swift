/// k-means clustering: the best of several greedy k-means++ starts, each refined by Lloyd
/// iterations, with scikit-learn's defaults (`KMeans(n_init=10, max_iter=300, tol=1e-4)`).
///
/// The tolerance is relative, as in scikit-learn: Lloyd stops when the total squared
/// centre shift is at most `relativeTolerance × mean feature variance` of the data.
/// The fit with the lowest inertia wins (the lowest start index on ties).
///
/// Every start draws from its own `SeededGenerator(seed:stream:)` with stream
/// `k × 1000 + start` (see `streamFor(k:start:)`), so the starts run in parallel on all
/// cores and the result depends on the seed only, never on thread scheduling.
public struct KMeans: Sendable {
    /// Starts per k (scikit-learn's `n_init`).
    public var starts: Int
    /// Lloyd iterations at most (scikit-learn's `max_iter`).
    public var maxIterations: Int
    /// Tolerance relative to the mean feature variance (scikit-learn's `tol`).
    public var relativeTolerance: Double

    public init(starts: Int = 10, maxIterations: Int = 300, relativeTolerance: Double = 1e-4) {
        precondition(starts >= 1 && maxIterations >= 1, "k-means needs a start and an iteration")
        self.starts = starts
        self.maxIterations = maxIterations
        self.relativeTolerance = relativeTolerance
    }

    /// The best fit for one k.
    public struct Fit: Sendable, Equatable {
        public var k: Int
        /// Centres, row-major `k × featureCount`, in the order the fit produced them.
        public var centres: [Double]
        /// Σ_i ‖x_i − c(label_i)‖² at the final centres.
        public var inertia: Double
        /// Lloyd iterations of the winning start.
        public var iterations: Int
        /// Whether the winning start met a stopping rule before `maxIterations`.
        public var converged: Bool
        /// Which start won (0-based).
        public var start: Int
    }

    /// The random stream of start `start` for `k`: `k × 1000 + start`.
    public static func streamFor(k: Int, start: Int) -> UInt64 {
        UInt64(k) &* 1000 &+ UInt64(start)
    }

    /// One start: greedy k-means++ seeding, then Lloyd iterations.
    ///
    /// - Parameters:
    ///   - points: the rows (standardised).
    ///   - k: number of clusters, 1 ≤ k ≤ rows.
    ///   - tolerance: absolute tolerance on the total squared centre shift.
    ///   - generator: the source of randomness for the seeding.
    /// - Returns: the refined fit (with `start` = 0).
    public func fitOnce(
        points: FeatureMatrix, k: Int, tolerance: Double,
        using generator: inout some RandomNumberGenerator
    ) -> Fit {
        let initial = KMeansPlusPlus.seeds(points: points, k: k, using: &generator)
        var labels = [Int32](repeating: -1, count: points.rowCount)
        let run = Lloyd.run(
            points: points, initialCentres: initial, maxIterations: maxIterations,
            tolerance: tolerance, labels: &labels)
        return Fit(
            k: k, centres: run.centres, inertia: run.inertia, iterations: run.iterations,
            converged: run.converged, start: 0)
    }

    /// The best of `starts` fits for each k in `ks`, all (k, start) pairs run in parallel.
    ///
    /// - Parameters:
    ///   - points: the rows (standardised).
    ///   - ks: cluster counts, each 1 ≤ k ≤ rows.
    ///   - seed: the seed; with it the results are reproducible.
    /// - Returns: one fit per entry of `ks`, in the same order.
    /// - Complexity: O(Σ_k starts · (k log k + iterations · k) · n · d) time, spread over the
    ///   cores; O(n) extra memory per running start.
    public func fit(points: FeatureMatrix, ks: [Int], seed: UInt64) -> [Fit] {
        let tolerance = relativeTolerance * points.meanFeatureVariance()
        let startsPerK = starts
        let fitter = self
        let fits = parallelMap(count: ks.count * starts) { task in
            let k = ks[task / startsPerK]
            let start = task % startsPerK
            var generator = SeededGenerator(seed: seed, stream: Self.streamFor(k: k, start: start))
            var fit = fitter.fitOnce(points: points, k: k, tolerance: tolerance, using: &generator)
            fit.start = start
            return fit
        }
        return ks.indices.map { index in
            let candidates = fits[(index * starts)..<((index + 1) * starts)]
            // min(by:) keeps the first of equal elements: the lowest start wins ties.
            return candidates.min { $0.inertia < $1.inertia }!
        }
    }

    /// The best of `starts` fits for one k.
    public func fit(points: FeatureMatrix, k: Int, seed: UInt64) -> Fit {
        fit(points: points, ks: [k], seed: seed)[0]
    }

    /// The label of every row: the index of its nearest centre in `fit.centres`.
    public static func labels(points: FeatureMatrix, centres: [Double]) -> [Int32] {
        var labels = [Int32](repeating: 0, count: points.rowCount)
        Lloyd.assign(points: points, centres: centres, labels: &labels)
        return labels
    }

    /// Σ_i min_j ‖x_i − c_j‖²: the inertia of all rows at given centres.
    public static func inertia(points: FeatureMatrix, centres: [Double]) -> Double {
        Lloyd.inertia(points: points, centres: centres, labels: labels(points: points, centres: centres))
    }
}
