import XCTest

@testable import GroupingCharts

/// One measurer for the charts and the PDF: unhinted advances, the same as Cairo draws on a
/// vector surface, and faces that cannot disturb the renderer's font record.
final class CairoTextMeasurerTests: XCTestCase {
    let regular = CairoFace(family: CairoRenderer.fontFamily, size: 10)

    func testAnAdvanceInTheChartFaceEqualsTheChartMeasure() {
        let measurer = CairoTextMeasurer()
        for text in ["n=204", "Entertainment", "−0.05", ""] {
            XCTAssertEqual(
                measurer.advance(text, face: regular), measurer.measure(text, font: Font(size: 10)).width, text)
        }
        let bold = CairoFace(family: CairoRenderer.fontFamily, bold: true, size: 10)
        XCTAssertEqual(measurer.advance("Gaming", face: bold), measurer.measure("Gaming", font: Font(size: 10, bold: true)).width)
    }

    func testAdvancesScaleWithSizeAndFollowTheFace() {
        let measurer = CairoTextMeasurer()
        let text = "Posterior separation"
        let ten = measurer.advance(text, face: regular)
        XCTAssertGreaterThan(ten, 50)
        XCTAssertEqual(measurer.advance(text, face: CairoFace(family: CairoRenderer.fontFamily, size: 20)), 2 * ten, accuracy: 1e-6)
        XCTAssertGreaterThan(measurer.advance(text, face: CairoFace(family: CairoRenderer.fontFamily, bold: true, size: 10)), ten)
        // A monospace face: every character has the same advance.
        let mono = CairoFace(family: "DejaVu Sans Mono", size: 10)
        let one = measurer.advance("i", face: mono)
        XCTAssertEqual(measurer.advance("iiWW0", face: mono), 5 * one, accuracy: 1e-9)
    }

    func testAFaceMeasuredBetweenChartMeasuresDoesNotChangeThem() {
        let measurer = CairoTextMeasurer()
        let before = measurer.measure("Treatment effect", font: Font(size: 9))
        _ = measurer.advance("Treatment effect", face: CairoFace(family: "DejaVu Sans Mono", bold: true, size: 30))
        XCTAssertEqual(measurer.measure("Treatment effect!", font: Font(size: 9)).width, CairoTextMeasurer().measure("Treatment effect!", font: Font(size: 9)).width)
        XCTAssertEqual(measurer.measure("Treatment effect", font: Font(size: 9)), before)
    }
}
