import Foundation
import GroupingCore
import XCTest

/// The thresholds table: defaults, keys, ranges, coding and parsing all come from
/// `ThresholdDefinition.all`.
final class ThresholdDefinitionTests: XCTestCase {
    func testKeysAreUniqueAndInTheContractsSpelling() {
        let keys = ThresholdDefinition.all.map(\.key)
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertEqual(keys.count, 14)
        XCTAssertEqual(Thresholds.keys, keys)
        for key in keys { XCTAssertNotNil(key.range(of: "^[a-z_]+$", options: .regularExpression), key) }
    }

    func testDefaultsAreThePlaybooksAndLieInTheirRanges() {
        let t = Thresholds()
        for definition in ThresholdDefinition.all {
            XCTAssertEqual(definition.value(in: t), definition.defaultValue, definition.key)
            XCTAssertTrue(definition.range.contains(definition.defaultValue), definition.key)
        }
        XCTAssertEqual(t.qualityPoor, 20)
        XCTAssertEqual(t.etaSquared, 0.20)
        XCTAssertEqual(t.minGroupSize, 15)
        XCTAssertEqual(t.looicTie, 2)
        XCTAssertEqual(t.looicStrong, 4)
        XCTAssertEqual(t.coverage, 0.93)
    }

    func testSetWritesTheFieldItNames() {
        for (i, definition) in ThresholdDefinition.all.enumerated() {
            var t = Thresholds()
            let value = definition.range.lowerBound + (definition.range.upperBound - definition.range.lowerBound) / 7
            let stored = definition.field.isCount ? value.rounded(.towardZero) : value
            definition.set(value, in: &t)
            XCTAssertEqual(definition.value(in: t), stored, definition.key)
            // No other threshold moved.
            for (j, other) in ThresholdDefinition.all.enumerated() where j != i {
                XCTAssertEqual(other.value(in: t), other.defaultValue, "\(definition.key) moved \(other.key)")
            }
        }
    }

    func testRangeProblemNamesTheRangeAndTheValue() {
        XCTAssertEqual(ThresholdDefinition.anovaP.rangeProblem(5), "must lie in [0, 1], not 5")
        XCTAssertEqual(ThresholdDefinition.shrinkageCorr.rangeProblem(-1.5), "must lie in [-1, 1], not -1.5")
        XCTAssertNil(ThresholdDefinition.coverage.rangeProblem(0.9))
        XCTAssertNil(ThresholdDefinition.coverage.rangeProblem(1))
    }

    func testFormattingFollowsEachStyle() {
        XCTAssertEqual(ThresholdDefinition.qualityPoor.formatted(20), "20%")
        XCTAssertEqual(ThresholdDefinition.coverage.formatted(0.93), "93%")
        XCTAssertEqual(ThresholdDefinition.minGroupSize.formatted(1500), "1,500")
        XCTAssertEqual(ThresholdDefinition.anovaP.formatted(0.05), "0.05")
        XCTAssertEqual(ThresholdDefinition.separation.formatted(1.5), "1.5")
    }

    func testEncodingWritesEveryKeyWithCountsAsIntegers() throws {
        var t = Thresholds()
        t.minGroupSize = 12
        t.looicStrong = 6.5
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(t)
        let text = String(decoding: data, as: UTF8.self)
        for definition in ThresholdDefinition.all { XCTAssertTrue(text.contains("\"\(definition.key)\":"), text) }
        XCTAssertTrue(text.contains("\"min_group_size\":12,"), text)
        XCTAssertTrue(text.contains("\"looic_strong\":6.5"), text)
        XCTAssertEqual(try JSONDecoder().decode(Thresholds.self, from: data), t)
    }

    func testDecodingKeepsTheDefaultOfAnAbsentKey() throws {
        let old = #"{"quality_poor": 25, "min_group_size": 10}"#
        let t = try JSONDecoder().decode(Thresholds.self, from: Data(old.utf8))
        XCTAssertEqual(t.qualityPoor, 25)
        XCTAssertEqual(t.minGroupSize, 10)
        XCTAssertEqual(t.calibrationP, ThresholdDefinition.calibrationP.defaultValue)
        XCTAssertThrowsError(try JSONDecoder().decode(Thresholds.self, from: Data(#"{"coverage": "high"}"#.utf8)))
    }

    func testTheParserReadsEveryKeyOfTheTable() throws {
        // Each key set to a value in its range but off its default reaches the right field.
        var yaml = "data: {creators: c.csv, ites: i.csv}\ncandidates: [genre]\nthresholds:\n"
        var expected = Thresholds()
        for definition in ThresholdDefinition.all {
            let value: Double =
                switch definition.key {
                case "quality_poor": 10
                case "quality_good": 50
                case "looic_tie": 1
                case "looic_strong": 8
                case "shrinkage_corr": -0.5
                default: definition.field.isCount ? definition.defaultValue + 3 : definition.defaultValue / 2
                }
            yaml += "  \(definition.key): \(definition.field.isCount ? String(Int(value)) : String(value))\n"
            definition.set(value, in: &expected)
        }
        let config = try ConfigParser.parse(yaml, fileName: "config.yml")
        XCTAssertEqual(config.thresholds, expected)
    }

    func testACountMustBeAnInteger() {
        let yaml = "data: {creators: c.csv, ites: i.csv}\ncandidates: [genre]\nthresholds: {min_group_size: 2.5}\n"
        XCTAssertThrowsError(try ConfigParser.parse(yaml, fileName: "config.yml")) { error in
            XCTAssertTrue("\(error)".contains("thresholds.min_group_size"), "\(error)")
        }
    }
}

extension ThresholdDefinition.Field {
    fileprivate var isCount: Bool {
        if case .count = self { return true }
        return false
    }
}
