import XCTest

@testable import GroupingReport

/// Mustache reads the view models through their field tables; each table must answer for
/// exactly the stored properties the type has, with the same values (nil where nil).
final class HTMLViewModelFieldsTests: XCTestCase {
    /// Every value reachable from `root` through stored properties, arrays and optionals.
    private func walk(_ root: Any, visit: (Any) -> Void) {
        visit(root)
        let mirror = Mirror(reflecting: root)
        for child in mirror.children { walk(child.value, visit: visit) }
    }

    private func isNil(_ value: Any?) -> Bool {
        guard let value else { return true }
        let mirror = Mirror(reflecting: value)
        return mirror.displayStyle == .optional && mirror.children.isEmpty
    }

    func testEveryFieldTableMatchesItsTypesStoredProperties() throws {
        let page = HTMLPage(document: ReportFixtures.fullDocument(), stylesheet: try TemplateSet.builtIn().stylesheet)
        var checkedTypes = Set<String>()
        walk(page) { value in
            guard let model = value as? any MustacheFields else { return }
            let typeName = String(describing: type(of: model))
            let mirror = Mirror(reflecting: model)
            let labels = mirror.children.compactMap(\.label)
            XCTAssertEqual(Set(labels), Set(type(of: model).fieldNames), typeName)
            for child in mirror.children {
                guard let label = child.label else { continue }
                XCTAssertEqual(isNil(model.child(named: label)), isNil(child.value), "\(typeName).\(label)")
            }
            XCTAssertNil(model.child(named: "noSuchField"))
            checkedTypes.insert(typeName)
        }
        // The full sample document reaches every view model type.
        XCTAssertEqual(
            checkedTypes,
            [
                "HTMLPage", "HTMLSection", "HTMLBlock", "HTMLBlockGroup", "HTMLNotice", "HTMLRecommendation",
                "HTMLKeyValue", "HTMLTable", "HTMLColumn", "HTMLRow", "HTMLCell", "HTMLChart", "HTMLBulletList",
                "HTMLFactList",
            ])
    }

    /// A list block is one list: one `<ul>` for all the bullets, one `<dl>` for all the facts
    /// (a Mustache section over an array repeats its body, which gave one list per item).
    func testAListBlockIsOneList() throws {
        let html = try HTMLReport.render(ReportFixtures.fullDocument(), templates: TemplateSet.builtIn())
        let bullets = ReportFixtures.fullDocument().sections.flatMap(\.blocks).filter {
            if case .bullets = $0 { return true }
            return false
        }
        XCTAssertFalse(bullets.isEmpty)
        let uls = html.components(separatedBy: "<ul>").count - 1
        let items = bullets.reduce(0) { sum, block in
            if case .bullets(let list) = block { return sum + list.count }
            return sum
        }
        XCTAssertGreaterThan(items, bullets.count, "the sample has a list of more than one item")
        XCTAssertLessThan(uls, items, "not one <ul> per item")
        XCTAssertFalse(html.contains("</ul>\n<ul>"), "no list split into lists of one")
        XCTAssertFalse(html.contains("</dl>\n<dl class=\"facts\">"), "no facts split into lists of one")
    }
}

extension MustacheFields {
    static var fieldNames: [String] { Array(fields.keys) }
}
