import GroupingCharts
import XCTest

final class SVGIdPrefixerTests: XCTestCase {
    func testPrefixerRewritesIdsAndReferences() {
        let svg = ##"<svg><g id="glyph0-1"/><use xlink:href="#glyph0-1"/><g clip-path="url(#clip1)"/></svg>"##
        XCTAssertEqual(
            SVGIdPrefixer.prefixIds(in: svg, with: "p-"),
            ##"<svg><g id="p-glyph0-1"/><use xlink:href="#p-glyph0-1"/><g clip-path="url(#p-clip1)"/></svg>"##)
    }

    func testStripsTheXMLDeclaration() {
        XCTAssertEqual(SVGIdPrefixer.strippingXMLDeclaration("<?xml version=\"1.0\"?>\n<svg/>"), "<svg/>")
        XCTAssertEqual(SVGIdPrefixer.strippingXMLDeclaration("<svg/>"), "<svg/>")
    }

    func testAccessibleTitleIsEscaped() {
        let svg = SVGIdPrefixer.addingAccessibleTitle(
            "Lift by \"Música & <Arte>\"", to: "<svg width=\"1px\"><g/></svg>")
        XCTAssertEqual(
            svg,
            "<svg width=\"1px\" role=\"img\" aria-label=\"Lift by &quot;Música &amp; &lt;Arte&gt;&quot;\">\n"
                + "<title>Lift by &quot;Música &amp; &lt;Arte&gt;&quot;</title><g/></svg>")
    }
}
