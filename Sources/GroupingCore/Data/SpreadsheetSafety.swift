/// Keeps spreadsheets from executing text cells of a CSV this tool writes.
///
/// Spreadsheet programs read a cell that starts with `=`, `+`, `-` or `@` as a formula
/// (CSV injection, OWASP). The common convention, followed here: such a text cell gets a
/// leading `'`, which spreadsheets show as text and do not display. Numbers are never
/// changed, and neither is a label that reads as a plain number (`-1`, `+44`): a spreadsheet
/// takes those as numbers, not formulas.
public enum SpreadsheetSafety {
    static let formulaLeads: Set<Character> = ["=", "+", "-", "@"]

    /// `label`, with `'` in front when a spreadsheet would run it as a formula.
    public static func neutralised(_ label: String) -> String {
        guard let first = label.first, formulaLeads.contains(first) else { return label }
        if let value = Double(label), value.isFinite { return label }
        return "'" + label
    }
}
