import Foundation
import Mustache

/// A problem with the report's templates: which file, and what is wrong.
public struct TemplateError: Error, CustomStringConvertible {
    public var file: String
    public var message: String
    public init(file: String, message: String) {
        self.file = file
        self.message = message
    }
    public var description: String { "\(file): \(message)" }
}

/// The Mustache templates and the stylesheet that make `report.html`.
///
/// The built-in set is compiled into the binary (from `templates/` and `assets/`);
/// `load(directory:)` reads a set from disk for `--templates DIR`, falling back to the
/// built-in file for anything the directory does not hold, so a user can override one
/// template or only the stylesheet.
public struct TemplateSet: Sendable {
    /// The templates every set has: `report` (the page) and its partials.
    public static let templateNames = ["report", "block", "table"]
    /// The stylesheet's file name (looked for in the directory and in its `assets/`).
    public static let stylesheetName = "report.css"

    /// Template name → Mustache source.
    public private(set) var sources: [String: String]
    public private(set) var stylesheet: String
    let library: MustacheLibrary

    /// Parses the templates.
    /// - Throws: `TemplateError` naming the template that does not parse.
    public init(sources: [String: String], stylesheet: String) throws {
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: source), named: name)
            } catch {
                throw TemplateError(file: "\(name).mustache", message: "does not parse: \(error)")
            }
        }
        for name in Self.templateNames where sources[name] == nil {
            throw TemplateError(file: "\(name).mustache", message: "missing template")
        }
        self.sources = sources
        self.stylesheet = stylesheet
        self.library = library
    }

    /// The templates and stylesheet built into the binary.
    public static func builtIn() throws -> TemplateSet {
        try TemplateSet(sources: EmbeddedTemplates.sources, stylesheet: EmbeddedTemplates.stylesheet)
    }

    /// Reads `*.mustache` (and `report.css`, in the directory or its `assets/` folder) from
    /// `directory`; built-in files fill what is missing.
    /// - Throws: `TemplateError` when the directory cannot be read or a template does not parse.
    public static func load(directory: URL) throws -> TemplateSet {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw TemplateError(file: directory.path, message: "cannot read the templates directory")
        }
        var sources = EmbeddedTemplates.sources
        for file in files.sorted() where file.hasSuffix(".mustache") {
            let url = directory.appendingPathComponent(file)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw TemplateError(file: url.path, message: "cannot read the template as UTF-8")
            }
            sources[String(file.dropLast(".mustache".count))] = text
        }
        var stylesheet = EmbeddedTemplates.stylesheet
        for candidate in [stylesheetName, "assets/\(stylesheetName)"] {
            let url = directory.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                    throw TemplateError(file: url.path, message: "cannot read the stylesheet as UTF-8")
                }
                stylesheet = text
                break
            }
        }
        return try TemplateSet(sources: sources, stylesheet: stylesheet)
    }

    /// Renders the `report` template with `object`.
    func render(_ object: Any) throws -> String {
        guard let html = library.render(object, withTemplate: "report") else {
            throw TemplateError(file: "report.mustache", message: "missing template")
        }
        return html
    }
}

/// The built-in templates, from the bytes SwiftPM embeds in the binary.
enum EmbeddedTemplates {
    static let sources: [String: String] = [
        "report": String(decoding: PackageResources.report_mustache, as: UTF8.self),
        "block": String(decoding: PackageResources.block_mustache, as: UTF8.self),
        "table": String(decoding: PackageResources.table_mustache, as: UTF8.self),
    ]
    static let stylesheet = String(decoding: PackageResources.report_css, as: UTF8.self)
}
