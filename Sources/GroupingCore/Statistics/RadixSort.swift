/// Least-significant-digit radix sort of doubles (optionally carrying an `Int32` payload),
/// for the million-row sorts behind quantile edges and Kruskal–Wallis ranks.
///
/// Each double is mapped to a `UInt64` key whose unsigned order is the numeric order (flip
/// every bit of a negative number, only the sign bit of a positive one; see e.g. Herf,
/// "Radix tricks", 2001), with −0.0 first turned into +0.0 so that equal values have
/// equal keys. Keys are sorted by four stable counting passes over 16-bit digits; a pass
/// whose digit is the same for every key (common for the high bits) is skipped. NaN is
/// not allowed.
///
/// - Complexity: O(n) time, O(n + 2¹⁶) extra memory.
enum RadixSort {
    /// Below this many values the standard library's comparison sort is used.
    static let smallInput = 4096

    /// The values in ascending order.
    static func sorted(_ values: [Double]) -> [Double] {
        if values.count < smallInput { return values.sorted() }
        var keys = values.map { orderedKey($0) }
        var none: [Int32] = []
        sortKeys(&keys, payload: &none, carriesPayload: false)
        return keys.map { value(ofKey: $0) }
    }

    /// The values in ascending order with their payloads moved alongside (stable: equal
    /// values keep their input order).
    static func sorted(_ values: [Double], payload: [Int32]) -> (values: [Double], payload: [Int32]) {
        precondition(values.count == payload.count, "values and payload differ in length")
        if values.count < smallInput {
            let order = values.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            return (order.map { values[$0] + 0.0 }, order.map { payload[$0] })
        }
        var keys = values.map { orderedKey($0) }
        var carried = payload
        sortKeys(&keys, payload: &carried, carriesPayload: true)
        return (keys.map { value(ofKey: $0) }, carried)
    }

    /// The order-preserving key of a (non-NaN) double; −0.0 and +0.0 share a key.
    @inline(__always)
    static func orderedKey(_ value: Double) -> UInt64 {
        let bits = (value + 0.0).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The double whose key this is.
    @inline(__always)
    static func value(ofKey key: UInt64) -> Double {
        Double(bitPattern: key & (1 << 63) != 0 ? key & ~(1 << 63) : ~key)
    }

    private static func sortKeys(_ keys: inout [UInt64], payload: inout [Int32], carriesPayload: Bool) {
        let count = keys.count
        guard count > 1 else { return }
        let radix = 1 << 16
        // One read pass fills the histograms of all four digits.
        var histograms = [Int](repeating: 0, count: 4 * radix)
        keys.withUnsafeBufferPointer { key in
            histograms.withUnsafeMutableBufferPointer { histogram in
                for index in 0..<count {
                    let k = key[index]
                    histogram[Int(k & 0xFFFF)] += 1
                    histogram[radix + Int((k >> 16) & 0xFFFF)] += 1
                    histogram[2 * radix + Int((k >> 32) & 0xFFFF)] += 1
                    histogram[3 * radix + Int(k >> 48)] += 1
                }
            }
        }
        var scratchKeys = [UInt64](repeating: 0, count: count)
        var scratchPayload = [Int32](repeating: 0, count: carriesPayload ? count : 0)
        var offsets = [Int](repeating: 0, count: radix)
        for digit in 0..<4 {
            let base = digit * radix
            let shift = UInt64(16 * digit)
            // All keys share this digit: the pass would not move anything.
            let firstKeyDigit = Int((keys[0] >> shift) & 0xFFFF)
            if histograms[base + firstKeyDigit] == count { continue }
            var running = 0
            for bucket in 0..<radix {
                offsets[bucket] = running
                running += histograms[base + bucket]
            }
            keys.withUnsafeBufferPointer { source in
                scratchKeys.withUnsafeMutableBufferPointer { destination in
                    offsets.withUnsafeMutableBufferPointer { offset in
                        /// Moves key `index` to the next free slot of its bucket; returns the slot.
                        @inline(__always) func scatter(_ index: Int) -> Int {
                            let k = source[index]
                            let bucket = Int((k >> shift) & 0xFFFF)
                            let position = offset[bucket]
                            offset[bucket] = position + 1
                            destination[position] = k
                            return position
                        }
                        if carriesPayload {
                            payload.withUnsafeBufferPointer { sourcePayload in
                                scratchPayload.withUnsafeMutableBufferPointer { destinationPayload in
                                    for index in 0..<count { destinationPayload[scatter(index)] = sourcePayload[index] }
                                }
                            }
                        } else {
                            for index in 0..<count { _ = scatter(index) }
                        }
                    }
                }
            }
            swap(&keys, &scratchKeys)
            if carriesPayload { swap(&payload, &scratchPayload) }
        }
    }
}
