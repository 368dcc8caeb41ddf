/// The data of one candidate's hierarchical model: per creator the ITE estimate y_i
/// (`effect_hat`), its standard error se_i and its group code.
public struct HierarchicalModelData: Sendable {
    /// y_i, finite.
    public var effects: [Double]
    /// se_i, finite and > 0 (a non-positive se is raised to 1e-12 · s so that no
    /// division by zero can occur; the input validation should reject such rows).
    public var ses: [Double]
    /// g_i in 0..<groupCount (rows without a label are dropped before the model).
    public var codes: [Int32]
    public var groupCount: Int

    public init(effects: [Double], ses: [Double], codes: [Int32], groupCount: Int) {
        precondition(effects.count == ses.count && effects.count == codes.count, "lengths differ")
        self.effects = effects
        self.ses = ses
        self.codes = codes
        self.groupCount = groupCount
    }

    public var count: Int { effects.count }

    /// Creators per group.
    public func groupSizes() -> [Int] {
        var sizes = [Int](repeating: 0, count: groupCount)
        for code in codes { sizes[Int(code)] += 1 }
        return sizes
    }
}
