/// The PSIS tail among a few hundred candidates: the cutoff (the (M+1)-th largest value)
/// and the values strictly above it, ascending — by one bucket pass instead of a selection
/// and a sort.
///
/// The candidates' range [min, max] is cut into `bucketCount` equal buckets and counted;
/// walking down from the top bucket finds the bucket holding the cutoff; the values of that
/// bucket and every higher one are placed in bucket order (a counting sort) and sorted by one
/// insertion pass (`sort()` when a bucket holds more than 32). The
/// result is exactly that of sorting all candidates; the cost is O(n + buckets) when the
/// values spread over many buckets, which PSIS candidates (log weights between a threshold
/// and 0) do.
struct TailSelection {
    static let bucketCount = 512

    /// Bucket counts, then running offsets.
    let counts: UnsafeMutableBufferPointer<Int32>
    /// The bucket of each candidate.
    let bucketOf: UnsafeMutableBufferPointer<UInt16>
    /// The placed values (at least one more than the candidates).
    let placed: UnsafeMutableBufferPointer<Double>

    init(capacity: Int) {
        counts = .allocate(capacity: Self.bucketCount)
        bucketOf = .allocate(capacity: max(capacity, 1))
        placed = .allocate(capacity: capacity + 1)
    }

    func deallocate() {
        counts.deallocate()
        bucketOf.deallocate()
        placed.deallocate()
    }

    /// - Parameters:
    ///   - values: the candidates (n ≥ 1, no NaN); reordered only on the fallback path.
    ///   - tailLength: M; the cutoff is the (min(M, n − 1) + 1)-th largest.
    ///   - floor: the cutoff is at least this (ArviZ's `cutoffmin`).
    /// - Returns: the cutoff and the tail (values > cutoff, ascending), a view into `placed`
    ///   or into `values`.
    func select(
        _ values: UnsafeMutableBufferPointer<Double>, tailLength: Int, floor: Double
    ) -> (cutoff: Double, tail: UnsafeMutableBufferPointer<Double>) {
        let n = values.count
        let wanted = min(tailLength, n - 1) + 1  // the cutoff's rank from the top
        let bucketCount = Self.bucketCount
        guard let cutoffBucket = countFromTop(values, wanted: wanted) else {
            return fallback(values, wanted: wanted, floor: floor)
        }
        // Offsets of the buckets from the cutoff's up, then placement; the buckets below all
        // point at one spare slot after the placed values and do not advance, so placement has
        // no branch (half the values go there, unpredictably).
        var offset: Int32 = 0
        var largestBucket: Int32 = 0
        for b in cutoffBucket..<bucketCount {
            let count = counts[b]
            largestBucket = max(largestBucket, count)
            counts[b] = offset
            offset &+= count
        }
        let placedCount = Int(offset)
        for b in 0..<cutoffBucket { counts[b] = offset }
        for (index, value) in values.enumerated() {
            let b = Int(bucketOf[index])
            placed[Int(counts[b])] = value
            counts[b] &+= Int32(FastMath.oneIf(b >= cutoffBucket))
        }
        // In bucket order every value is within its bucket of its place: one insertion pass
        // sorts them (or a full sort when some bucket is crowded).
        let sortedPart = UnsafeMutableBufferPointer(rebasing: placed[0..<placedCount])
        if largestBucket > 32 {
            var all = sortedPart
            all.sort()
        } else if placedCount > 1 {
            InsertionSort.sort(placed, 0, placedCount)
        }
        let cutoff = max(placed[placedCount - wanted], floor)
        var first = placedCount - wanted + 1
        while first < placedCount && placed[first] <= cutoff { first += 1 }
        return (cutoff, UnsafeMutableBufferPointer(rebasing: placed[first..<placedCount]))
    }

    /// Counts `values` into `bucketCount` equal buckets over [min, max] (recording each
    /// value's bucket in `bucketOf`) and walks down from the top bucket to the one that brings
    /// the count to at least `wanted`.
    ///
    /// - Returns: that bucket; nil when all values are equal or the range is not finite.
    private func countFromTop(_ values: UnsafeMutableBufferPointer<Double>, wanted: Int) -> Int? {
        let bucketCount = Self.bucketCount
        var low = Double.infinity
        var high = -Double.infinity
        for value in values {
            low = min(low, value)
            high = max(high, value)
        }
        guard high > low, (high - low).isFinite else { return nil }
        let scale = Double(bucketCount) / (high - low)
        for b in 0..<bucketCount { counts[b] = 0 }
        for (index, value) in values.enumerated() {
            let t = (value - low) * scale
            let b = t < Double(bucketCount) ? Int(t) : bucketCount - 1
            bucketOf[index] = UInt16(b)
            counts[b] &+= 1
        }
        var bucket = bucketCount - 1
        var above = 0
        while above + Int(counts[bucket]) < wanted {
            above += Int(counts[bucket])
            bucket -= 1
        }
        return bucket
    }

    /// All candidates equal (or not finite): sort them all.
    private func fallback(
        _ values: UnsafeMutableBufferPointer<Double>, wanted: Int, floor: Double
    ) -> (cutoff: Double, tail: UnsafeMutableBufferPointer<Double>) {
        var all = values
        all.sort()
        let n = all.count
        let cutoff = max(all[n - wanted], floor)
        var first = n - wanted + 1
        while first < n && all[first] <= cutoff { first += 1 }
        return (cutoff, UnsafeMutableBufferPointer(rebasing: all[first..<n]))
    }
}
