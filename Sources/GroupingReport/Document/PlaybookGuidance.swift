import GroupingNumerics
import GroupingCore

/// The playbook's words that the report shows beside tables and charts: what each item of
/// the summary checklist asks, and what to look for in each table and chart.
enum PlaybookGuidance {
    /// The checklist item's title and the playbook's criterion, with the thresholds in force.
    static func checklistItem(_ key: String, thresholds: Thresholds) -> (title: String, criterion: String) {
        let t = thresholds
        switch key {
        case "domain":
            return ("Domain validation", "Makes intuitive sense to product and business teams")
        case "significance":
            return ("Statistical significance", "ANOVA p-value < \(ThresholdDefinition.anovaP.formatted(in: t))")
        case "effect_size":
            return (
                "Effect size",
                "η² > \(ThresholdDefinition.etaSquared.formatted(in: t)) (explains more than \(NumberFormatting.percent(fraction: t.etaSquared, decimals: 0)) of the variance)"
            )
        case "group_sizes":
            return ("Group sizes", "Every group has at least \(ThresholdDefinition.minGroupSize.formatted(in: t)) creators")
        case "loo":
            return ("LOO-IC", "Best, or within \(ThresholdDefinition.looicTie.formatted(in: t)) LOO-IC points of the best")
        case "separation":
            return (
                "Posterior separation",
                "Group effects clearly differ (separation ratio > \(ThresholdDefinition.separation.formatted(in: t)))"
            )
        case "shrinkage":
            return (
                "Shrinkage pattern",
                "Less precise estimates shrink more (correlation of precision with shrinkage < \(ThresholdDefinition.shrinkageCorr.formatted(in: t)))"
            )
        case "coverage":
            return (
                "Coverage validation",
                "At least \(ThresholdDefinition.coverage.formatted(in: t)) of true effects inside the 95% interval, or what a well-specified model plausibly shows on these data if lower"
            )
        case "calibration":
            return (
                "Calibration (no truth needed)",
                "LOO-PIT values uniform: p ≥ \(ThresholdDefinition.calibrationP.formatted(in: t)) in the ECDF test with simultaneous bands"
            )
        case "interpretability":
            return ("Interpretability", "Stakeholders understand and trust the grouping")
        case "monitoring":
            return ("Monitoring plan", "Quarterly quality checks scheduled")
        default:
            return (key.replacingOccurrences(of: "_", with: " ").capitalized, "")
        }
    }

    /// A pitfall's title in the playbook's words (the keys `PitfallDetector` writes, and a few
    /// spellings of the same pitfalls); an unknown key is shown in words.
    static func pitfallTitle(_ key: String) -> String {
        switch key {
        case "double_dipping": return "Pitfall 1: Double-dipping"
        case "too_many_small_groups", "small_groups": return "Pitfall 2: Too many small groups"
        case "small_crossed_cells": return "Small crossed cells (Strategy 3)"
        case "cluster_chosen", "interpretability", "ignoring_interpretability":
            return "Pitfall 3: Ignoring interpretability"
        case "not_validating", "no_validation", "validation": return "Pitfall 4: Not validating on new data"
        default: return key.replacingOccurrences(of: "_", with: " ").capitalized
        }
    }

    /// The reading guidance for a chart of the given kind.
    static func chart(_ section: ChartSection) -> String {
        switch section {
        case .phase1Boxplot: return boxplot
        case .phase1Sizes: return sizes
        case .elbow: return elbow
        case .looComparison: return looComparison
        case .looPIT: return looPIT
        case .pooling: return pooling
        case .forest: return forest
        case .shrinkageScatter: return shrinkageScatter
        case .shrinkageByGroup: return shrinkageByGroup
        case .paretoK, .summaryForest, .priorPosterior: return ""
        case .trend: return ""
        }
    }

    static let boxplot =
        "What to look for: clear separation between the boxes (different medians), interquartile ranges that do not overlap, and a consistent (monotonic) ordering. All boxes overlapping means the grouping does not matter."
    static let sizes =
        "Merge the groups below the dashed line or use a coarser grouping."
    static let elbow =
        "Look for the elbow: the k after which adding clusters stops paying off."
    static let looComparison =
        "A bar that reaches the dashed line means the model cannot be told apart from the best: differences of less than about two standard errors of the difference are not decisive."
    static let pooling =
        "Groups near 1 are estimated mostly from the overall mean (few or noisy creators); groups near 0 mostly from their own creators. A grouping whose groups all sit near 1 adds little over no grouping."
    static let looPIT =
        "A calibrated model keeps the curve inside the band. Below zero at low values and above it at high values means too few extreme PIT values (intervals too wide); the mirror image means intervals too narrow; a curve above or below zero throughout means the predictions are shifted."
    static let forest =
        "Groups whose intervals do not overlap clearly differ; intervals that all overlap mean the model cannot tell the groups apart."
    static let shrinkageScatter =
        "A sensible pattern slopes downwards: precise estimates move little, noisy ones are pulled towards their group."
    static let shrinkageByGroup =
        "A group that shrinks far more than the others has noisy estimates or an effect far from its group mean."
}
