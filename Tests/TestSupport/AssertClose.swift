import XCTest

/// Asserts that `actual` is within `rel` relative or `abs` absolute distance of `expected`
/// (either suffices): |actual − expected| ≤ max(abs, rel · |expected|).
///
/// Two NaNs, or two equal infinities, compare equal; NaN against a number fails.
public func assertClose(
    _ expected: Double, _ actual: Double, rel: Double = 1e-12, abs: Double = 0,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    if expected.isNaN && actual.isNaN { return }
    if expected.isInfinite || actual.isInfinite {
        XCTAssertEqual(expected, actual, message(), file: file, line: line)
        return
    }
    let tolerance = Swift.max(abs, rel * Swift.abs(expected))
    XCTAssert(
        Swift.abs(actual - expected) <= tolerance,
        "\(actual) is not within \(tolerance) of \(expected) \(message())", file: file, line: line)
}

/// Optional variant: both nil passes, one nil fails.
public func assertClose(
    _ expected: Double?, _ actual: Double?, rel: Double = 1e-12, abs: Double = 0,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    switch (expected, actual) {
    case (nil, nil): return
    case (let e?, let a?): assertClose(e, a, rel: rel, abs: abs, message(), file: file, line: line)
    default:
        XCTFail(
            "expected \(String(describing: expected)), got \(String(describing: actual)) \(message())", file: file,
            line: line)
    }
}

/// Element-wise `assertClose` for arrays of the same length.
public func assertClose(
    _ expected: [Double], _ actual: [Double], rel: Double = 1e-12, abs: Double = 0,
    _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line
) {
    XCTAssertEqual(expected.count, actual.count, "lengths differ \(message())", file: file, line: line)
    for (index, (e, a)) in zip(expected, actual).enumerated() {
        assertClose(e, a, rel: rel, abs: abs, "at index \(index) \(message())", file: file, line: line)
    }
}
