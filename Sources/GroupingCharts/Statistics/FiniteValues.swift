/// Splits values into the finite ones and a count of those skipped (NaN, ±infinity),
/// so charts can draw the rest and state what they left out.
public struct FiniteValues: Sendable {
    public var values: [Double]
    public var skipped: Int

    /// - Complexity: O(n), one allocation for the result.
    public init(_ raw: [Double]) {
        var values: [Double] = []
        values.reserveCapacity(raw.count)
        for value in raw where value.isFinite { values.append(value) }
        self.values = values
        self.skipped = raw.count - values.count
    }
}
