using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>
/// A closed interval with exact rational ends, for rigorous evaluation at algebraic points: every operation
/// returns an interval containing every true result. Ends are rounded outward to multiples of
/// 2^-<see cref="Bits"/> only when their denominators grow past that, so rational points stay exact.
/// </summary>
internal readonly record struct Interval(Rational Lo, Rational Hi)
{
    /// <summary>Binary digits kept when ends are rounded (about 90 decimal digits).</summary>
    public const int Bits = 300;

    public static Interval Point(Rational r) => new(r, r);

    public bool IsPoint => Lo == Hi;

    public Rational Width => Hi - Lo;

    public bool Contains(Rational r) => Lo <= r && r <= Hi;

    public static Interval operator +(Interval a, Interval b) => Round(a.Lo + b.Lo, a.Hi + b.Hi);

    public static Interval operator -(Interval a) => new(-a.Hi, -a.Lo);

    public static Interval operator *(Interval a, Interval b)
    {
        if (a.IsPoint && b.IsPoint) return Point(a.Lo * b.Lo);
        Rational[] p = [a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi];
        return Round(p.Min(), p.Max());
    }

    /// <summary>1/x; null when the interval contains 0 (undefined or undecided at this precision).</summary>
    public Interval? Reciprocal()
    {
        if (Contains(Rational.Zero)) return null;
        return Round(Hi.Reciprocal(), Lo.Reciprocal());
    }

    /// <summary>x^n for a natural n (even powers of an interval around 0 start at 0).</summary>
    public Interval Power(int n)
    {
        if (IsPoint) return Point(Lo.Pow(n));
        var lo = Lo.Pow(n);
        var hi = Hi.Pow(n);
        if (n % 2 == 1) return Round(lo, hi);
        if (Contains(Rational.Zero)) return Round(Rational.Zero, Max(lo, hi));
        return Round(Min(lo, hi), Max(lo, hi));
    }

    /// <summary>The non-negative q-th root of a non-negative interval (callers check the sign first).</summary>
    public Interval Root(int q) => new(RootBound(Lo, q, up: false), RootBound(Hi, q, up: true));

    public Interval Abs()
    {
        if (Lo.Sign >= 0) return this;
        if (Hi.Sign <= 0) return -this;
        return new(Rational.Zero, Max(-Lo, Hi));
    }

    private static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    private static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    private static Interval Round(Rational lo, Rational hi) => new(RoundEnd(lo, up: false), RoundEnd(hi, up: true));

    private static Rational RoundEnd(Rational r, bool up)
    {
        if (r.Denominator.GetBitLength() <= Bits) return r;
        var scaled = r.Numerator * (BigInteger.One << Bits);
        var q = BigInteger.DivRem(scaled, r.Denominator, out var rem);
        if (!rem.IsZero && ((rem.Sign > 0) == up)) q += up ? 1 : -1;
        return new Rational(q, BigInteger.One << Bits);
    }

    private static Rational RootBound(Rational r, int q, bool up)
    {
        if (r.Sign <= 0) return Rational.Zero;
        if (Expr.IntegerRoot(r.Numerator, q) is { } a && Expr.IntegerRoot(r.Denominator, q) is { } d)
            return new Rational(a, d);
        // floor/ceil of r^(1/q)·2^Bits, from the integer root of floor(r·2^(q·Bits)).
        var scaled = r.Numerator * (BigInteger.One << (q * Bits)) / r.Denominator;
        var root = FloorRoot(scaled, q);
        if (up) root += 1;
        return new Rational(root, BigInteger.One << Bits);
    }

    private static BigInteger FloorRoot(BigInteger n, int q)
    {
        if (n.Sign <= 0) return BigInteger.Zero;
        var x = BigInteger.One << (int)((n.GetBitLength() + q - 1) / q + 1);
        while (true)
        {
            var y = ((q - 1) * x + n / BigInteger.Pow(x, q - 1)) / q;
            if (y >= x) break;
            x = y;
        }
        while (BigInteger.Pow(x, q) > n) x -= 1;
        while (BigInteger.Pow(x + 1, q) <= n) x += 1;
        return x;
    }
}
