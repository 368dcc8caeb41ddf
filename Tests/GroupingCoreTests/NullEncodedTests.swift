import Foundation
import GroupingCore
import XCTest

private struct Record: Codable, Equatable {
    @NullEncoded var value: Double?
    @NullEncoded var label: String?
    var plain: Int?
}

final class NullEncodedTests: XCTestCase {
    private func json(_ record: Record) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(record), as: UTF8.self)
    }

    private func decode(_ text: String) throws -> Record {
        try JSONDecoder().decode(Record.self, from: Data(text.utf8))
    }

    func testAbsentValuesAreWrittenAsNullButPlainOptionalsAreOmitted() throws {
        XCTAssertEqual(try json(Record(value: nil, label: nil, plain: nil)), #"{"label":null,"value":null}"#)
    }

    func testPresentValuesAreWrittenBare() throws {
        XCTAssertEqual(
            try json(Record(value: 1.5, label: "a", plain: 3)), #"{"label":"a","plain":3,"value":1.5}"#)
    }

    func testDecodesNullAndMissingKeysAsNil() throws {
        XCTAssertEqual(try decode(#"{"value":null,"label":null}"#), Record(value: nil, label: nil, plain: nil))
        XCTAssertEqual(try decode("{}"), Record(value: nil, label: nil, plain: nil))
        XCTAssertEqual(try decode(#"{"value":2}"#), Record(value: 2, label: nil, plain: nil))
    }

    func testRoundTrip() throws {
        for record in [Record(value: -0.25, label: nil, plain: 1), Record(value: nil, label: "x", plain: nil)] {
            XCTAssertEqual(try JSONDecoder().decode(Record.self, from: JSONEncoder().encode(record)), record)
        }
    }

    func testAWrongTypeIsStillAnError() {
        XCTAssertThrowsError(try decode(#"{"value":"not a number"}"#))
    }
}
