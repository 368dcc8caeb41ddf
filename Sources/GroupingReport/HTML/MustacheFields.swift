import Mustache

/// A view model whose fields Mustache reads by name through a table of closures instead of
/// reflection.
///
/// swift-mustache looks a name up with `Mirror` unless the object is a `MustacheParent`;
/// building a mirror and filtering its children for every `{{name}}` of every table cell
/// took most of the time of rendering report.html. The table maps each stored property to
/// a closure returning it (an optional as `Any?`, so nil stays nil for the template's
/// sections). `HTMLViewModelTests` checks that each table lists exactly the type's stored
/// properties, so a field added to a view model cannot silently render as empty.
protocol MustacheFields: MustacheParent {
    static var fields: [String: @Sendable (Self) -> Any?] { get }
}

extension MustacheFields {
    func child(named name: String) -> Any? {
        guard let field = Self.fields[name] else { return nil }
        return field(self)
    }
}
