import ArgumentParser
import Foundation
import GroupingCore

/// `grouping-report simulate`: a synthetic creator platform with known true effects.
struct SimulateCommand: ToolCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Writes a synthetic creator platform (creators, ITEs, panel, truth) and a config that runs.",
        discussion: """
            With --quarters N it writes one dataset per quarter into q1/ … qN/, each config with \
            snapshot_date set to the quarter's last day (quarter 1 ends 2025-03-31) and \
            production.grouping genre. With --drift-at K the grouping structure changes from \
            quarter K on: every genre gets the same true lift (genre no longer matters) and a \
            gradient of +0.04 per standard deviation of log follower count appears (audience \
            size does). Quarter q uses seed + q.
            """)

    @Option(help: "Directory to write creators.csv, ites.csv, panel.csv, truth.csv and config.yml into.")
    var out: String

    @Option(help: "Number of creators.")
    var creators: Int = 1500

    @Option(help: "Random seed; the same seed writes the same files.")
    var seed: UInt64 = 42

    @Option(help: "Write this many quarterly datasets (q1/ … qN/) instead of one.")
    var quarters: Int?

    @Option(help: "With --quarters: the first quarter with the drifted grouping structure.")
    var driftAt: Int?

    func validate() throws {
        guard creators >= 10 else { throw ValidationError("--creators must be at least 10") }
        if let quarters, !(1...40).contains(quarters) {
            throw ValidationError("--quarters must be between 1 and 40")
        }
        if let driftAt {
            guard let quarters else { throw ValidationError("--drift-at needs --quarters") }
            guard (1...quarters).contains(driftAt) else {
                throw ValidationError("--drift-at must be a quarter between 1 and \(quarters)")
            }
        }
    }

    func run() throws {
        if let quarters {
            let simulation = QuarterlySimulation(
                quarters: quarters, driftAt: driftAt, creators: creators, seed: seed)
            let files = simulation.files()
            let folder = try OutputFolder.prepare(out, ownNames: Set(files.map { String($0.name.split(separator: "/").first ?? "") }))
            try folder.publish(files.map { (path: $0.name, data: Data($0.contents.utf8)) })
            print(
                "wrote \(quarters) quarters of \(creators) simulated creators to \(out)/q1 … q\(quarters)"
                    + (driftAt.map { ", drifting from quarter \($0)" } ?? ", no drift")
                    + " (run: grouping-report run \(out)/q1/config.yml --out \(out)/q1/out)")
            return
        }
        let files = CreatorPlatformSimulator(creators: creators, seed: seed).files()
        let folder = try OutputFolder.prepare(out, ownNames: Set(files.map(\.name)))
        try folder.publish(files.map { (path: $0.name, data: Data($0.contents.utf8)) })
        print("wrote \(creators) simulated creators to \(out) (run: grouping-report run \(out)/config.yml)")
    }
}
