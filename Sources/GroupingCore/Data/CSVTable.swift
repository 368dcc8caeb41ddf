/// A CSV table held column by column as raw text, parsed from bytes (RFC 4180).
///
/// Handles quoted fields with embedded separators, quotes (`""`) and line breaks, CRLF or
/// LF line ends, a UTF-8 byte-order mark, and a missing final line break. Every cell is
/// kept as its unquoted bytes; typed access (`number(row:column:)`) converts on demand and
/// reports the cell by file, row and column when it is not a number.
///
/// Rows are 1-based in messages with the header as row 1, so data row `r` (0-based) is
/// row `r + 2`. A row is a record: a quoted field spanning lines does not shift the
/// numbering, and blank lines are skipped without being counted.
public struct CSVTable: Sendable {
    /// The file name used in messages.
    public let fileName: String
    /// Column names from the header, trimmed of surrounding spaces.
    public let header: [String]
    /// One `TextColumn` per header name.
    public let columns: [TextColumn]
    /// Number of data rows.
    public let rowCount: Int

    /// The cells of one column: their bytes back to back, and where each ends.
    public struct TextColumn: Sendable {
        public fileprivate(set) var bytes: [UInt8] = []
        public fileprivate(set) var ends: [Int] = []

        /// The raw bytes of a cell.
        @inlinable
        public func withCell<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            let start = row == 0 ? 0 : ends[row - 1]
            return try bytes.withUnsafeBufferPointer { buffer in
                try body(UnsafeBufferPointer(rebasing: buffer[start..<ends[row]]))
            }
        }

        /// The text of a cell.
        public func string(_ row: Int) -> String {
            withCell(row) { String(decoding: $0, as: UTF8.self) }
        }

        /// True when the cell is empty or one of the missing-value markers.
        public func isMissing(_ row: Int) -> Bool {
            withCell(row) { MissingValue.isMissing($0) }
        }
    }

    /// Parses `bytes` as CSV with a header row.
    /// - Throws: `InputError` for an empty file, an empty or duplicate header name, a row
    ///   with the wrong number of fields, or an unterminated quote.
    /// - Complexity: O(n) in the number of bytes.
    public init(bytes input: [UInt8], fileName: String, separator: UInt8 = UInt8(ascii: ",")) throws {
        self.fileName = fileName
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var start = 0
        if input.count >= 3 && input[0] == 0xEF && input[1] == 0xBB && input[2] == 0xBF { start = 3 }

        var header: [String] = []
        var columns: [TextColumn] = []
        var rowCount = 0
        var field: [UInt8] = []
        field.reserveCapacity(64)
        var fieldIndex = 0
        var recordNumber = 1  // 1 = header
        var inHeader = true
        var recordHasContent = false

        func finishField() throws {
            if inHeader {
                header.append(String(decoding: field, as: UTF8.self))
            } else {
                guard fieldIndex < columns.count else {
                    throw InputError(
                        file: fileName, row: recordNumber,
                        message: "has more fields than the header's \(columns.count)")
                }
                columns[fieldIndex].bytes.append(contentsOf: field)
                columns[fieldIndex].ends.append(columns[fieldIndex].bytes.count)
            }
            fieldIndex += 1
            field.removeAll(keepingCapacity: true)
        }

        func finishRecord() throws {
            try finishField()
            if inHeader {
                header = header.map { $0.trimmingSpaces() }
                for (index, name) in header.enumerated() {
                    if name.isEmpty {
                        throw InputError(file: fileName, row: 1, message: "header field \(index + 1) is empty")
                    }
                    if let first = header.firstIndex(of: name), first != index {
                        throw InputError(file: fileName, row: 1, column: name, message: "appears twice in the header")
                    }
                }
                columns = Array(repeating: TextColumn(), count: header.count)
                inHeader = false
            } else {
                if fieldIndex != columns.count {
                    throw InputError(
                        file: fileName, row: recordNumber,
                        message: "has \(fieldIndex) fields but the header has \(columns.count)")
                }
                rowCount += 1
            }
            fieldIndex = 0
            recordNumber += 1
            recordHasContent = false
        }

        try input.withUnsafeBufferPointer { buffer in
            var i = start
            let n = buffer.count
            while i < n {
                let byte = buffer[i]
                if byte == quote && field.isEmpty {
                    // A quoted field: read to the closing quote, "" is a literal quote.
                    recordHasContent = true
                    let openedAt = recordNumber
                    i += 1
                    var closed = false
                    while i < n {
                        let c = buffer[i]
                        if c == quote {
                            if i + 1 < n && buffer[i + 1] == quote {
                                field.append(quote)
                                i += 2
                                continue
                            }
                            closed = true
                            i += 1
                            break
                        }
                        field.append(c)
                        i += 1
                    }
                    if !closed {
                        throw InputError(file: fileName, row: openedAt, message: "a quoted field is never closed")
                    }
                    // Anything between the closing quote and the separator is kept (lenient).
                    continue
                }
                if byte == separator {
                    recordHasContent = true
                    try finishField()
                    i += 1
                    continue
                }
                if byte == lf || byte == cr {
                    // A blank line is no record: skipped, and not counted as a row.
                    if recordHasContent || !field.isEmpty || fieldIndex > 0 { try finishRecord() }
                    if byte == cr && i + 1 < n && buffer[i + 1] == lf { i += 1 }
                    i += 1
                    continue
                }
                recordHasContent = true
                field.append(byte)
                i += 1
            }
            if recordHasContent || !field.isEmpty || fieldIndex > 0 { try finishRecord() }
        }
        if inHeader {
            throw InputError(file: fileName, message: "the file is empty (no header row)")
        }
        self.header = header
        self.columns = columns
        self.rowCount = rowCount
    }

    /// The index of the column named `name`.
    /// - Throws: `InputError` naming the file and the column when it is absent.
    public func columnIndex(_ name: String, key: String? = nil) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw InputError(
                file: fileName, column: name, key: key,
                message: "no such column (the header has: \(header.joined(separator: ", ")))")
        }
        return index
    }

    /// A numeric column: finite numbers, with NaN for missing cells.
    /// - Throws: `InputError` naming the file, row and column of the first cell that is
    ///   neither empty, a missing marker, nor a finite number (`12abc`, `inf`).
    /// - Complexity: O(rows).
    public func numbers(_ column: Int) throws -> [Double] {
        let text = columns[column]
        var values = [Double](repeating: .nan, count: rowCount)
        for row in 0..<rowCount {
            let cell: ParsedCell = text.withCell(row) { bytes in
                if MissingValue.isMissing(bytes) { return .missing }
                guard let value = NumberParsing.parse(bytes), value.isFinite else { return .invalid }
                return .number(value)
            }
            switch cell {
            case .missing: continue
            case .number(let value): values[row] = value
            case .invalid:
                throw InputError(
                    file: fileName, row: row + 2, column: header[column],
                    message: "\"\(text.string(row))\" is not a number")
            }
        }
        return values
    }

    /// A text column, with `nil` for missing cells.
    public func strings(_ column: Int) -> [String?] {
        let text = columns[column]
        return (0..<rowCount).map { text.isMissing($0) ? nil : text.string($0).trimmingSpaces() }
    }
}

/// What a cell holds when read as a number.
enum ParsedCell {
    case missing, number(Double), invalid
}

/// The cell spellings read as "missing", as pandas reads them by default (a subset:
/// the empty cell, NA, N/A, NaN, nan, null, NULL, None, #N/A), after trimming spaces.
enum MissingValue {
    static let markers: [[UInt8]] = ["NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-NaN", "-nan"]
        .map { Array($0.utf8) }

    static func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var lower = 0, upper = cell.count
        while lower < upper && (cell[lower] == 0x20 || cell[lower] == 0x09) { lower += 1 }
        while upper > lower && (cell[upper - 1] == 0x20 || cell[upper - 1] == 0x09) { upper -= 1 }
        if lower == upper { return true }
        let length = upper - lower
        guard length <= 4 else { return false }
        outer: for marker in markers where marker.count == length {
            for j in 0..<length where cell[lower + j] != marker[j] { continue outer }
            return true
        }
        return false
    }
}

/// Parses decimal numbers exactly as `Double(String)` does (correctly rounded), after
/// trimming spaces; anything else (`12abc`, `1,5`) is not a number.
enum NumberParsing {
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var lower = 0, upper = cell.count
        while lower < upper && (cell[lower] == 0x20 || cell[lower] == 0x09) { lower += 1 }
        while upper > lower && (cell[upper - 1] == 0x20 || cell[upper - 1] == 0x09) { upper -= 1 }
        guard lower < upper else { return nil }
        // Only the characters of a decimal literal; rejects hex floats, "nan", "inf" words.
        for j in lower..<upper {
            switch cell[j] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: cell[lower..<upper]), as: UTF8.self)
        return Double(text)
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
