/// Settings of the posterior sampler (`model:` in the configuration).
///
/// `warmup` is kept for the configuration's sake and echoed, but the sampler draws
/// independently and exactly from the posterior (see `HierarchicalModel`), so there is
/// nothing to warm up: it is unused.
public struct SamplerSettings: Sendable, Equatable {
    public var chains: Int
    public var draws: Int
    public var warmup: Int
    public var seed: UInt64

    public init(chains: Int = 4, draws: Int = 1000, warmup: Int = 1000, seed: UInt64 = 42) {
        self.chains = max(chains, 1)
        self.draws = max(draws, 4)
        self.warmup = warmup
        self.seed = seed
    }

    /// S, the total number of draws.
    public var totalDraws: Int { chains * draws }
}
