import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report simulate`: a synthetic creator platform with known true effects.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Writes a synthetic creator platform (creators, ITEs, panel, truth) and a config that runs.")

    @Option(help: "Directory to write creators.csv, ites.csv, panel.csv, truth.csv and config.yml into.")
    var out: String

    @Option(help: "Number of creators.")
    var creators: Int = 1500

    @Option(help: "Random seed; the same seed writes the same files.")
    var seed: UInt64 = 42

    func validate() throws {
        guard creators >= 10 else { throw ValidationError("--creators must be at least 10") }
    }

    func run() throws {
        do {
            let files = CreatorPlatformSimulator(creators: creators, seed: seed).files()
            let folder = try OutputFolder.prepare(out, ownNames: Set(files.map(\.name)))
            try folder.publish(files.map { (path: $0.name, data: Data($0.contents.utf8)) })
            print("wrote \(creators) simulated creators to \(out) (run: grouping-report run \(out)/config.yml)")
        } catch {
            exitWithError(error)
        }
    }
}
