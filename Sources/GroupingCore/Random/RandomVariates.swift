import Foundation

/// Draws from the distributions the tool needs, from any generator.
///
/// All of them use only `next()` of the generator and the C library's `log`, `sqrt`,
/// `sin`/`cos`, so a seed gives the same stream on every platform with IEEE doubles.
public enum RandomVariates {
    /// A uniform double in the open interval (0, 1): 53 random bits, offset by half a step
    /// so that neither 0 nor 1 can occur (safe to take the log of).
    @inlinable
    public static func uniformOpen<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        (Double(generator.next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// A standard normal variate by the Box–Muller transform (Box & Muller, 1958), one of
    /// the pair per call: simple, exact and branch-free.
    @inlinable
    public static func standardNormal<G: RandomNumberGenerator>(using generator: inout G) -> Double {
        let u1 = uniformOpen(using: &generator)
        let u2 = uniformOpen(using: &generator)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// A normal variate with the given mean and standard deviation.
    @inlinable
    public static func normal<G: RandomNumberGenerator>(
        mean: Double, sd: Double, using generator: inout G
    ) -> Double {
        mean + sd * standardNormal(using: &generator)
    }
}
