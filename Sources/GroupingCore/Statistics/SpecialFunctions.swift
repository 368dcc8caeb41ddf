import RealModule

/// Special functions behind the p-values of Phase 3: log-gamma, the regularized incomplete
/// beta and gamma functions, and the F and chi-square survival functions.
///
/// Accuracy goal: relative error below 1e-10 for every tail probability down to 1e-300
/// (checked against scipy in `GroupingCoreTests/SpecialFunctionsTests`); smaller values may
/// underflow to 0, never to a wrong number. Tails are computed directly, never as
/// `1 − (something close to 1)`, and the prefactors `x^a (1−x)^b / B(a,b)` and
/// `x^a e^{−x} / Γ(a)` are formed in log space. For large parameters the prefactors use
/// Stirling's series with the first-order terms cancelled analytically (the approach of
/// DiDonato & Morris 1992, ACM TOMS 708, `brcomp`), because `lnΓ(a) + lnΓ(b) − lnΓ(a+b)`
/// loses about `log10(a)` digits to cancellation when `a` is in the hundreds of thousands.
///
/// Continued fractions are evaluated with the modified Lentz algorithm (Lentz 1976;
/// Thompson & Barnett 1986), as described in Numerical Recipes §5.2 and §6.2–6.4.
public enum SpecialFunctions {
    /// ln Γ(x) for x > 0 (swift-numerics `Double.logGamma`).
    public static func logGamma(_ x: Double) -> Double { Double.logGamma(x) }

    // MARK: - Incomplete beta

    /// The regularized incomplete beta function
    /// I_x(a, b) = (1/B(a,b)) ∫₀ˣ t^{a−1} (1−t)^{b−1} dt.
    ///
    /// - Parameters:
    ///   - x: in [0, 1].
    ///   - a, b: shape parameters, > 0.
    /// - Returns: I_x(a,b); NaN outside the domain.
    public static func regularizedIncompleteBeta(x: Double, a: Double, b: Double) -> Double {
        incompleteBetaTails(x: x, a: a, b: b).lower
    }

    /// The complement 1 − I_x(a,b) = I_{1−x}(b,a), computed directly (not by subtraction).
    public static func regularizedIncompleteBetaComplement(x: Double, a: Double, b: Double)
        -> Double
    {
        incompleteBetaTails(x: x, a: a, b: b).upper
    }

    /// I_x(a,b) and its complement, with the domain check and the end points handled once.
    private static func incompleteBetaTails(x: Double, a: Double, b: Double) -> (lower: Double, upper: Double) {
        guard x >= 0, x <= 1, a > 0, b > 0 else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x == 1 { return (1, 0) }
        let pair = incompleteBetaPair(
            a: a, b: b, x: x, y: 1 - x, logX: Double.log(x), logY: Double.log(onePlus: -x))
        return (pair.lower, pair.upper)
    }

    /// I_x(a,b) and 1 − I_x(a,b), each computed accurately in its own tail.
    ///
    /// Uses the continued fraction (DLMF 8.17.22) for I_x(a,b) when x < (a+1)/(a+b+2),
    /// where it converges fast, and the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) otherwise; the
    /// function evaluated by the fraction is the small one, the other is `1 − it`. For
    /// a + b > 1000, when the fraction's tail is not small (≥ `seriesSwitchTail`), the other
    /// tail comes from its positive-term power series instead (see `seriesSwitchTail`).
    ///
    /// - Parameters:
    ///   - x, y: the argument and its complement, y = 1 − x, each given accurately.
    ///   - logX, logY: ln x and ln y, given accurately by the caller (e.g. via `log1p`).
    static func incompleteBetaPair(
        a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double
    ) -> (lower: Double, upper: Double) {
        let logFront = logBetaPrefactor(a: a, b: b, x: x, y: y, logX: logX, logY: logY)
        if x < (a + 1) / (a + b + 2) {
            let lower = tailFromFraction(
                logFront: logFront, parameter: a, fraction: betaContinuedFraction(a: a, b: b, x: x))
            if a + b > 1000, lower >= seriesSwitchTail,
                let upper = tailFromSeries(logFront: logFront, a: b, b: a, x: y)
            {
                return (1 - upper, upper)
            }
            return (lower, 1 - lower)
        } else {
            let upper = tailFromFraction(
                logFront: logFront, parameter: b, fraction: betaContinuedFraction(a: b, b: a, x: y))
            if a + b > 1000, upper >= seriesSwitchTail,
                let lower = tailFromSeries(logFront: logFront, a: a, b: b, x: x)
            {
                return (lower, 1 - lower)
            }
            return (1 - upper, upper)
        }
    }

    /// For a + b > 1000, a continued-fraction tail below this value is kept; above it the
    /// complementary tail from the power series is used when that series is cheap. (For
    /// smaller a + b the fraction is accurate to a few ulps everywhere.)
    ///
    /// Near the switch point x ≈ (a+1)/(a+b+2) with a+b in the hundreds of thousands, the
    /// fraction converges slowly and its terms 1 + d·D nearly cancel, costing ~1e-11
    /// relative; the positive-term power series of the other tail has no cancellation, and
    /// 1 − (that tail) loses at most eps/1e-4 relative here.
    static let seriesSwitchTail = 1e-4

    /// I_x(a,b) by the power series x^a y^b / (a B(a,b)) · Σₙ [(a+b)ₙ / (a+1)ₙ] xⁿ
    /// (DLMF 8.17.8 with 8.17.7's hypergeometric function), all terms positive; nil when
    /// x > ½ or (a+b)·x > 5000, where the series would need too many terms (the ratio of
    /// successive terms tends to x, after peaking near n ≈ (a+b)·x). Terms are rescaled
    /// as they grow, so the sum never overflows.
    ///
    /// - Complexity: O((a+b)·x + √((a+b)·x)) terms.
    static func tailFromSeries(logFront: Double, a: Double, b: Double, x: Double) -> Double? {
        guard x <= 0.5, (a + b) * x <= 5000 else { return nil }
        let rescale = 1e250
        let logRescale = Double.log(rescale)
        var term = 1.0
        var sum = 1.0
        var logScale = 0.0
        var n = 0.0
        var converged = false
        while n < 100_000 {
            term *= (a + b + n) * x / (a + 1 + n)
            sum += term
            n += 1
            if sum > rescale {
                sum /= rescale
                term /= rescale
                logScale += logRescale
            }
            if term <= sum * 1e-17 && (a + b + n) * x < (a + 1 + n) {
                converged = true
                break
            }
        }
        guard converged else { return nil }
        let logValue = logFront + Double.log(sum) + logScale - Double.log(a)
        return min(1, Double.exp(logValue))
    }

    /// exp(logFront) · fraction / parameter, formed in log space so that results near the
    /// bottom of the double range keep their digits.
    private static func tailFromFraction(logFront: Double, parameter: Double, fraction: Double)
        -> Double
    {
        guard fraction > 0, fraction.isFinite else { return 0 }
        let logValue = logFront + Double.log(fraction) - Double.log(parameter)
        return min(1, Double.exp(logValue))
    }

    /// ln[x^a y^b / B(a,b)], with y = 1 − x.
    ///
    /// For a, b ≥ 10 Stirling's series gives (with n = a+b, x₀ = a/n, y₀ = b/n)
    /// x^a y^b / B(a,b) = √(ab / (2πn)) · (x/x₀)^a (y/y₀)^b · exp(−[c(a)+c(b)−c(n)]),
    /// where c is the Stirling remainder, and with d = x − x₀ the two powers are
    /// a·[ln(1+d/x₀) − d/x₀] + b·[ln(1−d/y₀) + d/y₀] (the linear terms cancel because
    /// a/x₀ = b/y₀ = n); when x is more than x₀/2 (or y more than y₀/2) away from the mode
    /// the powers are a·ln(x/x₀) + b·ln(y/y₀) from the given logarithms. Otherwise ln B is formed from log-gammas, with
    /// lnΓ(b) − lnΓ(a+b) taken from Stirling's series when the larger parameter is ≥ 10.
    static func logBetaPrefactor(
        a: Double, b: Double, x: Double, y: Double, logX: Double, logY: Double
    ) -> Double {
        if a >= 10 && b >= 10 {
            let n = a + b
            let x0 = a / n
            let y0 = b / n
            let d = x <= 0.5 ? x - x0 : y0 - y
            let powers: Double
            if abs(d) < 0.5 * min(x0, y0) {
                // Near the mode: cancel the linear terms analytically.
                powers = a * log1pMinusX(d / x0) + b * log1pMinusX(-d / y0)
            } else {
                // Far from the mode x − x₀ would lose the digits of a tiny x (or y), and
                // nothing cancels badly: use the logarithms directly.
                // ln x₀ = −ln(1 + b/a), ln y₀ = −ln(1 + a/b), exact to rounding even when
                // a ≫ b (a·ln x₀ would otherwise carry a's size times x₀'s rounding).
                let logX0 = -Double.log(onePlus: b / a)
                let logY0 = -Double.log(onePlus: a / b)
                powers = a * (logX - logX0) + b * (logY - logY0)
            }
            let correction =
                stirlingCorrection(a) + stirlingCorrection(b) - stirlingCorrection(n)
            return powers + 0.5 * Double.log(a / n * b) - halfLogTwoPi - correction
        }
        return a * logX + b * logY - logBeta(a, b)
    }

    /// ln B(a,b) = lnΓ(a) + lnΓ(b) − lnΓ(a+b), without cancellation when one parameter is
    /// large (see `logGammaRatio`).
    static func logBeta(_ a: Double, _ b: Double) -> Double {
        let small = min(a, b)
        let large = max(a, b)
        if large >= 10 {
            return logGamma(small) + logGammaRatio(large, plus: small)
        }
        return logGamma(a) + logGamma(b) - logGamma(a + b)
    }

    /// lnΓ(b) − lnΓ(b+a) for b ≥ 10 and a > 0, by Stirling's series:
    /// −b·[ln(1+w) − w] + ½ ln(1+w) − a·ln(a+b) + c(b) − c(a+b), w = a/b.
    static func logGammaRatio(_ b: Double, plus a: Double) -> Double {
        let w = a / b
        let n = a + b
        return -b * log1pMinusX(w) + 0.5 * Double.log(onePlus: w) - a * Double.log(n)
            + stirlingCorrection(b) - stirlingCorrection(n)
    }

    /// The continued fraction of I_x(a,b) (DLMF 8.17.22): I_x(a,b) = x^a y^b / (a B(a,b)) ·
    /// 1/(1+ d₁/(1+ d₂/(1+ …))), with d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)) and
    /// d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)), evaluated by modified Lentz.
    ///
    /// - Complexity: O(√max(a,b)) iterations near the switch point, far fewer in the tails.
    static func betaContinuedFraction(a: Double, b: Double, x: Double) -> Double {
        let tiny = 1e-300
        let maxIterations = 200_000
        var c = 1.0
        var d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maxIterations {
            let mm = Double(m)
            let twoM = 2 * mm
            // even step
            var coefficient = mm * (b - mm) * x / ((a - 1 + twoM) * (a + twoM))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // odd step
            coefficient = -(a + mm) * (a + b + mm) * x / ((a + twoM) * (a + 1 + twoM))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    // MARK: - Incomplete gamma

    /// The regularized lower incomplete gamma function P(a,x) = γ(a,x)/Γ(a).
    ///
    /// - Parameters:
    ///   - a: > 0.
    ///   - x: ≥ 0.
    /// - Returns: P(a,x); NaN outside the domain.
    public static func regularizedGammaP(a: Double, x: Double) -> Double {
        incompleteGammaPair(a: a, x: x).lower
    }

    /// The regularized upper incomplete gamma function Q(a,x) = Γ(a,x)/Γ(a) = 1 − P(a,x),
    /// computed directly in its tail.
    public static func regularizedGammaQ(a: Double, x: Double) -> Double {
        incompleteGammaPair(a: a, x: x).upper
    }

    /// P(a,x) and Q(a,x): the series (DLMF 8.11.4 form, Numerical Recipes §6.2)
    /// P = x^a e^{−x}/Γ(a+1) · Σₙ xⁿ/((a+1)…(a+n)) when x < a+1, otherwise the continued
    /// fraction Q = x^a e^{−x}/Γ(a) · 1/(x+1−a− 1(1−a)/(x+3−a− 2(2−a)/(x+5−a− …)))
    /// (DLMF 8.9.2), evaluated by modified Lentz.
    static func incompleteGammaPair(a: Double, x: Double) -> (lower: Double, upper: Double) {
        guard a > 0, x >= 0, !x.isNaN else { return (.nan, .nan) }
        if x == 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let logFront = logGammaPrefactor(a: a, x: x)
        if x < a + 1 {
            var term = 1 / a
            var sum = term
            var denominator = a
            for _ in 0..<1_000_000 {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) < abs(sum) * 1e-17 { break }
            }
            let lower = min(1, Double.exp(logFront + Double.log(sum)))
            return (lower, 1 - lower)
        }
        let tiny = 1e-300
        var bn = x + 1 - a
        var c = 1 / tiny
        var d = 1 / bn
        var h = d
        for i in 1...1_000_000 {
            let ii = Double(i)
            let an = -ii * (ii - a)
            bn += 2
            d = an * d + bn
            if abs(d) < tiny { d = tiny }
            c = bn + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        let upper = h > 0 ? min(1, Double.exp(logFront + Double.log(h))) : 0
        return (1 - upper, upper)
    }

    /// ln[x^a e^{−x} / Γ(a)]. For a ≥ 10, by Stirling's series with e = (x−a)/a:
    /// a·[ln(1+e) − e] + ½ ln(a/2π) − c(a), which avoids cancelling a·ln x against x.
    static func logGammaPrefactor(a: Double, x: Double) -> Double {
        if a >= 10 {
            let e = (x - a) / a
            return a * log1pMinusX(e) + 0.5 * Double.log(a) - halfLogTwoPi - stirlingCorrection(a)
        }
        return a * Double.log(x) - x - logGamma(a)
    }

    // MARK: - Survival functions

    /// Survival function of the F distribution, P(F(dfn, dfd) > f), like
    /// `scipy.special.fdtrc(dfn, dfd, f)` / `scipy.stats.f.sf(f, dfn, dfd)`.
    ///
    /// P(F > f) = I_x(dfd/2, dfn/2) with x = dfd / (dfd + dfn·f) (Abramowitz & Stegun
    /// 26.6.2); x, 1 − x and their logarithms are formed without cancellation.
    ///
    /// - Returns: the tail probability; 1 for f ≤ 0, 0 for f = +∞, NaN for NaN input or
    ///   non-positive degrees of freedom.
    public static func fSurvival(f: Double, dfn: Double, dfd: Double) -> Double {
        guard !f.isNaN, dfn > 0, dfd > 0 else { return .nan }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        let scaled = dfn * f
        let x = dfd / (dfd + scaled)
        let y = scaled / (dfd + scaled)
        let logX = -Double.log(onePlus: scaled / dfd)
        let logY = -Double.log(onePlus: dfd / scaled)
        return incompleteBetaPair(a: dfd / 2, b: dfn / 2, x: x, y: y, logX: logX, logY: logY)
            .lower
    }

    /// Survival function of the chi-square distribution, P(χ²(df) > x) = Q(df/2, x/2), like
    /// `scipy.stats.chi2.sf(x, df)`.
    ///
    /// - Returns: the tail probability; 1 for x ≤ 0, NaN for NaN input or df ≤ 0.
    public static func chiSquareSurvival(x: Double, df: Double) -> Double {
        guard !x.isNaN, df > 0 else { return .nan }
        if x <= 0 { return 1 }
        return incompleteGammaPair(a: df / 2, x: x / 2).upper
    }

    // MARK: - Helpers

    static let halfLogTwoPi = 0.918_938_533_204_672_741_780_329_736_4

    /// ln(1+e) − e without cancellation: the alternating series −e²/2 + e³/3 − … for
    /// |e| < 0.25, `log1p(e) − e` otherwise.
    static func log1pMinusX(_ e: Double) -> Double {
        if abs(e) < 0.25 {
            var power = e * e
            var sum = -0.5 * power
            var k = 3.0
            while true {
                power *= -e
                let term = -power / k
                sum += term
                if abs(term) <= abs(sum) * 1e-18 { break }
                k += 1
            }
            return sum
        }
        return Double.log(onePlus: e) - e
    }

    /// The Stirling remainder c(x) = lnΓ(x) − [(x−½) ln x − x + ½ ln 2π], by its asymptotic
    /// series 1/(12x) − 1/(360x³) + 1/(1260x⁵) − … (DLMF 5.11.1); accurate to about 1e-17
    /// absolute for x ≥ 10.
    static func stirlingCorrection(_ x: Double) -> Double {
        let inverse = 1 / x
        let inverseSquared = inverse * inverse
        // Bernoulli-number coefficients B_{2k} / (2k(2k−1)).
        let c1 = 1.0 / 12
        let c2 = -1.0 / 360
        let c3 = 1.0 / 1260
        let c4 = -1.0 / 1680
        let c5 = 1.0 / 1188
        let c6 = -691.0 / 360_360
        let c7 = 1.0 / 156
        let series =
            c1 + inverseSquared
            * (c2 + inverseSquared
                * (c3 + inverseSquared * (c4 + inverseSquared * (c5 + inverseSquared * (c6 + inverseSquared * c7)))))
        return series * inverse
    }
}
