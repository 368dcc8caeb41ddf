/// Per-group counts, means, sums of squared deviations, minima and maxima of one outcome
/// under one grouping, plus the same over all labelled rows: everything Phase 1, the
/// ANOVA and eta-squared need, gathered in two passes over the rows.
///
/// Rows whose code is −1 carry no label and are left out of everything. Groups with no
/// rows (an empty quantile or edge bin) are kept here with count 0, and the statistics
/// built on these moments leave them out, as pandas' `groupby` does (`observed=True`).
///
/// Sums of squares use the corrected two-pass algorithm (Chan, Golub & LeVeque 1983),
/// and a group (or the whole sample) whose minimum equals its maximum gets a sum of
/// squares of exactly 0, so "all values equal" is detected exactly, never through a
/// rounding residue.
public struct GroupMoments: Sendable, Equatable {
    /// Rows per group, indexed by code.
    public var counts: [Int]
    /// Group means (0 for an empty group).
    public var means: [Double]
    /// Σ(x − mean_g)² per group (0 for groups of fewer than two rows).
    public var sumsOfSquares: [Double]
    /// Smallest and largest value per group (±∞ for an empty group).
    public var minima: [Double]
    public var maxima: [Double]
    /// Labelled rows (code ≥ 0).
    public var labelledCount: Int
    /// Mean of all labelled rows (0 when there are none).
    public var grandMean: Double
    /// Σ(x − grandMean)² over all labelled rows.
    public var totalSumOfSquares: Double
    /// Smallest and largest labelled value (±∞ when there are none).
    public var grandMinimum: Double
    public var grandMaximum: Double

    /// Number of groups (labels), including empty ones.
    public var groupCount: Int { counts.count }

    /// Indices of the groups that have at least one row, in label order.
    public var nonEmptyGroups: [Int] { counts.indices.filter { counts[$0] > 0 } }

    /// Gathers the moments.
    ///
    /// - Parameters:
    ///   - values: the outcome, one finite value per row.
    ///   - codes: group index per row (0..<groupCount), or −1 for an unlabelled row.
    ///   - groupCount: the number of labels.
    /// - Complexity: O(n + groupCount), two passes over the rows, no allocation per row.
    public static func compute(values: [Double], codes: [Int32], groupCount: Int) -> GroupMoments {
        precondition(values.count == codes.count, "values and codes differ in length")
        var counts = [Int](repeating: 0, count: groupCount)
        var sums = [Double](repeating: 0, count: groupCount)
        var minima = [Double](repeating: .infinity, count: groupCount)
        var maxima = [Double](repeating: -.infinity, count: groupCount)
        var labelled = 0
        var grandSum = 0.0
        var grandMinimum = Double.infinity
        var grandMaximum = -Double.infinity

        values.withUnsafeBufferPointer { x in
            codes.withUnsafeBufferPointer { g in
                counts.withUnsafeMutableBufferPointer { count in
                    sums.withUnsafeMutableBufferPointer { sum in
                        minima.withUnsafeMutableBufferPointer { low in
                            maxima.withUnsafeMutableBufferPointer { high in
                                for row in 0..<x.count {
                                    let code = Int(g[row])
                                    if code < 0 { continue }
                                    precondition(code < groupCount, "code \(code) out of range")
                                    let value = x[row]
                                    count[code] += 1
                                    sum[code] += value
                                    if value < low[code] { low[code] = value }
                                    if value > high[code] { high[code] = value }
                                    labelled += 1
                                    grandSum += value
                                    if value < grandMinimum { grandMinimum = value }
                                    if value > grandMaximum { grandMaximum = value }
                                }
                            }
                        }
                    }
                }
            }
        }

        var means = [Double](repeating: 0, count: groupCount)
        for group in 0..<groupCount where counts[group] > 0 {
            means[group] = sums[group] / Double(counts[group])
        }
        let provisionalGrandMean = labelled > 0 ? grandSum / Double(labelled) : 0

        // Second pass: deviations from the provisional means.
        var deviationSums = [Double](repeating: 0, count: groupCount)
        var squareSums = [Double](repeating: 0, count: groupCount)
        var grandDeviationSum = 0.0
        var grandSquareSum = 0.0
        values.withUnsafeBufferPointer { x in
            codes.withUnsafeBufferPointer { g in
                means.withUnsafeBufferPointer { mean in
                    deviationSums.withUnsafeMutableBufferPointer { deviationSum in
                        squareSums.withUnsafeMutableBufferPointer { squareSum in
                            for row in 0..<x.count {
                                let code = Int(g[row])
                                if code < 0 { continue }
                                let value = x[row]
                                let deviation = value - mean[code]
                                deviationSum[code] += deviation
                                squareSum[code] += deviation * deviation
                                let grandDeviation = value - provisionalGrandMean
                                grandDeviationSum += grandDeviation
                                grandSquareSum += grandDeviation * grandDeviation
                            }
                        }
                    }
                }
            }
        }

        var sumsOfSquares = [Double](repeating: 0, count: groupCount)
        for group in 0..<groupCount where counts[group] > 0 {
            let n = Double(counts[group])
            if minima[group] == maxima[group] {
                means[group] = minima[group]
                continue
            }
            means[group] += deviationSums[group] / n
            sumsOfSquares[group] = max(
                0, squareSums[group] - deviationSums[group] * deviationSums[group] / n)
        }
        var grandMean = provisionalGrandMean
        var totalSumOfSquares = 0.0
        if labelled > 0 {
            if grandMinimum == grandMaximum {
                grandMean = grandMinimum
            } else {
                let n = Double(labelled)
                grandMean += grandDeviationSum / n
                totalSumOfSquares = max(0, grandSquareSum - grandDeviationSum * grandDeviationSum / n)
            }
        }
        return GroupMoments(
            counts: counts, means: means, sumsOfSquares: sumsOfSquares, minima: minima,
            maxima: maxima, labelledCount: labelled, grandMean: grandMean,
            totalSumOfSquares: totalSumOfSquares, grandMinimum: grandMinimum,
            grandMaximum: grandMaximum)
    }

    /// The between-group sum of squares Σ_g n_g (mean_g − grandMean)².
    public var betweenSumOfSquares: Double {
        var total = 0.0
        for group in counts.indices where counts[group] > 0 {
            let difference = means[group] - grandMean
            total += Double(counts[group]) * difference * difference
        }
        return total
    }

    /// The within-group sum of squares Σ_g Σ_{i∈g} (x_i − mean_g)².
    public var withinSumOfSquares: Double { sumsOfSquares.reduce(0, +) }

    /// True when every non-empty group has all its values equal.
    public var everyGroupConstant: Bool {
        counts.indices.allSatisfy { counts[$0] == 0 || minima[$0] == maxima[$0] }
    }
}
