/// In-place selection of the k-th smallest element: afterwards `values[k]` holds it,
/// everything before is ≤ and everything after is ≥ it.
///
/// Quickselect (Hoare's FIND) with a median-of-three pivot and Lomuto's partition written
/// without branches on the data (every element is swapped with the boundary; the boundary
/// advances by the comparison's outcome), which on random doubles avoids the branch
/// mispredictions that dominate a classic partition. Many equal values make Lomuto's
/// partition lopsided, so after 2·log₂(n) + 8 rounds the rest is finished by Hoare's
/// partition, which splits ties evenly.
///
/// - Complexity: O(n) expected.
@usableFromInline
enum QuickSelect {
    @usableFromInline
    static func select(_ values: UnsafeMutableBufferPointer<Double>, k: Int) -> Double {
        var low = 0
        var high = values.count - 1
        var rounds = 2 * (Int.bitWidth - values.count.leadingZeroBitCount) + 8
        while high - low > 8 {
            rounds -= 1
            if rounds == 0 { return hoare(values, k: k, low: low, high: high) }
            // the median of three to values[high]
            let middle = orderThree(values, low, high)
            values.swapAt(high, middle)
            let pivot = values[high]
            var boundary = low
            for j in low..<high {
                let value = values[j]
                values[j] = values[boundary]
                values[boundary] = value
                boundary &+= FastMath.oneIf(value < pivot)
            }
            values.swapAt(boundary, high)
            // values[low..<boundary] < pivot = values[boundary] ≤ values[boundary+1...high]
            if k < boundary {
                high = boundary - 1
            } else if k > boundary {
                low = boundary + 1
            } else {
                return pivot
            }
        }
        // A few left: insertion sort.
        InsertionSort.sort(values, low, high + 1)
        return values[k]
    }

    /// Hoare's partition with a median-of-three pivot, on values[low...high].
    private static func hoare(_ values: UnsafeMutableBufferPointer<Double>, k: Int, low: Int, high: Int) -> Double {
        var low = low
        var high = high
        while high > low {
            let pivot = values[orderThree(values, low, high)]
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

    /// Orders values[low], values[middle], values[high] (middle = the midpoint) so that the
    /// median of the three sits at `middle`; returns `middle`.
    @inline(__always)
    private static func orderThree(_ values: UnsafeMutableBufferPointer<Double>, _ low: Int, _ high: Int) -> Int {
        let middle = low + (high - low) / 2
        if values[middle] < values[low] { values.swapAt(middle, low) }
        if values[high] < values[low] { values.swapAt(high, low) }
        if values[high] < values[middle] { values.swapAt(high, middle) }
        return middle
    }
}
