/// How many clusters to form: a fixed number, or the elbow of the inertia curve.
public enum KChoice: Sendable, Equatable {
    /// Choose k by `ElbowRule` over `k_range`.
    case auto
    /// Use this k (the configuration's integer `clustering.k`).
    case fixed(Int)
}

/// Settings of the clustering phase beyond the configuration.
public struct ClusteringOptions: Sendable, Equatable {
    /// The k-means settings (scikit-learn's defaults).
    public var kMeans: KMeans
    /// Up to this many rows every elbow fit uses all rows; above it the elbow is sampled.
    public var exactRowLimit: Int
    /// Rows in the seeded subsample of a sampled elbow.
    public var elbowSampleSize: Int

    public init(kMeans: KMeans = KMeans(), exactRowLimit: Int = 200_000, elbowSampleSize: Int = 100_000) {
        self.kMeans = kMeans
        self.exactRowLimit = exactRowLimit
        self.elbowSampleSize = elbowSampleSize
    }

    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.exactRowLimit == rhs.exactRowLimit && lhs.elbowSampleSize == rhs.elbowSampleSize
            && lhs.kMeans.starts == rhs.kMeans.starts
            && lhs.kMeans.maxIterations == rhs.kMeans.maxIterations
            && lhs.kMeans.relativeTolerance == rhs.kMeans.relativeTolerance
    }
}

/// The clustering phase's product: the results entry and the candidate grouping.
public struct ClusteringOutcome: Sendable, Equatable {
    /// Everything `results.json` records about the clustering.
    public var result: ClusteringResult
    /// Per row, the index into `labels` of its cluster.
    public var codes: [Int32]
    /// "C1"…"Ck", largest cluster first.
    public var labels: [String]

    /// The clustering as a candidate grouping (kind `cluster`).
    public func grouping(name: String = "data_driven_cluster") -> Grouping {
        Grouping(
            name: name, kind: .cluster, labels: labels, codes: codes,
            formation: "k-means with k = \(result.chosenK) (\(result.rule)) on standardised "
                + result.features.joined(separator: ", "))
    }
}

/// Phase 2, Strategy 2 of the playbook: clusters of pre-treatment features as a candidate
/// grouping, with k chosen at the elbow of the inertia curve.
///
/// Steps: median-impute and standardise the features (`StandardisedFeatures`); fit k-means
/// (`KMeans`: greedy k-means++, Lloyd, best of 10 starts) for every k in `k_range`; choose
/// k (`ElbowRule`, Kneedle, or the fixed k); order the clusters C1…Ck by size and profile
/// them in raw units (`ClusterProfiles`).
///
/// **Exact and sampled elbows.** Up to `exactRowLimit` rows (200,000) every fit uses all
/// rows. Above it, the elbow is computed on a seeded uniform subsample of
/// `elbowSampleSize` rows (100,000, drawn without replacement): for each k the best of 10
/// starts is fitted on the subsample, and the curve records the inertia of *all* rows at
/// that fit's centres, so the curve is on the scale of the full data. The final clustering
/// for the chosen k is then fitted on all rows (best of 10 starts again). `method` says
/// which scheme ran; `finalInertia` is the final fit's inertia.
public enum Clustering {
    /// The random stream of the elbow subsample, apart from every k-means start's stream.
    static let subsampleStream: UInt64 = .max

    /// Runs the clustering phase.
    ///
    /// - Parameters:
    ///   - features: one array per feature (all of one length, one entry per creator);
    ///     NaN marks a missing cell.
    ///   - names: the features' names (`clustering.features`).
    ///   - k: `.auto` or `.fixed(k)` (`clustering.k`).
    ///   - kRange: the ks of the elbow curve (`clustering.k_range`).
    ///   - seed: the run's seed; the same seed gives the same result on any number of cores.
    ///   - options: sampling thresholds and k-means settings.
    /// - Returns: the results entry, and the cluster of every row.
    /// - Throws: `ClusteringError` for a bad feature (naming it) or a k below 1 or above the
    ///   number of distinct rows (naming `clustering.k` or `clustering.k_range`).
    public static func run(
        features: [[Double]], names: [String], k: KChoice, kRange: ClosedRange<Int>,
        seed: UInt64, options: ClusteringOptions = ClusteringOptions()
    ) throws -> ClusteringOutcome {
        let standardised = try StandardisedFeatures(features: features, names: names)
        let points = standardised.matrix
        try validate(k: k, kRange: kRange, points: points)

        let ks = Array(kRange)
        let sampled = points.rowCount > options.exactRowLimit
        let kMeans = options.kMeans
        let elbowFits: [KMeans.Fit]
        let inertias: [Double]
        if sampled {
            let sample = subsample(points: points, size: options.elbowSampleSize, seed: seed)
            let sampleFits = kMeans.fit(points: sample, ks: ks, seed: seed)
            elbowFits = sampleFits
            inertias = parallelMap(count: sampleFits.count) { index in
                KMeans.inertia(points: points, centres: sampleFits[index].centres)
            }
        } else {
            elbowFits = kMeans.fit(points: points, ks: ks, seed: seed)
            inertias = elbowFits.map(\.inertia)
        }

        let chosenK: Int
        let rule: String
        let ruleDetail: String
        switch k {
        case .auto:
            let choice = ElbowRule.choose(ks: ks, inertias: inertias)
            chosenK = choice.k
            rule = ElbowRule.name
            ruleDetail = choice.detail
        case .fixed(let fixed):
            chosenK = fixed
            rule = "fixed"
            ruleDetail = "k = \(fixed) fixed by clustering.k"
        }

        let finalFit: KMeans.Fit
        if !sampled, let index = ks.firstIndex(of: chosenK) {
            finalFit = elbowFits[index]
        } else {
            finalFit = kMeans.fit(points: points, k: chosenK, seed: seed)
        }
        let ordering = ClusterProfiles.order(
            fitLabels: KMeans.labels(points: points, centres: finalFit.centres), k: chosenK)

        var result = ClusteringResult(
            features: names,
            inertias: zip(ks, inertias).map { KInertia(k: $0, inertia: $1) },
            chosenK: chosenK, rule: rule)
        result.ruleDetail = ruleDetail
        result.imputed = standardised.imputation
        result.profiles = ClusterProfiles.profiles(
            ordering: ordering, features: features, medians: standardised.imputation.map(\.median))
        result.finalInertia = finalFit.inertia
        result.method = methodDescription(
            sampled: sampled, rows: points.rowCount, sampleSize: options.elbowSampleSize,
            chosenK: chosenK, kMeans: kMeans)
        return ClusteringOutcome(result: result, codes: ordering.codes, labels: ordering.labels)
    }

    /// Checks `k` and `k_range` against each other's bounds and the data.
    static func validate(k: KChoice, kRange: ClosedRange<Int>, points: FeatureMatrix) throws {
        if kRange.lowerBound < 1 {
            throw ClusteringError.kTooSmall(key: "clustering.k_range", k: kRange.lowerBound)
        }
        var largest = (key: "clustering.k_range", k: kRange.upperBound)
        if case .fixed(let fixed) = k {
            if fixed < 1 { throw ClusteringError.kTooSmall(key: "clustering.k", k: fixed) }
            if fixed > largest.k { largest = ("clustering.k", fixed) }
        }
        let distinct = points.distinctRowCount(upTo: max(largest.k, kRange.upperBound))
        if case .fixed(let fixed) = k, fixed > distinct {
            throw ClusteringError.kTooLarge(key: "clustering.k", k: fixed, distinctRows: distinct)
        }
        if kRange.upperBound > distinct {
            throw ClusteringError.kTooLarge(
                key: "clustering.k_range", k: kRange.upperBound, distinctRows: distinct)
        }
    }

    /// A uniform random subsample of `size` rows without replacement (a partial
    /// Fisher–Yates shuffle driven by stream `subsampleStream` of `seed`), in row order.
    static func subsample(points: FeatureMatrix, size: Int, seed: UInt64) -> FeatureMatrix {
        let n = points.rowCount
        guard size < n else { return points }
        var generator = SeededGenerator(seed: seed, stream: subsampleStream)
        var indices = Array(0..<n)
        for position in 0..<size {
            indices.swapAt(position, Int.random(in: position..<n, using: &generator))
        }
        return points.selecting(rows: indices[0..<size].sorted())
    }

    static func methodDescription(
        sampled: Bool, rows: Int, sampleSize: Int, chosenK: Int, kMeans: KMeans
    ) -> String {
        let fit =
            "k-means (greedy k-means++ seeding, Lloyd iterations to convergence, "
            + "best of \(kMeans.starts) starts)"
        if sampled {
            return "sampled elbow: for each k, \(fit) on a seeded random subsample of "
                + "\(sampleSize) of the \(rows) rows, its inertia evaluated on all rows; "
                + "the final clustering for k = \(chosenK) fitted exactly on all \(rows) rows"
        }
        return "exact: \(fit) on all \(rows) rows for every k"
    }
}
