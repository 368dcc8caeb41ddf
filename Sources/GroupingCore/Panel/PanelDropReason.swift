/// Why a treated creator gets no `effect_hat`, in the order the estimator checks them
/// (a creator is counted under the first reason that applies).
public enum PanelDropReason: Int, CaseIterable, Sendable, Comparable {
    /// Its first treated period lies after its last observation.
    case noTreatedPeriodObserved
    /// Treated from its first observation on: its creator effect cannot be fitted.
    case noUntreatedPeriod
    /// Its untreated periods share no period (directly or through other creators) with
    /// the largest connected set of untreated observations: its creator effect is not
    /// comparable with the period effects used for imputation.
    case disconnected
    /// Only one untreated period: the creator effect fits it exactly, leaving no residual
    /// to estimate the creator's variance.
    case tooFewUntreatedPeriods
    /// None of its treated periods falls in `ImputationSettings.eventWindow`.
    case noTreatedPeriodInWindow
    /// Its treated periods in the window all lie in periods without an estimated period
    /// effect (no untreated observation in them, within the connected set).
    case noEstimatedPeriodEffect

    /// The wording used in `DropCount.reason`.
    public var description: String {
        switch self {
        case .noTreatedPeriodObserved: "no treated period observed"
        case .noUntreatedPeriod: "no untreated period"
        case .disconnected: "no period shared with untreated creators"
        case .tooFewUntreatedPeriods: "fewer than 2 untreated periods (no residual variance)"
        case .noTreatedPeriodInWindow: "no treated period in the event window"
        case .noEstimatedPeriodEffect: "no treated period with an estimated period effect"
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
