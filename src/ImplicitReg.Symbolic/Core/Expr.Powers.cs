using System.Numerics;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Core;

public abstract partial record Expr
{
    /// <summary>Largest result, in bits, that an exact numeric power may have before it is refused.</summary>
    public const long MaxExactPowerBits = 4_000_000;

    /// <summary>
    /// Canonical power. Only rewrites valid over the reals wherever both sides are defined:
    /// <c>x^0 = 1</c>, <c>x^1 = x</c>, exact numeric powers and roots, <c>(x^a)^n = x^(a·n)</c> for integer n,
    /// <c>(x^(2k))^r = |x|^(2k·r)</c> (so <c>(x^2)^(1/2) = abs(x)</c>), <c>|x|^(2k) = x^(2k)</c>,
    /// <c>(x·y)^n = x^n·y^n</c> for integer n, and <c>exp(a)^b = exp(a·b)</c>.
    /// </summary>
    public static Expr Pow(Expr b, Expr e)
    {
        if (b is Statement || e is Statement)
            throw new SymbolicException("a statement (relation or logic) cannot be raised to a power");
        if (e is Num ne)
        {
            var k = ne.Value;
            if (k.IsZero) return One; // x^0 = 1 (including 0^0, by convention)
            if (k.IsOne) return b;
        }
        if (b is Num nb)
        {
            if (nb.Value.IsOne) return One;
            if (e is Num ee) return NumericPower(nb.Value, ee.Value);
            if (nb.Value.IsZero) return new Pow(b, e);
            return new Pow(b, e);
        }
        var n = e is Num en ? en.Value : (Rational?)null;
        switch (b)
        {
            case Pow inner when n is { } r:
            {
                // (x^a)^n = x^(a n) for integer n; (x^a)^r = x^(a r) when a is a non-integer rational or odd
                // integer (both sides then need x >= 0); (x^(2k))^r = |x|^(2k r).
                if (r.IsInteger) return Pow(inner.Base, Mul(inner.Exponent, e));
                if (inner.Exponent is Num ia)
                {
                    if (ia.Value.IsInteger && ia.Value.Numerator.IsEven)
                        return Pow(Abs(inner.Base), Num.Of(ia.Value * r));
                    return Pow(inner.Base, Num.Of(ia.Value * r));
                }
                break;
            }
            case Pow inner when inner.Exponent is Num { Value.IsInteger: false }:
                // (x^(p/q))^y = x^(p/q * y): x >= 0 wherever the left side is defined.
                return Pow(inner.Base, Mul(inner.Exponent, e));
            case Mul m when n is { } r:
            {
                if (r.IsInteger) return Mul(m.Factors.Select(f => Pow(f, e)));
                // (c*rest)^r = c^r * rest^r for c > 0.
                if (m.Span[0] is Num c && c.Value.Sign > 0)
                {
                    var restFactors = m.Span[1..].ToArray();
                    Expr rest = restFactors.Length == 1 ? restFactors[0] : new Mul(restFactors);
                    return Mul(Pow(c, e), Pow(rest, e));
                }
                break;
            }
            case Call { Function: Func.Abs } abs when n is { IsInteger: true } r && r.Numerator.IsEven:
                return Pow(abs.Argument, e); // |x|^(2k) = x^(2k)
            case Call { Function: Func.Exp } ex:
                return Exp(Mul(ex.Argument, e)); // exp(a)^b = exp(a b)
        }
        return new Pow(b, e);
    }

    private static Expr NumericPower(Rational b, Rational e)
    {
        if (e.IsInteger)
        {
            if (BigInteger.Abs(e.Numerator) > int.MaxValue) return Guard(b, e);
            int k = (int)e.Numerator;
            if (b.IsZero && k < 0) throw new UndefinedTermException("division by zero: 0 raised to a negative power");
            long bits = (long)Math.Max(b.Numerator.GetBitLength(), b.Denominator.GetBitLength()) * Math.Abs((long)k);
            if (bits > MaxExactPowerBits && !(b.Abs().IsOne)) return Guard(b, e);
            return Num.Of(b.Pow(k));
        }
        if (b.IsZero) return e.Sign > 0 ? Zero : throw new UndefinedTermException("division by zero: 0 raised to a negative power");
        if (b.Sign < 0) return new Pow(Num.Of(b), Num.Of(e)); // not real (principal branch): leave unevaluated
        // b^(p/q) with q > 1: exact when numerator and denominator of b are perfect q-th powers.
        if (e.Denominator <= 64)
        {
            int q = (int)e.Denominator;
            var rn = IntegerRoot(b.Numerator, q);
            var rd = IntegerRoot(b.Denominator, q);
            if (rn is { } a && rd is { } d)
            {
                var root = new Rational(a, d);
                return NumericPower(root, new Rational(e.Numerator));
            }
        }
        // Keep b^(p/q) with 0 <= p/q < 1 and pull out the integer part: 2^(3/2) = 2*2^(1/2).
        var whole = e.Floor();
        if (!whole.IsZero && BigInteger.Abs(whole) < 10_000)
        {
            var frac = e - new Rational(whole);
            return Mul(NumericPower(b, new Rational(whole)), new Pow(Num.Of(b), Num.Of(frac)));
        }
        return new Pow(Num.Of(b), Num.Of(e));
    }

    private static Expr Guard(Rational b, Rational e) =>
        throw new SymbolicLimitException($"exact power {b}^{e} would exceed {MaxExactPowerBits} bits; refused");

    /// <summary>The exact q-th root of a non-negative integer, or null if it is not a perfect power.</summary>
    public static BigInteger? IntegerRoot(BigInteger value, int q)
    {
        if (value.Sign < 0) return null;
        if (value.IsZero || value.IsOne || q == 1) return value;
        long bits = (long)value.GetBitLength();
        BigInteger guess;
        if (bits <= 100)
        {
            // The root has at most 50 bits: the double estimate is within ±1 of it.
            guess = new BigInteger(Math.Round(Math.Exp(Math.Log((double)value) / q)));
        }
        else
        {
            // Integer Newton iteration from above converges to the floor of the root.
            var x = BigInteger.One << (int)(bits / q + 1);
            while (true)
            {
                var y = ((q - 1) * x + value / BigInteger.Pow(x, q - 1)) / q;
                if (y >= x) break;
                x = y;
            }
            guess = x;
        }
        for (var c = guess - 1; c <= guess + 1; c++)
            if (c.Sign >= 0 && BigInteger.Pow(c, q) == value) return c;
        return null;
    }

    /// <summary><c>sqrt(x)</c> is <c>x^(1/2)</c>.</summary>
    public static Expr Sqrt(Expr x) => Pow(x, Half);
}
