/// Options of the imputation estimator.
public struct ImputationSettings: Sendable, Equatable {
    /// Event times (period − first treated period) that count towards a creator's
    /// `effect_hat`, e.g. `0...4`; `nil` = every treated period. Event times are in
    /// period units and must be ≥ 0 (earlier periods are untreated and fitted, not
    /// averaged), so a window starting below 0 is rejected.
    public var eventWindow: ClosedRange<Int>?
    /// The playbook's calibration factor: every per-creator standard error is multiplied
    /// by it (the ATT's standard error is not). Must be finite and > 0; default 1.
    public var seMultiplier: Double

    public init(eventWindow: ClosedRange<Int>? = nil, seMultiplier: Double = 1) {
        self.eventWindow = eventWindow
        self.seMultiplier = seMultiplier
    }
}
