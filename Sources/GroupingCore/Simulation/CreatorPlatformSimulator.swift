import Foundation

/// A deterministic synthetic creator platform with known true effects, for demos, tests
/// and benchmarks.
///
/// The structure (documented here and in the README, so a reader can check what the report
/// finds):
/// - `genre` (6 levels, unequal shares) carries most of the effect heterogeneity:
///   true lift by genre Gaming 0.12, Education 0.09, Music 0.06, Entertainment 0.05,
///   Lifestyle 0.03, Other 0.00.
/// - `arpu` (log-normal, genre-dependent level) adds a smaller monotone gradient:
///   +0.025 per standard deviation of log ARPU.
/// - `follower_count` is heavy-tailed (log-normal, about 100 to 10 million); audience size
///   does not change the true effect, but large creators are estimated more precisely
///   (smaller `se`).
/// - `content_type` has no effect at all (a grouping that should be rejected).
/// - Each creator's own deviation: Normal(0, 0.03).
/// - `drifted` (quarterly data, `QuarterlySimulation`): genre stops mattering and audience
///   size starts to. Every genre's true lift becomes the share-weighted mean of the genre
///   effects above (0.0668), and a gradient of +0.04 per standard deviation of log follower
///   count appears (centred at the population mean of log followers, so the platform's
///   average lift stays the same). Everything else, noise included, is unchanged.
///
/// Files (`creators.csv`, `ites.csv`, `panel.csv`, `truth.csv`, `config.yml`):
/// - the panel is a staggered rollout over 12 periods: first treated in period 5, 7 or 9,
///   or never (15%); outcome `log_revenue` = creator level + period trend +
///   true effect × treated + Normal(0, σ_i) with σ_i depending on audience size;
/// - `ites.csv` holds, for every treated creator, effect_hat = true effect + Normal(0, se_i)
///   with se_i = σ_i √(1/n_post + 1/n_pre), the precision the panel design gives;
/// - `revenue_pre` and `revenue_post` are mean revenue before and after the rollout, with
///   post = pre × (1 + true effect + Normal(0, 0.02)); a few creators have
///   `revenue_pre` = 0 (dropped from the lift, and counted);
/// - about 1% of `avg_views_pre` cells are empty (missing values, median-imputed when it is
///   a clustering feature).
public struct CreatorPlatformSimulator: Sendable {
    public var creators: Int
    public var seed: UInt64
    public var periods = 12
    /// The grouping structure after the drift (see above); false = the original structure.
    public var drifted = false

    public init(creators: Int = 1500, seed: UInt64 = 42, drifted: Bool = false) {
        self.creators = creators
        self.seed = seed
        self.drifted = drifted
    }

    /// After the drift: every genre's true lift, the share-weighted mean of `genreEffects`.
    public static let driftedGenreEffect = zip(genreShares, genreEffects).map { $0 * $1 }.reduce(0, +)
    /// After the drift: true lift per standard deviation of log follower count.
    public static let driftAudienceGradient = 0.04
    /// Mean and sd of log follower count in the simulated population.
    static let logFollowersMean = 9.2
    static let logFollowersSD = 1.7

    public static let genres = ["Gaming", "Education", "Entertainment", "Lifestyle", "Music", "Other"]
    static let genreShares = [0.24, 0.16, 0.22, 0.18, 0.12, 0.08]
    static let genreEffects = [0.12, 0.09, 0.05, 0.03, 0.06, 0.00]
    static let genreLogArpu = [1.2, 1.6, 0.9, 1.1, 0.7, 0.8]
    public static let contentTypes = ["Video", "Livestream", "Shorts", "Mixed"]
    static let contentShares = [0.4, 0.2, 0.25, 0.15]

    /// One simulated creator.
    public struct Creator: Sendable {
        public var id: String
        public var genre: Int
        public var contentType: Int
        public var followers: Double
        public var arpu: Double
        public var engagementRate: Double
        public var avgViewsPre: Double?
        public var avgRevenuePre: Double
        public var tenureMonths: Int
        public var revenuePre: Double
        public var revenuePost: Double
        public var trueEffect: Double
        /// First treated period, nil = never treated.
        public var firstTreated: Int?
        /// Residual sd of the creator's panel outcome.
        public var panelNoise: Double
        public var effectHat: Double?
        public var se: Double?
    }

    /// The simulated creators, in id order.
    public func simulate() -> [Creator] {
        var rng = SeededGenerator(seed: seed)
        let idWidth = max(5, String(creators).count)
        var result: [Creator] = []
        result.reserveCapacity(creators)
        for index in 0..<creators {
            let genre = Self.draw(Self.genreShares, &rng)
            let content = Self.draw(Self.contentShares, &rng)
            let logFollowers = RandomVariates.normal(
                mean: Self.logFollowersMean, sd: Self.logFollowersSD, using: &rng)
            let followers = (exp(min(max(logFollowers, 4.6), 16.1))).rounded()
            let logArpuZ = RandomVariates.standardNormal(using: &rng)
            let arpu = exp(Self.genreLogArpu[genre] + 0.45 * logArpuZ)
            let engagement = min(0.6, max(0.002, exp(RandomVariates.normal(mean: -3.0, sd: 0.5, using: &rng))))
            let views = followers * engagement * exp(RandomVariates.normal(mean: 1.5, sd: 0.3, using: &rng))
            let avgRevenue = views * arpu / 1000
            let tenure = Int(1 + 60 * RandomVariates.uniformOpen(using: &rng))
            let genreEffect = drifted ? Self.driftedGenreEffect : Self.genreEffects[genre]
            let audienceEffect =
                drifted
                ? Self.driftAudienceGradient * (logFollowers - Self.logFollowersMean) / Self.logFollowersSD : 0
            let trueEffect =
                genreEffect + 0.025 * logArpuZ + audienceEffect
                + RandomVariates.normal(mean: 0, sd: 0.03, using: &rng)
            let zeroPre = RandomVariates.uniformOpen(using: &rng) < 0.003
            let revenuePre = zeroPre ? 0 : (avgRevenue * 4).rounded(toPlaces: 2) + 0.01
            let revenuePost =
                zeroPre
                ? (avgRevenue * 4).rounded(toPlaces: 2)
                : (revenuePre * (1 + trueEffect + RandomVariates.normal(mean: 0, sd: 0.02, using: &rng))).rounded(
                    toPlaces: 2)
            let cohort = RandomVariates.uniformOpen(using: &rng)
            let firstTreated: Int? = cohort < 0.15 ? nil : (cohort < 0.45 ? 5 : (cohort < 0.75 ? 7 : 9))
            // Bigger audiences: steadier revenue, so smaller residual noise.
            let noise =
                min(0.6, max(0.03, 0.9 / log10(max(followers, 10)) - 0.1))
                * exp(RandomVariates.normal(mean: 0, sd: 0.25, using: &rng))
            var effectHat: Double? = nil
            var se: Double? = nil
            if let first = firstTreated {
                let nPre = Double(first - 1)
                let nPost = Double(periods - first + 1)
                let s = noise * (1 / nPost + 1 / nPre).squareRoot()
                se = s
                effectHat = trueEffect + s * RandomVariates.standardNormal(using: &rng)
            }
            let missingViews = RandomVariates.uniformOpen(using: &rng) < 0.01
            let id = "c" + String(repeating: "0", count: idWidth - String(index + 1).count) + String(index + 1)
            result.append(
                Creator(
                    id: id, genre: genre, contentType: content, followers: followers, arpu: arpu,
                    engagementRate: engagement, avgViewsPre: missingViews ? nil : views.rounded(),
                    avgRevenuePre: avgRevenue, tenureMonths: tenure, revenuePre: revenuePre,
                    revenuePost: revenuePost, trueEffect: trueEffect, firstTreated: firstTreated,
                    panelNoise: noise, effectHat: effectHat, se: se))
        }
        return result
    }

    /// The files `simulate` writes, by name, as text.
    public func files() -> [(name: String, contents: String)] {
        let creators = simulate()
        var creatorsCSV = TextBuffer(
            "creator_id,genre,content_type,follower_count,arpu,engagement_rate,avg_views_pre,avg_revenue_pre,tenure_months,revenue_pre,revenue_post\n"
        )
        var itesCSV = TextBuffer("creator_id,effect_hat,se\n")
        var truthCSV = TextBuffer("creator_id,true_effect\n")
        for c in creators {
            creatorsCSV.append(c.id)
            creatorsCSV.comma()
            creatorsCSV.append(Self.genres[c.genre])
            creatorsCSV.comma()
            creatorsCSV.append(Self.contentTypes[c.contentType])
            creatorsCSV.comma()
            creatorsCSV.append(fixed: c.followers, places: 0)
            creatorsCSV.comma()
            creatorsCSV.append(fixed: c.arpu, places: 4)
            creatorsCSV.comma()
            creatorsCSV.append(fixed: c.engagementRate, places: 5)
            creatorsCSV.comma()
            if let views = c.avgViewsPre { creatorsCSV.append(fixed: views, places: 0) }
            creatorsCSV.comma()
            creatorsCSV.append(fixed: c.avgRevenuePre, places: 2)
            creatorsCSV.comma()
            creatorsCSV.append(fixed: Double(c.tenureMonths), places: 0)
            creatorsCSV.comma()
            creatorsCSV.append(fixed: c.revenuePre, places: 2)
            creatorsCSV.comma()
            creatorsCSV.append(fixed: c.revenuePost, places: 2)
            creatorsCSV.newline()
            if let e = c.effectHat, let s = c.se {
                itesCSV.append(c.id)
                itesCSV.comma()
                itesCSV.append(fixed: e, places: 6)
                itesCSV.comma()
                itesCSV.append(fixed: s, places: 6)
                itesCSV.newline()
            }
            truthCSV.append(c.id)
            truthCSV.comma()
            truthCSV.append(fixed: c.trueEffect, places: 6)
            truthCSV.newline()
        }
        return [
            ("creators.csv", creatorsCSV.text), ("ites.csv", itesCSV.text), ("panel.csv", panelCSV(creators)),
            ("truth.csv", truthCSV.text), ("config.yml", Self.exampleConfig(seed: seed)),
        ]
    }

    /// The rollout panel: one row per creator and period.
    func panelCSV(_ creators: [Creator]) -> String {
        var rng = SeededGenerator(seed: seed, stream: 7)
        let trend = (1...periods).map { 0.02 * Double($0) + 0.05 * sin(Double($0)) }
        var text = TextBuffer("creator_id,period,log_revenue,first_treated\n")
        text.reserve(creators.count * periods * 32)
        for c in creators {
            let level = log(max(c.avgRevenuePre, 0.01))
            for t in 1...periods {
                let treated = c.firstTreated.map { t >= $0 } ?? false
                let y =
                    level + trend[t - 1] + (treated ? c.trueEffect : 0)
                    + c.panelNoise * RandomVariates.standardNormal(using: &rng)
                text.append(c.id)
                text.comma()
                text.append(fixed: Double(t), places: 0)
                text.comma()
                text.append(fixed: y, places: 6)
                text.comma()
                if let first = c.firstTreated { text.append(fixed: Double(first), places: 0) }
                text.newline()
            }
        }
        return text.text
    }

    /// The `config.yml` that runs on the simulated files.
    public static func exampleConfig(seed: UInt64) -> String {
        """
        # A simulated creator platform (grouping-report simulate --seed \(seed)).
        title: "Creator revenue boost, simulated rollout"
        data:
          creators: creators.csv
          id: creator_id
          ites: ites.csv
          # panel:                      # or estimate the ITEs from the rollout panel
          #   file: panel.csv
          #   period: period
          #   outcome: log_revenue
          #   first_treated: first_treated
          truth: truth.csv
        outcome:
          pre: revenue_pre
          post: revenue_post
        candidates:
          - genre
          - content_type
          - {name: size_quartile, quantiles: follower_count, bins: 4}
          - {name: audience_size_tier, column: follower_count,
             edges: [0, 10000, 100000, 1000000], labels: [Micro, Mid, Macro, Mega]}
          - {name: arpu_quintile, quantiles: arpu, bins: 5}
          - {name: genre_x_arpu, cross: [genre, arpu_quintile]}
        clustering:
          features: [arpu, engagement_rate, tenure_months]
          k: auto
          k_range: [2, 10]
        thresholds: {}
        model: {chains: 4, draws: 1000, warmup: 1000, seed: \(seed)}
        review:
          domain_validated: "Product team, 2026-11-20"
          interpretable: [genre, audience_size_tier, size_quartile]
          monitoring: "Quarterly; next 2027-02-15"

        """
    }

    static func draw(_ shares: [Double], _ rng: inout SeededGenerator) -> Int {
        var u = RandomVariates.uniformOpen(using: &rng)
        for (index, share) in shares.enumerated() {
            u -= share
            if u <= 0 { return index }
        }
        return shares.count - 1
    }
}

/// Builds CSV text byte by byte: fixed-point numbers without `String(format:)`, which
/// dominated the time of simulating a million creators.
struct TextBuffer {
    private var bytes: [UInt8]

    init(_ start: String) { bytes = Array(start.utf8) }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }
    mutating func append(_ string: String) { bytes.append(contentsOf: string.utf8) }
    mutating func comma() { bytes.append(UInt8(ascii: ",")) }
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// `value` with exactly `places` decimals, rounded half away from zero (|value| < 1e12).
    mutating func append(fixed value: Double, places: Int) {
        var scale: Int64 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int64((abs(value) * Double(scale)).rounded())
        if value < 0 && scaled != 0 { bytes.append(UInt8(ascii: "-")) }
        appendDigits(scaled / scale, minimum: 1)
        if places > 0 {
            bytes.append(UInt8(ascii: "."))
            appendDigits(scaled % scale, minimum: places)
        }
    }

    private mutating func appendDigits(_ number: Int64, minimum: Int) {
        var digits: [UInt8] = []
        var n = number
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        while digits.count < minimum { digits.append(UInt8(ascii: "0")) }
        bytes.append(contentsOf: digits.reversed())
    }
}

extension Double {
    func rounded(toPlaces places: Int) -> Double {
        let scale = Foundation.pow(10.0, Double(places))
        return (self * scale).rounded() / scale
    }
}
