import Dispatch

extension ImputationEstimator {
    /// The validated panel, sorted by creator and, within a creator, by period.
    ///
    /// Observations are stored in compressed-row form: creator `j` owns the sorted
    /// observations `creatorStart[j] ..< creatorStart[j + 1]`, each with its period as an
    /// index into `periodValues` and its outcome. Because a creator's rows are sorted by
    /// period, its untreated observations (period < first treated period) come first and
    /// its treated ones after them.
    ///
    /// Building it validates the input and throws `PanelInputError` naming the rows for:
    /// columns of different lengths or creator codes out of range, a missing or infinite
    /// outcome, a missing or non-integer period, a non-integer first treated period, a
    /// creator with two different first treated periods, and duplicate (creator, period)
    /// rows — in that order of checks.
    ///
    /// - Complexity: O(N + C + range of periods) time and memory for N observations and C
    ///   creators (a counting sort by creator; each creator's few rows sorted by period).
    struct PanelLayout {
        /// The distinct periods, ascending.
        var periodValues: [Int]
        /// Compressed-row offsets: `creatorStart.count == creatorIDs.count + 1`.
        var creatorStart: [Int]
        /// Per sorted observation: index into `periodValues`.
        var period: [Int32]
        /// Per sorted observation: the outcome.
        var outcome: [Double]
        /// Per creator: its first treated period, `Int.max` when never treated.
        var firstTreated: [Int]

        var creatorCount: Int { creatorStart.count - 1 }
        var observationCount: Int { period.count }
        var periodCount: Int { periodValues.count }

        /// "Never treated" in `firstTreated`.
        static let never = Int.max

        init(validating panel: PanelObservations) throws {
            try Self.checkShapes(panel)
            try Self.checkValues(panel)
            let firstTreated = try Self.firstTreatedPerCreator(panel)
            let (periodValues, periodIndex) = Self.indexPeriods(panel.periods)
            self.periodValues = periodValues
            self.firstTreated = firstTreated
            (creatorStart, period, outcome) = try Self.sortByCreatorAndPeriod(panel, periodIndex: periodIndex)
        }

        // MARK: Validation

        private static func checkShapes(_ panel: PanelObservations) throws {
            let n = panel.count
            let columns = panel.columns
            for (name, count) in [
                (columns.period, panel.periods.count), (columns.outcome, panel.outcomes.count),
                (columns.firstTreated, panel.firstTreated.count), ("file rows", panel.fileRows?.count ?? n),
            ] where count != n {
                throw PanelInputError(
                    kind: .malformedColumns, rows: [], column: name,
                    message: "has \(count) values for \(n) observations")
            }
            guard n < Int(Int32.max) else {
                throw PanelInputError(
                    kind: .malformedColumns, rows: [], column: columns.creator,
                    message: "more than \(Int32.max) observations are not supported")
            }
            let creatorCount = panel.creatorIDs.count
            var bad = PanelInputError.RowCollector()
            panel.creatorCodes.withUnsafeBufferPointer { codes in
                for i in 0..<n where codes[i] < 0 || Int(codes[i]) >= creatorCount {
                    bad.add(panel.fileRow(i))
                }
            }
            if !bad.isEmpty {
                throw bad.error(
                    .malformedColumns, column: columns.creator,
                    message: "creator code out of range (\(creatorCount) creators)")
            }
        }

        /// Outcomes finite; periods and first treated periods integers.
        private static func checkValues(_ panel: PanelObservations) throws {
            let columns = panel.columns
            var missing = PanelInputError.RowCollector()
            var infinite = PanelInputError.RowCollector()
            panel.outcomes.withUnsafeBufferPointer { y in
                for i in 0..<y.count where !y[i].isFinite {
                    if y[i].isNaN { missing.add(panel.fileRow(i)) } else { infinite.add(panel.fileRow(i)) }
                }
            }
            if !missing.isEmpty {
                throw missing.error(.missingOutcome, column: columns.outcome, message: "missing outcome")
            }
            if !infinite.isEmpty {
                throw infinite.error(
                    .nonFiniteOutcome, column: columns.outcome, message: "outcome is not a finite number")
            }
            var missingPeriod = PanelInputError.RowCollector()
            var fractionalPeriod = PanelInputError.RowCollector()
            var fractionalFirst = PanelInputError.RowCollector()
            panel.periods.withUnsafeBufferPointer { periods in
                for i in 0..<periods.count where !isInteger(periods[i]) {
                    if periods[i].isNaN {
                        missingPeriod.add(panel.fileRow(i))
                    } else {
                        fractionalPeriod.add(panel.fileRow(i))
                    }
                }
            }
            panel.firstTreated.withUnsafeBufferPointer { first in
                for i in 0..<first.count where !first[i].isNaN && !isInteger(first[i]) {
                    fractionalFirst.add(panel.fileRow(i))
                }
            }
            if !missingPeriod.isEmpty {
                throw missingPeriod.error(.missingPeriod, column: columns.period, message: "missing period")
            }
            if !fractionalPeriod.isEmpty {
                throw fractionalPeriod.error(
                    .nonIntegerPeriod, column: columns.period, message: "period is not an integer")
            }
            if !fractionalFirst.isEmpty {
                throw fractionalFirst.error(
                    .nonIntegerFirstTreated, column: columns.firstTreated,
                    message: "first treated period is not an integer (leave it empty for never treated)")
            }
        }

        /// True for a finite integer that converts to `Int` exactly (|x| ≤ 2^53).
        @inline(__always)
        static func isInteger(_ x: Double) -> Bool {
            x.isFinite && x.rounded(.towardZero) == x && Swift.abs(x) <= 0x1p53
        }

        /// Each creator's first treated period; throws when a creator's rows disagree.
        private static func firstTreatedPerCreator(_ panel: PanelObservations) throws -> [Int] {
            let creatorCount = panel.creatorIDs.count
            var firstRow = [Int32](repeating: -1, count: creatorCount)
            var value = [Int](repeating: never, count: creatorCount)
            var conflicts = PanelInputError.RowCollector()
            var firstConflict: (creator: Int, earlier: Int, later: Int)?
            panel.creatorCodes.withUnsafeBufferPointer { codes in
                panel.firstTreated.withUnsafeBufferPointer { first in
                    for i in 0..<codes.count {
                        let creator = Int(codes[i])
                        let current = first[i].isNaN ? never : Int(first[i])
                        if firstRow[creator] < 0 {
                            firstRow[creator] = Int32(i)
                            value[creator] = current
                        } else if value[creator] != current {
                            conflicts.add(panel.fileRow(i))
                            if firstConflict == nil {
                                firstConflict = (creator, Int(firstRow[creator]), i)
                            }
                        }
                    }
                }
            }
            if let conflict = firstConflict {
                func shown(_ index: Int) -> String {
                    panel.firstTreated[index].isNaN ? "empty" : String(Int(panel.firstTreated[index]))
                }
                let earlierRow = panel.fileRow(conflict.earlier)
                var rows = [earlierRow] + conflicts.rows
                rows = Array(rows.prefix(PanelInputError.rowLimit))
                throw PanelInputError(
                    kind: .conflictingFirstTreated, rows: rows, affectedRows: conflicts.count + 1,
                    column: panel.columns.firstTreated,
                    message:
                        "creator '\(MessageText.piece(panel.creatorIDs[conflict.creator]))' has two different first treated "
                        + "periods: \(shown(conflict.earlier)) on row \(earlierRow) and "
                        + "\(shown(conflict.later)) on row \(panel.fileRow(conflict.later))"
                        + (conflicts.count > 1 ? " (\(conflicts.count) conflicting rows in all)" : ""))
            }
            return value
        }

        // MARK: Layout

        /// The distinct periods ascending, and a map from period value to its index: a
        /// lookup table over [min, max] when the range is small, a dictionary otherwise.
        private static func indexPeriods(_ periods: [Double]) -> (values: [Int], index: PeriodIndex) {
            guard let low = periods.min().map({ Int($0) }), let high = periods.max().map({ Int($0) }) else {
                return ([], PeriodIndex(offset: 0, table: [], dictionary: nil))
            }
            let span = high.subtractingReportingOverflow(low)
            if !span.overflow, span.partialValue < Swift.max(1 << 16, 2 * periods.count) {
                var table = [Int32](repeating: -1, count: span.partialValue + 1)
                periods.withUnsafeBufferPointer { p in
                    for x in p { table[Int(x) - low] = 0 }
                }
                var values: [Int] = []
                for k in table.indices where table[k] == 0 {
                    table[k] = Int32(values.count)
                    values.append(low + k)
                }
                return (values, PeriodIndex(offset: low, table: table, dictionary: nil))
            }
            let values = Set(periods.map { Int($0) }).sorted()
            var dictionary: [Int: Int32] = [:]
            for (k, v) in values.enumerated() { dictionary[v] = Int32(k) }
            return (values, PeriodIndex(offset: 0, table: [], dictionary: dictionary))
        }

        struct PeriodIndex {
            var offset: Int
            var table: [Int32]
            var dictionary: [Int: Int32]?

            @inline(__always)
            func callAsFunction(_ period: Double) -> Int32 {
                if let dictionary { return dictionary[Int(period)]! }
                return table[Int(period) - offset]
            }
        }

        /// Counting sort by creator (stable), then each creator's rows by period; detects
        /// duplicate (creator, period) rows.
        private static func sortByCreatorAndPeriod(
            _ panel: PanelObservations, periodIndex: PeriodIndex
        ) throws -> (start: [Int], period: [Int32], outcome: [Double]) {
            let n = panel.count
            let creatorCount = panel.creatorIDs.count
            var counts = [Int](repeating: 0, count: creatorCount + 1)
            var order = [Int32](repeating: 0, count: n)
            panel.creatorCodes.withUnsafeBufferPointer { codes in
                counts.withUnsafeMutableBufferPointer { next in
                    for code in codes { next[Int(code) + 1] += 1 }
                    for j in 0..<creatorCount { next[j + 1] += next[j] }
                }
            }
            let start = counts
            counts.withUnsafeMutableBufferPointer { next in
                panel.creatorCodes.withUnsafeBufferPointer { codes in
                    order.withUnsafeMutableBufferPointer { order in
                        for i in 0..<n {
                            let j = Int(codes[i])
                            order[next[j]] = Int32(i)
                            next[j] += 1
                        }
                    }
                }
            }
            var period = [Int32](repeating: 0, count: n)
            var outcome = [Double](repeating: 0, count: n)
            let chunks = Chunks(count: creatorCount, maxChunks: Chunks.defaultCount)
            var duplicates = [[(Int32, Int32)]](repeating: [], count: chunks.count)
            var duplicateCounts = [Int](repeating: 0, count: chunks.count)
            period.withUnsafeMutableBufferPointer { period in
                outcome.withUnsafeMutableBufferPointer { outcome in
                    order.withUnsafeMutableBufferPointer { order in
                        panel.periods.withUnsafeBufferPointer { rawPeriods in
                            panel.outcomes.withUnsafeBufferPointer { rawOutcomes in
                                duplicates.withUnsafeMutableBufferPointer { duplicates in
                                    duplicateCounts.withUnsafeMutableBufferPointer { duplicateCounts in
                                        chunks.run { chunk, creators in
                                            for j in creators {
                                                let lo = start[j]
                                                let hi = start[j + 1]
                                                for a in lo..<hi { period[a] = periodIndex(rawPeriods[Int(order[a])]) }
                                                sortSegment(keys: period, values: order, range: lo..<hi)
                                                for a in lo..<hi {
                                                    outcome[a] = rawOutcomes[Int(order[a])]
                                                    if a > lo && period[a] == period[a - 1] {
                                                        // Rows involved: both of a first pair, one more per extra copy.
                                                        let continuesRun = a - 1 > lo && period[a - 1] == period[a - 2]
                                                        duplicateCounts[chunk] += continuesRun ? 1 : 2
                                                        if duplicates[chunk].count < PanelInputError.rowLimit {
                                                            duplicates[chunk].append((order[a - 1], order[a]))
                                                        }
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let found = duplicates.joined()
            if let (first, second) = found.first {
                var rows: [Int] = []
                for (a, b) in found {
                    for row in [panel.fileRow(Int(a)), panel.fileRow(Int(b))] where !rows.contains(row) {
                        rows.append(row)
                    }
                }
                let total = duplicateCounts.reduce(0, +)
                let creator = panel.creatorIDs[Int(panel.creatorCodes[Int(first)])]
                throw PanelInputError(
                    kind: .duplicateObservation, rows: rows, affectedRows: Swift.max(total, rows.count),
                    column: panel.columns.period,
                    message:
                        "creator '\(MessageText.piece(creator))' has period \(Int(panel.periods[Int(first)])) on rows "
                        + "\(panel.fileRow(Int(first))) and \(panel.fileRow(Int(second)))"
                        + (total > 2 ? " (\(total) rows with a duplicate (creator, period) in all)" : ""))
            }
            return (start, period, outcome)
        }

        /// Sorts `keys[range]` ascending, carrying `values` along; stable. Insertion sort:
        /// a creator has few rows (its periods), and they are usually already in order.
        @inline(__always)
        private static func sortSegment(
            keys: UnsafeMutableBufferPointer<Int32>, values: UnsafeMutableBufferPointer<Int32>, range: Range<Int>
        ) {
            guard range.count > 1 else { return }
            if range.count > 64 {
                var pairs: [(key: Int32, value: Int32)] = range.map { (keys[$0], values[$0]) }
                pairs.sort { a, b in a.key != b.key ? a.key < b.key : a.value < b.value }
                for (k, pair) in zip(range, pairs) {
                    keys[k] = pair.key
                    values[k] = pair.value
                }
                return
            }
            for a in (range.lowerBound + 1)..<range.upperBound {
                let key = keys[a]
                let value = values[a]
                var b = a
                while b > range.lowerBound && keys[b - 1] > key {
                    keys[b] = keys[b - 1]
                    values[b] = values[b - 1]
                    b -= 1
                }
                keys[b] = key
                values[b] = value
            }
        }
    }
}
