import Foundation
import GroupingCore

/// Reads the files a config names and joins them into the analysis frame.
struct InputLoader {
    let sources: InputSources
    let config: AnalysisConfig
    let progress: Progress

    struct Loaded {
        var frame: AnalysisFrame
        var files: [InputFile]
        var panel: PanelEstimation?
    }

    func load() throws -> Loaded {
        var files: [InputFile] = []
        func table(_ path: String, role: String) throws -> CSVTable {
            let (name, bytes) = try sources.read(path)
            let table = try CSVTable(bytes: bytes, fileName: name)
            files.append(InputFile(role: role, path: name, sha256: SHA256.hex(bytes), rows: table.rowCount))
            progress.say("read \(name): \(table.rowCount) rows")
            return table
        }
        let creators = try table(config.data.creators, role: "creators")
        let truth = try config.data.truth.map { try table($0, role: "truth") }
        var ites: ITETable? = nil
        var panel: PanelEstimation? = nil
        var extraDropped: [DropCount] = []
        if let path = config.data.ites {
            ites = try ITETable(table: try table(path, role: "ites"), idColumn: config.data.id)
        } else if let panelConfig = config.data.panel {
            let panelTable = try table(panelConfig.file, role: "panel")
            progress.say("estimating ITEs from the panel (imputation estimator)")
            let estimate = try PanelPhase.estimate(panelTable, config: panelConfig, idColumn: config.data.id)
            ites = estimate.ites
            let coverage = try truth.flatMap {
                estimate.estimate.rawCoverage(truth: try AnalysisFrame.trueEffects($0, idColumn: config.data.id))
            }
            panel = estimate.estimate.panelEstimation(rawCoverage: coverage?.coverage)
            extraDropped = estimate.dropped
            progress.say(
                String(
                    format: "panel: %d creators estimated, ATT %.4f (se %.4f)", estimate.ites.ids.count,
                    estimate.estimate.att, estimate.estimate.attSe)
                    + (coverage.map {
                        String(
                            format: "; raw 95%% intervals cover %.1f%% of %d true effects", 100 * $0.coverage,
                            $0.creators)
                    } ?? ""))
        }
        var frame = try AnalysisFrame(
            creators: creators, idColumn: config.data.id, ites: ites, truth: truth, outcome: config.outcome)
        if !extraDropped.isEmpty { frame = frame.addingDropped(extraDropped) }
        return Loaded(frame: frame, files: files, panel: panel)
    }
}
