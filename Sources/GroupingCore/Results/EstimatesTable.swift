import Foundation

/// `estimates.csv`: one row per analysed creator with its partially pooled estimate.
public enum EstimatesTable {
    public static let header = "creator_id,grouping,group,effect_hat,se,effect_hat_hbm,sd_hbm,ci_lower,ci_upper"

    /// - Returns: nil when no model was fitted (no ITEs, or every candidate skipped).
    public static func csv(_ output: AnalysisOutput) -> String? {
        guard let name = output.estimatesGrouping, let posterior = output.creatorEstimates[name],
            let effectHat = output.frame.effectHat, let se = output.frame.se
        else { return nil }
        var text = header + "\n"
        text.reserveCapacity(output.frame.rowCount * 96)
        for row in 0..<output.frame.rowCount {
            // The cell the estimate pools toward (the group; the A_B cell of an additive model;
            // empty for the ungrouped model and for creators outside the fit).
            let group = posterior.groupLabel.isEmpty ? "" : (posterior.groupLabel[row] ?? "")
            let fields = [
                quoted(output.frame.ids[row]), quoted(name), quoted(group), number(effectHat[row]), number(se[row]),
                number(posterior.mean[row]), number(posterior.sd[row]), number(posterior.lower[row]),
                number(posterior.upper[row]),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }

    /// The shortest text that reads back as the same double; empty for a missing value.
    static func number(_ value: Double) -> String {
        value.isFinite ? "\(value)" : ""
    }

    /// RFC 4180 quoting when the field needs it, after `SpreadsheetSafety` (labels only).
    static func quoted(_ label: String) -> String {
        let field = SpreadsheetSafety.neutralised(label)
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
