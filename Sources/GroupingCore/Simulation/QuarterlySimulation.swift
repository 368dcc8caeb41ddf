/// Quarterly data for re-validation: one simulated rollout per quarter, the grouping
/// structure drifting from a given quarter on.
///
/// Quarter q (1-based) is a fresh cohort of `creators` creators from
/// `CreatorPlatformSimulator` with seed `seed + q`, written under `q<q>/` as
/// `creators.csv`, `ites.csv`, `panel.csv`, `truth.csv` and a `config.yml` whose
/// `snapshot_date` is the quarter's last day: quarter 1 ends on 2025-03-31, and each
/// further quarter on the next quarter end (2025-06-30, 2025-09-30, 2025-12-31, 2026-03-31, …).
/// From quarter `driftAt` on the simulator runs `drifted`: genre effects shrink to zero (all
/// genres share one lift) and an audience-size gradient appears (see
/// `CreatorPlatformSimulator`). Without `driftAt` every quarter has the original structure.
/// Every config records `production: {grouping: genre}`, the grouping the original
/// structure recommends, so each run checks it.
public struct QuarterlySimulation: Sendable {
    public var quarters: Int
    public var driftAt: Int?
    public var creators: Int
    public var seed: UInt64

    public init(quarters: Int, driftAt: Int? = nil, creators: Int = 1500, seed: UInt64 = 42) {
        self.quarters = quarters
        self.driftAt = driftAt
        self.creators = creators
        self.seed = seed
    }

    /// The grouping every quarter's config names as in production.
    public static let productionGrouping = "genre"

    /// Quarter q's last day, `2025-03-31` for q = 1.
    public static func quarterEnd(_ quarter: Int) -> String {
        let index = quarter - 1
        let year = 2025 + Int((Double(index) / 4).rounded(.down))
        let ends = ["03-31", "06-30", "09-30", "12-31"]
        return "\(year)-\(ends[((index % 4) + 4) % 4])"
    }

    /// Whether quarter q has the drifted structure.
    public func isDrifted(_ quarter: Int) -> Bool {
        driftAt.map { quarter >= $0 } ?? false
    }

    /// Every quarter's files, by path (`q1/creators.csv`, …).
    public func files() -> [(name: String, contents: String)] {
        (1...max(quarters, 1)).flatMap { quarter -> [(name: String, contents: String)] in
            let simulator = CreatorPlatformSimulator(
                creators: creators, seed: seed &+ UInt64(quarter), drifted: isDrifted(quarter))
            return simulator.files().map { file in
                let contents =
                    file.name == "config.yml"
                    ? config(quarter: quarter, base: file.contents) : file.contents
                return (name: "q\(quarter)/\(file.name)", contents: contents)
            }
        }
    }

    /// The simulator's config with the quarter's title, `snapshot_date` and `production`.
    func config(quarter: Int, base: String) -> String {
        let date = Self.quarterEnd(quarter)
        var lines = base.components(separatedBy: "\n")
        let structure =
            isDrifted(quarter)
            ? "drifted structure (genre no longer matters, audience size does)" : "original structure"
        lines.insert(
            "# Quarter \(quarter) of \(quarters) (grouping-report simulate --quarters), \(structure).", at: 1)
        if let title = lines.firstIndex(where: { $0.hasPrefix("title:") }) {
            lines[title] = "title: \"Creator revenue boost, simulated quarter \(quarter) (\(date))\""
            lines.insert("snapshot_date: \(date)", at: title + 1)
        }
        if lines.last == "" { lines.removeLast() }
        lines += [
            "production:",
            "  grouping: \(Self.productionGrouping)",
            quarter > 1
                ? "  # previous: ../q\(quarter - 1)/out/results.json   # after running quarter \(quarter - 1) with --out q\(quarter - 1)/out"
                : "  # previous: (none: the first quarter)",
            "",
        ]
        return lines.joined(separator: "\n")
    }
}
