import GroupingNumerics
import GroupingCore

extension ReportBuilder {
    /// The model in the contract's notation, one line per level.
    static let modelLines = [
        "y_i ~ Normal(theta_i, se_i)   (y = effect_hat, i = creator)",
        "theta_i ~ Normal(mu_group[g_i], tau)   (one-way, per candidate)",
        "mu_group[g] ~ Normal(mu, sigma_group)",
        "theta_i ~ Normal(mu, tau)   (ungrouped baseline, fitted on every run)",
        "theta_i ~ Normal(mu + a[A_i] + b[B_i], tau),  a ~ Normal(0, sigma_A),  b ~ Normal(0, sigma_B)   (additive candidates)",
        "mu ~ Normal(0, 5 s),  every scale ~ HalfNormal(s)   (s = sd of y)",
    ]

    /// The methods appendix: model, priors, sampler, thresholds, tool version, seed, input
    /// files with their SHA-256 and row counts, and the run time per phase.
    func methodsSection() -> ReportSection {
        var blocks: [ReportBlock] = []
        var facts = [
            KeyValue("Tool", "grouping-report \(context.toolVersion)"),
            KeyValue("Run at", context.generatedAtText),
            KeyValue("Seed", String(context.seed)),
            KeyValue("Outcome (Phases 1 and 3)", results.outcome.description),
            KeyValue("Creators", NumberFormatting.integer(results.input.creators)),
            KeyValue("With ITEs", NumberFormatting.integer(results.input.ites)),
            KeyValue("Analysed", NumberFormatting.integer(results.input.matched)),
        ]
        for drop in results.input.dropped {
            facts.append(KeyValue("Dropped: \(drop.reason)", NumberFormatting.integer(drop.count)))
        }
        blocks.append(.keyValues(facts))

        blocks.append(.heading("Model and sampler"))
        if isExplorationOnly {
            blocks.append(.paragraph("No model was fitted (no ITEs)."))
        } else {
            blocks.append(.bullets(Self.modelLines))
            var sampler: [KeyValue] = []
            if !context.samplerDescription.isEmpty { sampler.append(KeyValue("Sampler", context.samplerDescription)) }
            if let model = results.model {
                if context.samplerDescription.isEmpty { sampler.append(KeyValue("Sampler", model.sampler)) }
                sampler.append(
                    KeyValue(
                        "Chains and draws",
                        "\(model.chains) chains × \(NumberFormatting.integer(model.draws)) draws (warm-up setting \(NumberFormatting.integer(model.warmup)))"
                    ))
                for key in model.priors.keys.sorted() {
                    let label = key == "scale" ? "Prior scale s" : "Prior of \(key)"
                    sampler.append(KeyValue(label, Self.shortNumbers(model.priors[key] ?? "")))
                }
            }
            sampler.append(
                KeyValue(
                    "LOO",
                    "Exact leave-one-creator-out by quadrature over the grid, theta_i integrated out (elpd_loo, p_loo, LOO-PIT); PSIS-LOO on the draws as a cross-check with its Pareto k; stacking weights"
                ))
            blocks.append(.keyValues(sampler))
        }
        if let panel = results.panel {
            blocks.append(.heading("ITE estimation from the panel"))
            blocks.append(
                .keyValues([
                    KeyValue("Method", panel.method),
                    KeyValue(
                        "Creators (treated)",
                        "\(NumberFormatting.integer(panel.creators)) (\(NumberFormatting.integer(panel.treatedCreators)))"
                    ),
                    KeyValue("Observations", NumberFormatting.integer(panel.observations)),
                    KeyValue(
                        "ATT",
                        "\(NumberFormatting.significant(panel.att)) (se \(NumberFormatting.significant(panel.attSe)))"),
                    KeyValue("SE multiplier", NumberFormatting.significant(panel.seMultiplier)),
                    KeyValue("Iterations", NumberFormatting.integer(panel.iterations)),
                    KeyValue("Raw coverage", NumberFormatting.percent(fraction: panel.rawCoverage)),
                ]))
        }

        blocks.append(.heading("Thresholds"))
        blocks.append(.table(thresholdsTable()))
        blocks.append(.heading("Input files"))
        blocks.append(.table(inputFilesTable()))
        blocks.append(.heading("Run time"))
        blocks.append(.table(timingsTable()))
        if !context.methodsNotes.isEmpty {
            blocks.append(.heading("Notes"))
            blocks.append(.bullets(context.methodsNotes))
        }
        return ReportSection(
            id: "methods", title: "Methods",
            lead:
                "Everything needed to reproduce this report: the model, the settings, the thresholds, and the exact inputs.",
            blocks: blocks)
    }

    /// The decimal numbers in a text at three significant digits, as the report writes
    /// numbers ("Normal(0, 0.533076)" → "Normal(0, 0.533)"); results.json keeps six.
    static func shortNumbers(_ text: String) -> String {
        guard let pattern = try? Regex(#"-?\d+\.\d+(e[-+]?\d+)?"#) else { return text }
        return text.replacing(pattern) { match in
            Double(text[match.range]).map { NumberFormatting.significant($0) } ?? String(text[match.range])
        }
    }

    func thresholdsTable() -> ReportTable {
        ReportTable(
            id: "thresholds", title: "Decision thresholds",
            caption:
                "Every threshold in force: the playbook's default unless overridden under `thresholds:` in the config (marked).",
            columns: [
                ReportColumn("Key", weight: 1.5), .number("Value", weight: 0.7), ReportColumn("Meaning", weight: 2.6),
                ReportColumn("Playbook", weight: 1.8), ReportColumn("Drives", weight: 1.4),
            ],
            rows: ThresholdDefinition.all.map { definition in
                let value = definition.value(in: thresholds)
                let overridden = value != definition.defaultValue
                return [
                    ReportCell(definition.key),
                    ReportCell(definition.formatted(value) + (overridden ? " *" : "")),
                    ReportCell(
                        definition.meaning
                            + (overridden ? " (default \(definition.formatted(definition.defaultValue)))" : "")),
                    ReportCell(definition.playbook ?? "—"),
                    ReportCell(definition.drives),
                ]
            })
    }

    func inputFilesTable() -> ReportTable {
        ReportTable(
            id: "input-files", title: "Input files",
            caption:
                "Paths as given in the config, data rows (without the header) and SHA-256 of the bytes read: the same hashes mean the same inputs.",
            columns: [
                ReportColumn("Role", weight: 0.8), ReportColumn("Path", weight: 1.6), .number("Rows", weight: 0.7),
                ReportColumn("SHA-256", weight: 3.2, isCode: true),
            ],
            rows: results.input.files.map { file in
                [
                    ReportCell(file.role), ReportCell(file.path), ReportCell(NumberFormatting.integer(file.rows)),
                    ReportCell(file.sha256),
                ]
            },
            emptyText: "No input files were recorded (the embedded demo data).")
    }

    func timingsTable() -> ReportTable {
        let total = context.timings.reduce(0) { $0 + $1.seconds }
        var rows: [[ReportCell]] = context.timings.map {
            [ReportCell($0.phase), ReportCell(NumberFormatting.duration(seconds: $0.seconds))]
        }
        if !rows.isEmpty {
            rows.append([
                ReportCell("Total", emphasis: true),
                ReportCell(NumberFormatting.duration(seconds: total), emphasis: true),
            ])
        }
        return ReportTable(
            id: "timings", title: "Run time per phase",
            caption: "Wall-clock time of each phase of this run.",
            columns: [ReportColumn("Phase", weight: 2), .number("Time")], rows: rows,
            emptyText: "No timings were recorded.")
    }
}
