/// Assigns dense integer codes to distinct keys in order of first appearance.
///
/// The one pattern behind categorical columns, crossed cells and panel creator ids: each
/// distinct value becomes a code `0, 1, 2, …`, and `keys[code]` gives it back.
struct CodeInterner<Key: Hashable> {
    private var codeOf: [Key: Int32] = [:]
    /// The distinct keys, indexed by code.
    private(set) var keys: [Key] = []

    /// The code of `key`, assigning the next one on first sight.
    mutating func code(for key: Key) -> Int32 {
        if let code = codeOf[key] { return code }
        let code = Int32(keys.count)
        codeOf[key] = code
        keys.append(key)
        return code
    }

    /// Codes re-numbered so that keys come in the order `areInOrder` gives:
    /// `remap[oldCode]` is the new code, `sorted` the keys in new code order.
    func sorted(by areInOrder: (Key, Key) -> Bool) -> (remap: [Int32], sorted: [Key]) {
        let order = keys.indices.sorted { areInOrder(keys[$0], keys[$1]) }
        var remap = [Int32](repeating: -1, count: keys.count)
        for (position, old) in order.enumerated() { remap[old] = Int32(position) }
        return (remap, order.map { keys[$0] })
    }
}
