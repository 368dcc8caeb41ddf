import Foundation

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
    /// - Complexity: O(n) in the number of bytes; unquoted fields are copied as whole runs.
    public init(bytes input: [UInt8], fileName: String, separator: UInt8 = UInt8(ascii: ",")) throws {
        self.fileName = fileName
        var builder = Builder(fileName: fileName)
        try input.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let n = buffer.count
            // Text never holds a NUL byte: such a file is binary (or /proc/self/environ), and
            // echoing its "header" would print what it holds.
            if memchr(base, 0, n) != nil {
                throw InputError(file: fileName, message: "holds a NUL byte, so it is not a CSV text file")
            }
            let quote = UInt8(ascii: "\"")
            let cr = UInt8(ascii: "\r")
            let lf = UInt8(ascii: "\n")
            var i = n >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
            var scratch: [UInt8] = []
            while i < n {
                // At the start of a field.
                let fieldStart = i
                if base[i] == quote {
                    // A quoted field: to the closing quote; "" is a literal quote.
                    scratch.removeAll(keepingCapacity: true)
                    i += 1
                    var closed = false
                    while i < n {
                        let c = base[i]
                        if c == quote {
                            if i + 1 < n && base[i + 1] == quote {
                                scratch.append(quote)
                                i += 2
                                continue
                            }
                            closed = true
                            i += 1
                            break
                        }
                        scratch.append(c)
                        i += 1
                    }
                    if !closed {
                        throw InputError(
                            file: fileName, row: builder.recordNumber, message: "a quoted field is never closed")
                    }
                    // Anything between the closing quote and the delimiter is kept (lenient).
                    var j = i
                    while j < n && base[j] != separator && base[j] != lf && base[j] != cr { j += 1 }
                    scratch.append(contentsOf: UnsafeBufferPointer(start: base + i, count: j - i))
                    i = j
                    try scratch.withUnsafeBufferPointer { try builder.addField($0) }
                } else {
                    var j = i
                    while j < n {
                        let c = base[j]
                        if c == separator || c == lf || c == cr { break }
                        j += 1
                    }
                    i = j
                    let isBlankLine = builder.fieldIndex == 0 && j == fieldStart && (j == n || base[j] != separator)
                    if isBlankLine {
                        // A blank line is no record: skipped, and not counted as a row.
                        if j < n && base[j] == cr && j + 1 < n && base[j + 1] == lf { i += 1 }
                        i += 1
                        continue
                    }
                    try builder.addField(UnsafeBufferPointer(start: base + fieldStart, count: j - fieldStart))
                }
                // At a delimiter or the end.
                if i >= n {
                    try builder.finishRecord()
                } else if base[i] == separator {
                    i += 1
                    if i == n {
                        try builder.addField(UnsafeBufferPointer(start: base, count: 0))
                        try builder.finishRecord()
                    }
                } else {
                    if base[i] == cr && i + 1 < n && base[i + 1] == lf { i += 1 }
                    i += 1
                    try builder.finishRecord()
                }
            }
        }
        guard let header = builder.header else {
            throw InputError(file: fileName, message: "the file is empty (no header row)")
        }
        self.header = header
        self.columns = builder.columns
        self.rowCount = builder.rowCount
    }

    /// Accumulates fields into the header or the columns, record by record.
    private struct Builder {
        let fileName: String
        var header: [String]? = nil
        var headerFields: [String] = []
        var columns: [TextColumn] = []
        var rowCount = 0
        var fieldIndex = 0
        /// The 1-based record being read (the header is 1).
        var recordNumber = 1

        init(fileName: String) { self.fileName = fileName }

        mutating func addField(_ bytes: UnsafeBufferPointer<UInt8>) throws {
            if header == nil {
                guard headerFields.count < CSVTable.maxFields else {
                    throw InputError(
                        file: fileName, row: 1,
                        message:
                            "the header has more than \(MessageText.count(CSVTable.maxFields)) fields (the most this tool reads)"
                    )
                }
                headerFields.append(String(decoding: bytes, as: UTF8.self))
            } else {
                guard fieldIndex < columns.count else {
                    throw InputError(
                        file: fileName, row: recordNumber, message: "has more fields than the header's \(columns.count)"
                    )
                }
                columns[fieldIndex].bytes.append(contentsOf: bytes)
                columns[fieldIndex].ends.append(columns[fieldIndex].bytes.count)
            }
            fieldIndex += 1
        }

        mutating func finishRecord() throws {
            if header == nil {
                let names = headerFields.map { $0.trimmingSpaces() }
                headerFields = []
                try checkHeader(names)
                header = names
                columns = Array(repeating: TextColumn(), count: names.count)
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
        }

        /// Every header name is non-empty and unique.
        /// - Complexity: O(fields), one hash lookup per name.
        func checkHeader(_ names: [String]) throws {
            var firstField: [String: Int] = [:]
            firstField.reserveCapacity(names.count)
            for (index, name) in names.enumerated() {
                if name.isEmpty {
                    throw InputError(file: fileName, row: 1, message: "header field \(index + 1) is empty")
                }
                if let first = firstField.updateValue(index, forKey: name) {
                    throw InputError(
                        file: fileName, row: 1, column: name,
                        message: "appears twice in the header (fields \(first + 1) and \(index + 1))")
                }
            }
        }
    }

    /// The index of the column named `name`.
    /// - Throws: `InputError` naming the file and the column when it is absent.
    /// - Complexity: O(fields).
    public func columnIndex(_ name: String, key: String? = nil) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw InputError(
                file: fileName, column: name, key: key,
                message: "no such column (the header has \(headerSummary))\(Suggestion.phrase(name, in: header))")
        }
        return index
    }

    /// "3 columns: a, b, c" or "214,000 columns, starting: a, b, c, d, e, …".
    public var headerSummary: String {
        let noun = header.count == 1 ? "column" : "columns"
        let start = header.count > MessageText.listLimit ? ", starting: " : ": "
        return "\(MessageText.count(header.count)) \(noun)\(start)\(MessageText.list(header))"
    }

    /// Most fields a header may have: far more than any real table, few enough that a
    /// table's per-column bookkeeping fits in memory (about 100 bytes per column).
    public static let maxFields = 1_000_000

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
                    message: "\(MessageText.quoted(text.string(row))) is not a number")
            }
        }
        return values
    }

    /// A text column, with `nil` for missing cells.
    public func strings(_ column: Int) -> [String?] {
        let text = columns[column]
        return (0..<rowCount).map { row in
            text.withCell(row) { cell in
                if MissingValue.isMissing(cell) { return nil }
                let value = String(decoding: cell, as: UTF8.self)
                let first = cell[0]
                let last = cell[cell.count - 1]
                return first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 ? value.trimmingSpaces() : value
            }
        }
    }
}

/// What a cell holds when read as a number.
enum ParsedCell {
    case missing
    case number(Double)
    case invalid
}

/// The cell spellings read as "missing", as pandas reads them by default (a subset:
/// the empty cell, NA, N/A, NaN, nan, null, NULL, None, #N/A), after trimming spaces.
enum MissingValue {
    static let markers: [[UInt8]] = ["NA", "N/A", "NaN", "nan", "null", "NULL", "None", "#N/A", "-NaN", "-nan"]
        .map { Array($0.utf8) }

    static func isMissing(_ cell: UnsafeBufferPointer<UInt8>) -> Bool {
        var lower = 0
        var upper = cell.count
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

/// Parses decimal numbers as the C library's `strtod` does (correctly rounded, like
/// `Double(String)`), after trimming spaces; anything else (`12abc`, `1,5`, `inf`, hex) is not
/// a number. Works on the cell's bytes: no String is made per cell.
enum NumberParsing {
    static func parse(_ cell: UnsafeBufferPointer<UInt8>) -> Double? {
        var lower = 0
        var upper = cell.count
        while lower < upper && (cell[lower] == 0x20 || cell[lower] == 0x09) { lower += 1 }
        while upper > lower && (cell[upper - 1] == 0x20 || cell[upper - 1] == 0x09) { upper -= 1 }
        let length = upper - lower
        guard length > 0, length < 64 else { return length >= 64 ? parseLong(cell, lower, upper) : nil }
        // Only the characters of a decimal literal.
        for j in lower..<upper {
            switch cell[j] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"),
                UInt8(ascii: "+"), UInt8(ascii: "e"), UInt8(ascii: "E"):
                continue
            default:
                return nil
            }
        }
        // A NUL-terminated copy on the stack for strtod.
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer in
            for j in 0..<length { buffer[j] = CChar(bitPattern: cell[lower + j]) }
            buffer[length] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == length else { return nil }
            return value
        }
    }

    /// Rare long cells: through a String.
    static func parseLong(_ cell: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) -> Double? {
        let text = String(decoding: UnsafeBufferPointer(rebasing: cell[lower..<upper]), as: UTF8.self)
        guard text.allSatisfy({ "0123456789.-+eE".contains($0) }) else { return nil }
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
