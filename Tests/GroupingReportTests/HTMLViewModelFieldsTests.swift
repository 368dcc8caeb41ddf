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
                "HTMLKeyValue", "HTMLTable", "HTMLColumn", "HTMLRow", "HTMLCell", "HTMLChart",
            ])
    }
}

extension MustacheFields {
    static var fieldNames: [String] { Array(fields.keys) }
}
