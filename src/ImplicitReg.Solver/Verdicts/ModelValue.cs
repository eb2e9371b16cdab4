using System.Globalization;
using System.Numerics;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>
/// A real value of a counterexample: exact when rational (<see cref="Lower"/> = <see cref="Upper"/>),
/// otherwise an algebraic number known by an isolating interval [<see cref="Lower"/>, <see cref="Upper"/>]
/// with rational ends, shown as a decimal (Z3 marks a truncated decimal with <c>?</c>).
/// </summary>
public sealed record ModelValue(Rational Lower, Rational Upper, string Text)
{
    /// <summary>True when the value is a known rational.</summary>
    public bool IsExact => Lower == Upper;

    /// <summary>The exact rational <paramref name="value"/>.</summary>
    public static ModelValue Exact(Rational value) => new(value, value, value.ToString());

    /// <summary>An algebraic number in [<paramref name="lower"/>, <paramref name="upper"/>] shown as <paramref name="decimalText"/>; exact when the ends coincide.</summary>
    public static ModelValue Algebraic(Rational lower, Rational upper, string decimalText) =>
        lower == upper ? Exact(lower) : new(lower, upper, decimalText);

    /// <summary>A value known to lie in [lower, upper], shown as the midpoint to 20 digits with Z3's <c>?</c> mark.</summary>
    public static ModelValue Enclosed(Rational lower, Rational upper) =>
        lower == upper ? Exact(lower) : new(lower, upper, Rounded((lower + upper) * Rational.Half, 20) + "?");

    /// <summary><paramref name="v"/> rounded to <paramref name="digits"/> decimals, trailing zeros kept.</summary>
    private static string Rounded(Rational v, int digits)
    {
        var scale = BigInteger.Pow(10, digits);
        var scaled = BigInteger.Abs(v.Numerator) * scale;
        var q = BigInteger.DivRem(scaled, v.Denominator, out var rem);
        if (rem * 2 >= v.Denominator) q += 1;
        var text = q.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        return (v.Sign < 0 ? "-" : "") + text[..^digits] + "." + text[^digits..];
    }

    /// <summary>A decimal rendering with <paramref name="digits"/> digits after the point (exact values too).</summary>
    public string ToDecimal(int digits = 20)
    {
        if (!IsExact) return Text;
        var v = Lower;
        var scale = BigInteger.Pow(10, digits);
        var scaled = BigInteger.Abs(v.Numerator) * scale;
        var q = BigInteger.DivRem(scaled, v.Denominator, out var rem);
        var text = q.ToString(CultureInfo.InvariantCulture).PadLeft(digits + 1, '0');
        var s = text[..^digits] + "." + text[^digits..];
        s = s.TrimEnd('0').TrimEnd('.');
        return (v.Sign < 0 ? "-" : "") + s + (rem.IsZero ? "" : "...");
    }
}
