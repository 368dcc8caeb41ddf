import Foundation

extension Results {
    /// `results.json`: pretty-printed with sorted keys, so the same inputs and seed give the
    /// same bytes.
    /// - Throws: `InputError` if a non-finite number slipped into the results (it names the
    ///   key path); the library writes nil for values that do not exist.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return try encoder.encode(self)
        } catch EncodingError.invalidValue(let value, let context) {
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            throw InputError(
                key: String(path.drop { $0 == "." }),
                message:
                    "internal error, please report it: \(value) cannot be written to results.json (the key names the candidate and the result)"
            )
        }
    }
}
