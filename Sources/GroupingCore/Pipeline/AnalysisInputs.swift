import Foundation

/// The data files a config names, turned into the analysis frame: tables parsed, the panel
/// estimated (ITEs and their standard errors, with the raw coverage when truth is given),
/// files fingerprinted for `results.json`. The caller reads the bytes; nothing here touches
/// the file system.
public struct AnalysisInputs: Sendable {
    /// Reads a file the config names (a path as written in the config): the name messages and
    /// `results.json` use for it, and its bytes.
    public typealias Reader = (String) throws -> (displayName: String, bytes: [UInt8])

    public var frame: AnalysisFrame
    /// The files read, in reading order, for `input.files`.
    public var files: [InputFile]
    /// The panel estimation, when the ITEs came from a panel.
    public var panel: PanelEstimation?

    public static func load(
        config: AnalysisConfig, read: Reader, progress: (String) -> Void = { _ in }
    ) throws -> AnalysisInputs {
        var files: [InputFile] = []
        func table(_ path: String, role: String) throws -> CSVTable {
            let (name, bytes) = try read(path)
            let table = try CSVTable(bytes: bytes, fileName: name)
            files.append(InputFile(role: role, path: name, sha256: SHA256.hex(bytes), rows: table.rowCount))
            progress("read \(name): \(table.rowCount) rows")
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
            progress("estimating ITEs from the panel (imputation estimator)")
            let estimate = try PanelPhase.estimate(panelTable, config: panelConfig, idColumn: config.data.id)
            ites = estimate.ites
            let coverage = try truth.flatMap {
                estimate.estimate.rawCoverage(truth: try AnalysisFrame.trueEffects($0, idColumn: config.data.id))
            }
            panel = estimate.estimate.panelEstimation(rawCoverage: coverage?.coverage)
            extraDropped = estimate.dropped
            progress(panelLine(estimate: estimate.estimate, creators: estimate.ites.ids.count, coverage: coverage))
        }
        var frame = try AnalysisFrame(
            creators: creators, idColumn: config.data.id, ites: ites, truth: truth, outcome: config.outcome)
        if !extraDropped.isEmpty { frame = frame.addingDropped(extraDropped) }
        return AnalysisInputs(frame: frame, files: files, panel: panel)
    }

    /// The progress line after the panel estimation.
    static func panelLine(
        estimate: PanelEstimate, creators: Int, coverage: (coverage: Double, creators: Int)?
    ) -> String {
        String(format: "panel: %d creators estimated, ATT %.4f (se %.4f)", creators, estimate.att, estimate.attSe)
            + (coverage.map {
                String(format: "; raw 95%% intervals cover %.1f%% of %d true effects", 100 * $0.coverage, $0.creators)
            } ?? "")
    }
}

extension Analysis {
    /// The whole run from the config and a reader of the files it names: inputs, every phase,
    /// the input fingerprints and the panel estimation in the results. `Reading inputs` is the
    /// first timing.
    public static func run(
        config: AnalysisConfig, read: AnalysisInputs.Reader, previous: PreviousSnapshot? = nil,
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) throws -> AnalysisOutput {
        let started = Date()
        let inputs = try AnalysisInputs.load(config: config, read: read, progress: progress)
        let loadSeconds = Date().timeIntervalSince(started)
        var output = try run(config: config, frame: inputs.frame, previous: previous, progress: progress)
        output.results.input.files = inputs.files
        if let panel = inputs.panel { output.results.panel = panel }
        output.timings.insert(PhaseTiming(phase: "Reading inputs", seconds: loadSeconds), at: 0)
        return output
    }
}
