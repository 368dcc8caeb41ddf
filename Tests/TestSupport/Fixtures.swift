import Foundation

/// Loads a committed JSON fixture (made by a script under `scripts/fixtures/`).
///
/// Fixtures live in `Tests/<Target>/Fixtures/`; pass the test bundle's URL for that folder.
public enum Fixtures {
    /// The repository's root, found from this source file's path (tests run from anywhere).
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Decodes `Tests/<target>/Fixtures/<name>` as `T`.
    public static func load<T: Decodable>(
        _ type: T.Type, target: String, name: String
    ) throws -> T {
        let url = repositoryRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(name)")
        let data = try Data(contentsOf: url)
        return try JSONDecoder().decode(T.self, from: data)
    }

    /// The raw bytes of a fixture file.
    public static func data(target: String, name: String) throws -> Data {
        try Data(contentsOf: repositoryRoot.appendingPathComponent("Tests/\(target)/Fixtures/\(name)"))
    }
}
