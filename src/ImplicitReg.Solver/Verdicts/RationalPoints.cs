using System.Numerics;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>
/// Exact rational helpers of <see cref="RationalWitness"/>: simple rationals near a real value, and the rational
/// roots of an equation of degree at most two in one variable. Hand-written: MathNet.Numerics works in floating
/// point, and a witness must be exact.
/// </summary>
public static class RationalPoints
{
    /// <summary>
    /// Rational approximations of <paramref name="value"/>, coarsest first: the simplest rational (least denominator,
    /// by the Stern–Brocot descent) within 10^-k of the midpoint of its isolating interval, k = 1, 2, …, without repeats.
    /// </summary>
    public static IEnumerable<Rational> Approximations(ModelValue value, int count)
    {
        var mid = (value.Lower + value.Upper) * Rational.Half;
        Rational? last = null;
        for (var k = 1; k <= count; k++)
        {
            var eps = new Rational(BigInteger.One, BigInteger.Pow(10, k));
            var r = Simplest(mid - eps, mid + eps);
            if (r == last) continue;
            last = r;
            yield return r;
        }
    }

    /// <summary>The rational of least denominator in [<paramref name="lo"/>, <paramref name="hi"/>] (continued fractions).</summary>
    public static Rational Simplest(Rational lo, Rational hi)
    {
        if (lo > hi) (lo, hi) = (hi, lo);
        if (lo.Sign <= 0 && hi.Sign >= 0) return Rational.Zero;
        if (hi.Sign < 0) return -Simplest(-hi, -lo);
        var floor = lo.Floor();
        if (lo.IsInteger) return lo;
        if (floor + 1 <= hi) return floor + 1;
        // lo and hi share the integer part: recurse on the reciprocals of the fractional parts (swapped).
        var inner = Simplest((hi - floor).Reciprocal(), (lo - floor).Reciprocal());
        return floor + inner.Reciprocal();
    }

    /// <summary>The exact square root of <paramref name="r"/> when it is the square of a rational, else null.</summary>
    public static Rational? SquareRoot(Rational r)
    {
        if (r.Sign < 0) return null;
        // The kernel's exact integer root (also behind b^(p/q)), exact at any size.
        return Expr.IntegerRoot(r.Numerator, 2) is { } n && Expr.IntegerRoot(r.Denominator, 2) is { } d ? new Rational(n, d) : null;
    }

    /// <summary>The coefficients c0 + c1·v + c2·v² of <paramref name="polynomial"/> in <paramref name="v"/>, or null when its degree exceeds two.</summary>
    public static (Expr C0, Expr C1, Expr C2)? Quadratic(Expr polynomial, Sym v)
    {
        var d1 = Algebra.Diff(polynomial, v);
        var d2 = Algebra.Diff(d1, v);
        if (!Algebra.Expand(Algebra.Diff(d2, v)).Equals(Expr.Zero)) return null;
        return (Algebra.Substitute(polynomial, v, Expr.Zero), Algebra.Substitute(d1, v, Expr.Zero),
            Expr.Scale(Rational.Half, Algebra.Substitute(d2, v, Expr.Zero)));
    }

    /// <summary>The rational roots of c0 + c1·v + c2·v² at a point, nearest to <paramref name="near"/> first; empty when none is rational.</summary>
    public static IEnumerable<Rational> Roots((Expr C0, Expr C1, Expr C2) q, IReadOnlyDictionary<string, Rational> point, Rational near)
    {
        if (Value(q.C0, point) is not { } c0 || Value(q.C1, point) is not { } c1 || Value(q.C2, point) is not { } c2) return [];
        if (c2.IsZero) return c1.IsZero ? [] : [-c0 / c1];
        var disc = c1 * c1 - 4 * c2 * c0;
        if (SquareRoot(disc) is not { } root) return [];
        var a = (-c1 + root) / (2 * c2);
        var b = (-c1 - root) / (2 * c2);
        return (a - near).Abs() <= (b - near).Abs() ? [a, b] : [b, a];
    }

    private static Rational? Value(Expr e, IReadOnlyDictionary<string, Rational> point)
    {
        try
        {
            return Algebra.EvaluateExact(e, point) is Num n ? n.Value : null;
        }
        catch (SymbolicException)
        {
            return null; // a denominator vanishes at the point
        }
    }
}
