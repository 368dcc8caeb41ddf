/// The creators of a model arranged by *cell*: the creators that share every factor level
/// (one cell for the ungrouped model, a group for the one-way model, a (A, B) combination for
/// the additive one). Given the hyperparameters a creator's latent mean depends only on its
/// cell, so every per-node quantity is computed once per cell, never per creator.
///
/// For the additive model the factor with more levels is the *eliminated* one (its effects
/// are integrated out first, block-diagonally) and the other is *kept* (dense); for the
/// one-way model the only factor is eliminated. Cells are ordered by eliminated level, then
/// kept level, so that the cells of one eliminated level are contiguous (`rowStart`).
struct CellLayout: Sendable {
    /// Per creator, its cell.
    let cellOf: [Int32]
    /// Per cell, the eliminated factor's level (0 for the ungrouped model's single cell,
    /// whose "row" has no effect: `rowCount` is 0 there).
    let cellRow: [Int32]
    /// Per cell, the kept factor's level, or −1 without a kept factor.
    let cellColumn: [Int32]
    /// Levels of the eliminated factor (0: ungrouped) and of the kept factor (0: none).
    let rowCount: Int
    let columnCount: Int
    /// Cells of eliminated level j: rowStart[j]..<rowStart[j + 1] (one range for ungrouped).
    let rowStart: [Int]
    /// Index in `spec.factors` of the eliminated and the kept factor.
    let eliminated: Int?
    let kept: Int?

    var cellCount: Int { cellRow.count }
    /// Size of the dense part of the location vector: mu and the kept factor's effects.
    var denseSize: Int { 1 + columnCount }

    init(spec: ModelSpec, count n: Int) {
        let factors = spec.factors
        precondition(factors.allSatisfy { $0.codes.count == n }, "every factor needs a code per creator")
        switch factors.count {
        case 0:
            cellOf = [Int32](repeating: 0, count: n)
            cellRow = [0]
            cellColumn = [-1]
            rowCount = 0
            columnCount = 0
            rowStart = [0, 1]
            eliminated = nil
            kept = nil
        case 1:
            let levels = factors[0].levelCount
            cellOf = factors[0].codes
            cellRow = (0..<levels).map { Int32($0) }
            cellColumn = [Int32](repeating: -1, count: levels)
            rowCount = levels
            columnCount = 0
            rowStart = Array(0...levels)
            eliminated = 0
            kept = nil
        default:
            let big = factors[0].levelCount >= factors[1].levelCount ? 0 : 1
            let small = 1 - big
            let rows = factors[big].levelCount
            let columns = factors[small].levelCount
            // Occupied (row, column) combinations, in row-major order.
            var index = [Int32](repeating: -1, count: rows * columns)
            for i in 0..<n {
                index[Int(factors[big].codes[i]) * columns + Int(factors[small].codes[i])] = 0
            }
            var cellRow: [Int32] = []
            var cellColumn: [Int32] = []
            var rowStart = [Int](repeating: 0, count: rows + 1)
            for j in 0..<rows {
                rowStart[j] = cellRow.count
                for k in 0..<columns where index[j * columns + k] == 0 {
                    index[j * columns + k] = Int32(cellRow.count)
                    cellRow.append(Int32(j))
                    cellColumn.append(Int32(k))
                }
            }
            rowStart[rows] = cellRow.count
            cellOf = (0..<n).map { index[Int(factors[big].codes[$0]) * columns + Int(factors[small].codes[$0])] }
            self.cellRow = cellRow
            self.cellColumn = cellColumn
            rowCount = rows
            columnCount = columns
            self.rowStart = rowStart
            eliminated = big
            kept = small
        }
    }
}
