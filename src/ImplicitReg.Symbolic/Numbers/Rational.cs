using System.Globalization;
using System.Numerics;

namespace ImplicitReg.Symbolic.Numbers;

/// <summary>
/// An exact rational number on <see cref="BigInteger"/>: always normalised (lowest terms, positive
/// denominator, sign carried by the numerator), so structural equality is numeric equality.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>, IComparisonOperators<Rational, Rational, bool>
{
    /// <summary>The numerator, carrying the sign; coprime to the denominator.</summary>
    public BigInteger Numerator { get; }
    /// <summary>The denominator, always positive.</summary>
    public BigInteger Denominator { get; }

    /// <summary>0.</summary>
    public static readonly Rational Zero = new(BigInteger.Zero, BigInteger.One, normalised: true);
    /// <summary>1.</summary>
    public static readonly Rational One = new(BigInteger.One, BigInteger.One, normalised: true);
    /// <summary>−1.</summary>
    public static readonly Rational MinusOne = new(BigInteger.MinusOne, BigInteger.One, normalised: true);
    /// <summary>1/2.</summary>
    public static readonly Rational Half = new(BigInteger.One, 2, normalised: true);

    private Rational(BigInteger numerator, BigInteger denominator, bool normalised)
    {
        _ = normalised;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The rational numerator/denominator in lowest terms; a zero denominator throws <see cref="DivideByZeroException"/>.</summary>
    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("rational with zero denominator");
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero)
        {
            numerator /= g;
            denominator /= g;
        }
        if (numerator.IsZero) denominator = BigInteger.One;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The integer <paramref name="integer"/> as a rational.</summary>
    public Rational(BigInteger integer) : this(integer, BigInteger.One, normalised: true) { }

    /// <summary>True for 0.</summary>
    public bool IsZero => Numerator.IsZero;
    /// <summary>True for 1.</summary>
    public bool IsOne => Numerator.IsOne && Denominator.IsOne;
    /// <summary>True when the denominator is 1.</summary>
    public bool IsInteger => Denominator.IsOne;
    /// <summary>−1, 0 or 1.</summary>
    public int Sign => Numerator.Sign;

    /// <summary>The integer as an exact rational.</summary>
    public static implicit operator Rational(int value) => new(value);
    /// <summary>The integer as an exact rational.</summary>
    public static implicit operator Rational(long value) => new(value);
    /// <summary>The integer as an exact rational.</summary>
    public static implicit operator Rational(BigInteger value) => new(value);

    /// <summary>The exact sum.</summary>
    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator
            ? new Rational(a.Numerator + b.Numerator, a.Denominator)
            : new Rational(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    /// <summary>The exact difference.</summary>
    public static Rational operator -(Rational a, Rational b) => a + -b;
    /// <summary>The negation.</summary>
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator, normalised: true);

    /// <summary>The exact product.</summary>
    public static Rational operator *(Rational a, Rational b)
    {
        if (a.IsInteger && b.IsInteger) return new Rational(a.Numerator * b.Numerator, BigInteger.One, normalised: true);
        return new Rational(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
    }

    /// <summary>The exact quotient; division by zero throws <see cref="DivideByZeroException"/>.</summary>
    public static Rational operator /(Rational a, Rational b)
    {
        if (b.IsZero) throw new DivideByZeroException("division by zero");
        return new Rational(a.Numerator * b.Denominator, a.Denominator * b.Numerator);
    }

    /// <summary>1/this; the reciprocal of zero throws <see cref="DivideByZeroException"/>.</summary>
    public Rational Reciprocal() => One / this;
    /// <summary>The absolute value.</summary>
    public Rational Abs() => Sign < 0 ? -this : this;

    /// <summary>Exact integer power; a negative exponent of zero is a division by zero.</summary>
    public Rational Pow(int exponent)
    {
        if (exponent == 0) return One;
        if (exponent < 0)
        {
            if (IsZero) throw new DivideByZeroException("division by zero: 0 raised to a negative power");
            return new Rational(BigInteger.Pow(Denominator, -exponent), BigInteger.Pow(Numerator, -exponent));
        }
        return new Rational(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent), normalised: true);
    }

    /// <summary>Floor of the rational as an integer.</summary>
    public BigInteger Floor()
    {
        var q = BigInteger.DivRem(Numerator, Denominator, out var r);
        return r.Sign < 0 ? q - 1 : q;
    }

    /// <summary>The value as a double: numerator over denominator in double arithmetic, both scaled down first when either exceeds the double range.</summary>
    public double ToDouble()
    {
        if (Denominator.IsOne) return (double)Numerator;
        var n = (double)Numerator;
        var d = (double)Denominator;
        if (double.IsFinite(n) && double.IsFinite(d)) return n / d;
        // Scale huge numerators/denominators before dividing.
        var shift = Math.Max(0, (int)Math.Max(Numerator.GetBitLength(), Denominator.GetBitLength()) - 1000);
        return (double)(Numerator >> shift) / (double)(Denominator >> shift);
    }

    /// <summary>The exact value of a finite double (every double is a dyadic rational).</summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentException("not a finite number", nameof(value));
        if (value == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++;
        else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = mantissa;
        Rational r = exponent >= 0 ? new Rational(num << exponent) : new Rational(num, BigInteger.One << -exponent);
        return negative ? -r : r;
    }

    /// <summary>
    /// Parses an exact decimal literal: <c>3</c>, <c>0.1</c> (= 1/10), <c>1e-3</c>, <c>2.5E+4</c>, or <c>p/q</c>.
    /// </summary>
    public static bool TryParse(string text, out Rational value)
    {
        value = Zero;
        text = text.Trim();
        if (text.Length == 0) return false;
        var slash = text.IndexOf('/');
        if (slash > 0)
        {
            if (!TryParse(text[..slash], out var p) || !TryParse(text[(slash + 1)..], out var q) || q.IsZero) return false;
            value = p / q;
            return true;
        }
        bool negative = false;
        int i = 0;
        if (text[0] is '+' or '-') { negative = text[0] == '-'; i = 1; }
        int scale = 0, digits = 0;
        bool seenDot = false;
        var digitText = new System.Text.StringBuilder(text.Length);
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (c is >= '0' and <= '9')
            {
                digitText.Append(c);
                digits++;
                if (seenDot) scale++;
            }
            else if (c == '.' && !seenDot) seenDot = true;
            else break;
        }
        if (digits == 0) return false;
        // BigInteger.Parse is sub-quadratic; accumulating digit by digit is quadratic in the length.
        var mant = BigInteger.Parse(digitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        int exp = 0;
        if (i < text.Length)
        {
            if (text[i] is not ('e' or 'E')) return false;
            if (!int.TryParse(text.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp)) return false;
            if (Math.Abs(exp) > 100_000) return false;
        }
        int e10 = exp - scale;
        var r = e10 >= 0 ? new Rational(mant * BigInteger.Pow(10, e10)) : new Rational(mant, BigInteger.Pow(10, -e10));
        value = negative ? -r : r;
        return true;
    }

    /// <summary>Parses an exact decimal or fraction (<c>0.1</c> is 1/10); anything else throws <see cref="FormatException"/>.</summary>
    public static Rational Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"not an exact number: '{text}'");

    /// <inheritdoc/>
    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;
    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <inheritdoc/>
    public int CompareTo(Rational other) =>
        Denominator == other.Denominator
            ? Numerator.CompareTo(other.Numerator)
            : (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    /// <summary>Numeric equality.</summary>
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    /// <summary>Numeric inequality.</summary>
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    /// <summary>Numeric order.</summary>
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    /// <summary>Numeric order.</summary>
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    /// <summary>Numeric order.</summary>
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    /// <summary>Numeric order.</summary>
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    /// <summary><c>p</c> or <c>p/q</c>; parses back with <see cref="Parse"/>.</summary>
    public override string ToString() =>
        Denominator.IsOne
            ? Numerator.ToString(CultureInfo.InvariantCulture)
            : Numerator.ToString(CultureInfo.InvariantCulture) + "/" + Denominator.ToString(CultureInfo.InvariantCulture);
}
