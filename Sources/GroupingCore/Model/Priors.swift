import Foundation

/// The priors of the contract's model, on the scale s of the data:
///
///     mu ~ Normal(0, 5 s),  sigma_group ~ HalfNormal(s),  tau ~ HalfNormal(s)
///     s = sample standard deviation (ddof 1) of effect_hat
///
/// When s does not exist or is 0 (fewer than two creators, or every effect_hat equal) the
/// priors would be degenerate; then s falls back to the mean standard error (the scale on
/// which the estimates are uncertain), and to 1 if that is not positive either.
public struct Priors: Sendable, Equatable {
    /// sd of the normal prior of mu.
    public var muSD: Double
    /// Scale of the half-normal prior of sigma_group.
    public var sigmaGroupScale: Double
    /// Scale of the half-normal prior of tau.
    public var tauScale: Double
    /// How the scale was chosen, for the report ("sample sd of effect_hat", a fallback, or
    /// "configured").
    public var origin: String

    public init(muSD: Double, sigmaGroupScale: Double, tauScale: Double, origin: String = "configured") {
        self.muSD = muSD
        self.sigmaGroupScale = sigmaGroupScale
        self.tauScale = tauScale
        self.origin = origin
    }

    /// The contract's defaults for these effects and standard errors.
    public static func `default`(effects: [Double], ses: [Double] = []) -> Priors {
        let (s, origin) = dataScale(effects: effects, ses: ses)
        return Priors(muSD: 5 * s, sigmaGroupScale: s, tauScale: s, origin: origin)
    }

    /// s with its fallback (see the type's description).
    public static func dataScale(effects: [Double], ses: [Double]) -> (scale: Double, origin: String) {
        let n = effects.count
        if n >= 2 {
            let mean = effects.reduce(0, +) / Double(n)
            let variance = effects.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)
            let sd = variance.squareRoot()
            if sd.isFinite && sd > 0 { return (sd, "s = sample sd of effect_hat") }
        }
        let positive = ses.filter { $0.isFinite && $0 > 0 }
        if !positive.isEmpty {
            return (
                positive.reduce(0, +) / Double(positive.count),
                "s = mean se (effect_hat has no spread, so its sd cannot scale the priors)"
            )
        }
        return (1, "s = 1 (neither effect_hat nor se has a usable scale)")
    }

    /// The priors in words, for results.json's `model.priors`.
    public var echo: [String: String] {
        [
            "mu": "Normal(0, \(Self.format(muSD)))",
            "sigma_group": "HalfNormal(\(Self.format(sigmaGroupScale)))",
            "tau": "HalfNormal(\(Self.format(tauScale)))",
            "scale": origin,
        ]
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.6g", value)
    }
}
