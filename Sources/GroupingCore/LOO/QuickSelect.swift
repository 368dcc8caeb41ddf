/// In-place selection of the k-th smallest element (Hoare's FIND with median-of-three
/// pivots): afterwards `values[k]` holds it, everything before is ≤ and everything after
/// is ≥ it.
///
/// - Complexity: O(n) expected.
@usableFromInline
enum QuickSelect {
    @usableFromInline
    static func select(_ values: UnsafeMutableBufferPointer<Double>, k: Int) -> Double {
        var low = 0
        var high = values.count - 1
        while high > low {
            let middle = low + (high - low) / 2
            // median of three into values[middle]
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
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                break
            }
        }
        return values[k]
    }
}
