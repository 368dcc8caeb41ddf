import GroupingCharts
import XCTest

final class TextBoxTests: XCTestCase {
    func testTextBoxOverlapHonoursRotation() {
        let metrics = TextMetrics(width: 100, ascent: 8, descent: 2)
        let a = TextBox(metrics: metrics, at: Point(x: 0, y: 0), anchor: .middleEnd, rotation: 45)
        let b = TextBox(metrics: metrics, at: Point(x: 16, y: 0), anchor: .middleEnd, rotation: 45)
        let c = TextBox(metrics: metrics, at: Point(x: 12, y: 0), anchor: .middleEnd, rotation: 45)
        // Parallel rotated boxes 16 apart along x are 11.3 apart across: no overlap; 12 apart (8.5 across): overlap.
        XCTAssertFalse(a.overlaps(b))
        XCTAssertTrue(a.overlaps(c))
        // Their axis-aligned bounds would overlap, which is why the test is exact.
        XCTAssertTrue(a.bounds.intersects(b.bounds))
    }

    func testAnchorsPlaceTheBox() {
        let metrics = TextMetrics(width: 40, ascent: 8, descent: 2)
        XCTAssertEqual(
            TextBox(metrics: metrics, at: Point(x: 100, y: 50), anchor: .topStart, rotation: 0).bounds,
            Rect(x: 100, y: 50, width: 40, height: 10))
        XCTAssertEqual(
            TextBox(metrics: metrics, at: Point(x: 100, y: 50), anchor: .middleEnd, rotation: 0).bounds,
            Rect(x: 60, y: 45, width: 40, height: 10))
        let upright = TextBox(metrics: metrics, at: Point(x: 100, y: 50), anchor: .middleEnd, rotation: 90).bounds
        XCTAssertEqual(upright.minX, 95, accuracy: 1e-9)
        XCTAssertEqual(upright.minY, 50, accuracy: 1e-9, "reads upwards, ending at the anchor: hangs below it")
        XCTAssertEqual(upright.height, 40, accuracy: 1e-9)
    }
}
