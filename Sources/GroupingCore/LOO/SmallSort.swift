/// In-place ascending sort for the few hundred values of a PSIS tail: quicksort with
/// median-of-three pivots down to runs of 16, then one insertion-sort pass (Sedgewick,
/// *Algorithms*, 4th ed., §2.3). Not stable; for Doubles without NaN.
///
/// - Complexity: O(n log n) expected.
@usableFromInline
enum SmallSort {
    @usableFromInline
    static func sort(_ values: UnsafeMutableBufferPointer<Double>) {
        guard values.count > 1 else { return }
        partition(values, 0, values.count - 1)
        // Every element now lies in its final run of at most 17: one insertion pass finishes.
        for i in 1..<values.count {
            let value = values[i]
            var j = i
            while j > 0 && values[j - 1] > value {
                values[j] = values[j - 1]
                j -= 1
            }
            values[j] = value
        }
    }

    private static func partition(_ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) {
        var low = low
        var high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if values[middle] < values[low] { values.swapAt(middle, low) }
            if values[high] < values[low] { values.swapAt(high, low) }
            if values[high] < values[middle] { values.swapAt(high, middle) }
            let pivot = values[middle]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger (O(log n) stack).
            if j - low < high - i {
                partition(values, low, j)
                low = i
            } else {
                partition(values, i, high)
                high = j
            }
        }
    }
}
