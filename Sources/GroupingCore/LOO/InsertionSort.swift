/// Insertion sort of values[start..<end], ascending: O(n + inversions), so the finishing pass
/// for values already in, or near, their places (small selections, bucket-ordered tails).
@usableFromInline
enum InsertionSort {
    @usableFromInline
    static func sort(_ values: UnsafeMutableBufferPointer<Double>, _ start: Int, _ end: Int) {
        guard end - start > 1 else { return }
        for i in (start + 1)..<end {
            let value = values[i]
            var j = i
            while j > start && values[j - 1] > value {
                values[j] = values[j - 1]
                j -= 1
            }
            values[j] = value
        }
    }
}
