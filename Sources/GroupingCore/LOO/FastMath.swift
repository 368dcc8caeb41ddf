import Foundation

/// Branch-light exp (scalar and four lanes), expm1 and log for the per-creator hot
/// loops (PSIS over S draws for every creator), accurate to a few units in the last place — far inside the 1e-6 to which PSIS-LOO
/// is checked against ArviZ, and far inside the Monte-Carlo error.
///
/// exp: Cody–Waite reduction x = n·ln2 + f (|f| ≤ ½ln2, ln2 split in a high and a low part),
/// a degree-12 Taylor polynomial for e^f (truncation < 1e-16 relative), and 2ⁿ assembled in
/// the exponent bits. Arguments below −708 return 0 (they only ever add to sums that hold a
/// term of at least 1).
///
/// log: log(t) = e·ln2 + 2·atanh(s), s = (m − 1)/(m + 1), t = m·2ᵉ, m ∈ [√½, √2), so that
/// |s| ≤ 0.172 and the odd series to s²³ is exact to rounding (Muller, *Elementary
/// Functions*, ch. 11 for both reductions).
@usableFromInline
enum FastMath {
    /// 1 when true, 0 when false, as arithmetic: the counters of branch-free compaction
    /// (store unconditionally, advance by the comparison) use it, because a `? 1 : 0` may
    /// compile to a branch, which rare or random outcomes mispredict.
    @inlinable @inline(__always)
    static func oneIf(_ condition: Bool) -> Int { Int(unsafeBitCast(condition, to: UInt8.self)) }

    /// e^f for the reduced argument |f| ≤ ln2/2: its Taylor series to degree 12, whose
    /// truncation error is below 2⁻⁵³ on that interval, evaluated by Estrin's scheme (pairs,
    /// then powers f², f⁴, f⁸): a dependency chain of 8 operations instead of Horner's 24, so
    /// that consecutive exps overlap. Generic so that one polynomial serves a Double and four
    /// lanes of a `SIMD4<Double>`.
    @inlinable @inline(__always)
    static func expReduced<V: PolynomialArgument>(_ f: V) -> V {
        let f2 = f * f
        let f4 = f2 * f2
        let f8 = f4 * f4
        let q0 = f + 1
        let q1 = f * (1.0 / 6) + 0.5
        let q2 = f * (1.0 / 120) + 1.0 / 24
        let q3 = f * (1.0 / 5040) + 1.0 / 720
        let q4 = f * (1.0 / 362_880) + 1.0 / 40320
        let q5 = f * (1.0 / 39_916_800) + 1.0 / 3_628_800
        let r0 = q1 * f2 + q0
        let r1 = q3 * f2 + q2
        let r2 = q5 * f2 + q4
        let r3 = f4 * (1.0 / 479_001_600)
        let s0 = r1 * f4 + r0
        let s1 = r2 + r3
        return s1 * f8 + s0
    }

    @inlinable @inline(__always)
    static func exp(_ x: Double) -> Double {
        if x < -708 { return 0 }
        if !(x < 709.78) { return x.isNaN ? x : .infinity }
        // n = round(x/ln2) by the 1.5·2⁵² shift (`rounded` would call the C library's rint).
        let magic = 6_755_399_441_055_744.0
        let n = (x * 1.4426950408889634 + magic) - magic
        let f = (x - n * 0.693147180369123816490) - n * 1.90821492927058770002e-10
        // The reduction leaves |f| ≤ ln2/2 (0.3466; the slack covers n's rounding at the ends).
        assert(abs(f) <= 0.35, "exp: reduced argument \(f) outside ±ln2/2 for x = \(x)")
        let p = expReduced(f)
        let exponent = Int64(n) + 1023
        if exponent >= 2047 { return p * 2 * Double(bitPattern: UInt64(2046) << 52) }
        return p * Double(bitPattern: UInt64(exponent) << 52)
    }

    /// exp of a non-positive argument without branches (arguments below −708 are raised to
    /// −708, i.e. give ~3e-308 instead of 0: harmless in sums holding a term ≥ 1). n is
    /// rounded by adding 1.5·2⁵², whose low bits then hold n, and 2ⁿ is built from them.
    @inlinable @inline(__always)
    static func expNonPositive(_ x: Double) -> Double {
        // The argument is non-positive (NaN passes through as NaN).
        assert(!(x > 0), "expNonPositive: argument \(x) > 0")
        let clamped = max(x, -708)
        let magic = 6_755_399_441_055_744.0
        let shifted = clamped * 1.4426950408889634 + magic
        let n = shifted - magic
        let f = (clamped - n * 0.693147180369123816490) - n * 1.90821492927058770002e-10
        // The reduction leaves |f| ≤ ln2/2, and n ∈ [−1021, 0] keeps 2ⁿ a normal double.
        assert(
            x.isNaN || (abs(f) <= 0.35 && n >= -1021 && n <= 0),
            "expNonPositive: reduction of \(x) gave n = \(n), f = \(f)")
        let p = expReduced(f)
        let bits = (shifted.bitPattern &- 0x4338_0000_0000_0000 &+ 1023) &<< 52
        return p * Double(bitPattern: bits)
    }

    /// `expNonPositive` on four lanes at once (the same reduction and polynomial; the
    /// shifts and adds on the exponent bits are lane-wise integer operations).
    @inlinable @inline(__always)
    static func expNonPositive(_ x: SIMD4<Double>) -> SIMD4<Double> {
        // Every lane is non-positive (NaN lanes pass through as NaN).
        assert(!any(x .> 0), "expNonPositive: a lane of \(x) is > 0")
        let clamped = x.replacing(with: -708, where: x .< -708)
        let magic = 6_755_399_441_055_744.0
        let shifted = clamped * 1.4426950408889634 + magic
        let n = shifted - magic
        let f = (clamped - n * 0.693147180369123816490) - n * 1.90821492927058770002e-10
        // Lane-wise |f| ≤ ln2/2 (NaN lanes excepted).
        assert(!any(f .> 0.35) && !any(f .< -0.35), "expNonPositive: reduced arguments \(f) outside ±ln2/2")
        let p = expReduced(f)
        let bits = (unsafeBitCast(shifted, to: SIMD4<UInt64>.self) &- 0x4338_0000_0000_0000 &+ 1023) &<< 52
        return p * unsafeBitCast(bits, to: SIMD4<Double>.self)
    }

    /// e^x − 1 without cancellation: for |x| ≤ ½ x times the series 1 + x/2! + … + x¹⁴/15!
    /// (truncation below 2⁻⁵⁵ relative there), by Estrin's scheme; else exp(x) − 1.
    @inlinable @inline(__always)
    static func expm1(_ x: Double) -> Double {
        guard abs(x) <= 0.5 else { return x > 0 ? exp(x) - 1 : expNonPositive(x) - 1 }
        let x2 = x * x
        let x4 = x2 * x2
        let x8 = x4 * x4
        let q0 = x * 0.5 + 1
        let q1 = x * (1.0 / 24) + 1.0 / 6
        let q2 = x * (1.0 / 720) + 1.0 / 120
        let q3 = x * (1.0 / 40320) + 1.0 / 5040
        let q4 = x * (1.0 / 3_628_800) + 1.0 / 362_880
        let q5 = x * (1.0 / 479_001_600) + 1.0 / 39_916_800
        let q6 = x * (1.0 / 87_178_291_200) + 1.0 / 6_227_020_800
        let r0 = q1 * x2 + q0
        let r1 = q3 * x2 + q2
        let r2 = q5 * x2 + q4
        let r3 = x2 * (1.0 / 1_307_674_368_000) + q6
        let s0 = r1 * x4 + r0
        let s1 = r3 * x4 + r2
        return x * (s1 * x8 + s0)
    }

    /// Natural log of a positive normal double.
    @inlinable @inline(__always)
    static func log(_ t: Double) -> Double {
        guard t >= Double.leastNormalMagnitude && t < .infinity else { return Foundation.log(t) }
        let bits = t.bitPattern
        var e = Int64((bits >> 52) & 0x7FF) - 1023
        var m = Double(bitPattern: (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000)
        if m > 1.4142135623730951 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)
        // m ∈ [√½, √2] gives |s| ≤ 0.1716, where the series to s²³ is exact to rounding.
        assert(abs(s) <= 0.1716, "log: reduced argument s = \(s) for t = \(t)")
        return Double(e) * 0.6931471805599453 + 2 * s * logSeries(s * s)
    }

    /// 1 + w/3 + w²/5 + … + w¹¹/23 (w = s², the odd series of atanh divided by s) by Estrin's
    /// scheme (pairs, then w², w⁴, w⁸); generic so that the scalar and four-lane logs share it.
    @inlinable @inline(__always)
    static func logSeries<V: PolynomialArgument>(_ w: V) -> V {
        let w2 = w * w
        let w4 = w2 * w2
        let w8 = w4 * w4
        let q0 = w * (1.0 / 3) + 1
        let q1 = w * (1.0 / 7) + 1.0 / 5
        let q2 = w * (1.0 / 11) + 1.0 / 9
        let q3 = w * (1.0 / 15) + 1.0 / 13
        let q4 = w * (1.0 / 19) + 1.0 / 17
        let q5 = w * (1.0 / 23) + 1.0 / 21
        let r0 = q1 * w2 + q0
        let r1 = q3 * w2 + q2
        let r2 = q5 * w2 + q4
        return (r1 * w4 + r0) + r2 * w8
    }
}

extension FastMath {
    /// `log` on four lanes at once, every lane a positive normal finite double (the same
    /// reduction to m ∈ [√½, √2) and series in s = (m − 1)/(m + 1); lane-wise bit operations).
    @inlinable @inline(__always)
    static func log(_ t: SIMD4<Double>) -> SIMD4<Double> {
        // Positive, normal and finite lanes only: no special cases in the lanes.
        assert(
            !any(t .< Double.leastNormalMagnitude) && !any(t .>= Double.infinity),
            "log: a lane of \(t) is not a positive normal double")
        let bits = unsafeBitCast(t, to: SIMD4<UInt64>.self)
        var m = unsafeBitCast(
            (bits & 0x000F_FFFF_FFFF_FFFF) | 0x3FF0_0000_0000_0000, to: SIMD4<Double>.self)
        var e = SIMD4<Double>(SIMD4<Int64>(truncatingIfNeeded: (bits &>> 52) & 0x7FF) &- 1023)
        let high = m .> 1.4142135623730951
        m = m.replacing(with: m * 0.5, where: high)
        e = e.replacing(with: e + 1, where: high)
        let s = (m - 1) / (m + 1)
        // |s| ≤ 0.1716 lane-wise, where the series to s²³ is exact to rounding.
        assert(!any(s .> 0.1716) && !any(s .< -0.1716), "log: reduced arguments \(s) out of range")
        return e * 0.6931471805599453 + 2 * s * logSeries(s * s)
    }
}

/// What `FastMath.expReduced` needs of its argument: products and sums, with constants too, for a
/// Double and for a `SIMD4<Double>` alike.
@usableFromInline
protocol PolynomialArgument {
    static func * (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Double) -> Self
    static func + (lhs: Self, rhs: Double) -> Self
    static func + (lhs: Self, rhs: Self) -> Self
}

extension Double: PolynomialArgument {}
extension SIMD4: PolynomialArgument where Scalar == Double {}
