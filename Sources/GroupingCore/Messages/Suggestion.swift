/// "Did you mean …?": the known name nearest to a misspelled one.
public enum Suggestion {
    /// Most edits (insertions, deletions, substitutions) for a name to count as a misspelling.
    public static let maxDistance = 2
    /// Names longer than this are never compared (a misspelling is a short name's problem,
    /// and the cost of a comparison grows with the product of the lengths).
    public static let maxLength = 100

    /// The name in `names` nearest to `wanted`, within `maxDistance` edits; the first of
    /// equally near ones.
    /// - Complexity: O(n · L²) for n names of length at most L = `maxLength`; names whose
    ///   length differs from `wanted`'s by more than `maxDistance` are skipped in O(1).
    public static func closest(_ wanted: String, in names: some Sequence<String>) -> String? {
        let target = Array(wanted.unicodeScalars)
        guard target.count <= maxLength else { return nil }
        var best: (name: String, distance: Int)? = nil
        for name in names {
            let count = name.unicodeScalars.count
            guard count <= maxLength, abs(count - target.count) <= maxDistance else { continue }
            let d = distance(target, Array(name.unicodeScalars))
            if d <= maxDistance && d < (best?.distance ?? .max) { best = (name, d) }
        }
        return best?.name
    }

    /// Levenshtein distance by the two-row dynamic programme.
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        var previous = Array(0...b.count)
        var current = previous
        for (i, ca) in a.enumerated() {
            current[0] = i + 1
            for (j, cb) in b.enumerated() {
                current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// " (did you mean `x`?)" or "".
    public static func phrase(_ wanted: String, in names: some Sequence<String>) -> String {
        closest(wanted, in: names).map { "; did you mean " + MessageText.quoted($0) + "?" } ?? ""
    }
}
