using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

public sealed partial class Poly
{
    /// <summary>Largest number of term products one multiplication may perform before it is refused.</summary>
    public const long MaxProductWork = 400_000_000;

    /// <summary>The sum (see <see cref="Add"/>).</summary>
    public static Poly operator +(Poly a, Poly b) => Add(a, b);
    /// <summary>The difference (see <see cref="Subtract"/>).</summary>
    public static Poly operator -(Poly a, Poly b) => Subtract(a, b);
    /// <summary>The negation.</summary>
    public static Poly operator -(Poly a) => a.Scale(Rational.MinusOne);
    /// <summary>The product (see <see cref="Multiply"/>).</summary>
    public static Poly operator *(Poly a, Poly b) => Multiply(a, b);
    /// <summary>Every coefficient multiplied by <paramref name="c"/>.</summary>
    public static Poly operator *(Rational c, Poly a) => a.Scale(c);

    private static int Unify(Poly a, Poly b)
    {
        if (!ReferenceEquals(a.Variables, b.Variables) && !a.Variables.Equals(b.Variables))
            throw new ArgumentException($"polynomials over different variables: {a.Variables} and {b.Variables}; Embed them first");
        return Math.Max(a.Bits, b.Bits);
    }

    /// <summary>The sum of two polynomials over the same variable order, like terms merged.</summary>
    public static Poly Add(Poly a, Poly b) => Merge(a, b, negateB: false);

    /// <summary>The difference of two polynomials over the same variable order, like terms merged.</summary>
    public static Poly Subtract(Poly a, Poly b) => Merge(a, b, negateB: true);

    /// <summary>Sum by merging the two sorted term lists (no hashing needed).</summary>
    private static Poly Merge(Poly a, Poly b, bool negateB)
    {
        int bits = Unify(a, b);
        if (b.IsZero) return a;
        if (a.IsZero) return negateB ? -b : b;
        a = a.WithBits(bits);
        b = b.WithBits(bits);
        int words = a.Words;
        var mono = new ulong[(a.Count + b.Count) * words];
        var coef = new Rational[a.Count + b.Count];
        int i = 0, j = 0, k = 0;
        while (i < a.Count || j < b.Count)
        {
            int c = i == a.Count ? -1 : j == b.Count ? 1 : MonomialLayout.Compare(a.Monomial(i), b.Monomial(j));
            if (c > 0)
            {
                a.Monomial(i).CopyTo(mono.AsSpan(k * words));
                coef[k++] = a._coef[i++];
            }
            else if (c < 0)
            {
                b.Monomial(j).CopyTo(mono.AsSpan(k * words));
                coef[k++] = negateB ? -b._coef[j] : b._coef[j];
                j++;
            }
            else
            {
                var s = negateB ? a._coef[i] - b._coef[j] : a._coef[i] + b._coef[j];
                if (!s.IsZero)
                {
                    a.Monomial(i).CopyTo(mono.AsSpan(k * words));
                    coef[k++] = s;
                }
                i++;
                j++;
            }
        }
        if (k < coef.Length)
        {
            Array.Resize(ref mono, k * words);
            Array.Resize(ref coef, k);
        }
        return new Poly(a.Variables, bits, mono, coef);
    }

    /// <summary>Every coefficient multiplied by <paramref name="c"/> (zero gives the zero polynomial).</summary>
    public Poly Scale(Rational c)
    {
        if (c.IsZero) return Zero(Variables);
        if (c.IsOne) return this;
        var coef = new Rational[Count];
        for (int i = 0; i < coef.Length; i++) coef[i] = _coef[i] * c;
        return new Poly(Variables, Bits, _mono, coef);
    }

    /// <summary>The negation.</summary>
    public Poly Negate() => Scale(Rational.MinusOne);

    /// <summary>The product of two polynomials over the same variable order; exponents beyond the wide packing are refused.</summary>
    public static Poly Multiply(Poly a, Poly b)
    {
        int bits = Unify(a, b);
        if (a.IsZero || b.IsZero) return Zero(a.Variables);
        if ((long)a.Count * b.Count > MaxProductWork)
            throw new SymbolicLimitException(
                $"multiplying polynomials of {a.Count} and {b.Count} terms exceeds {MaxProductWork} term products; refused");
        while (true)
        {
            var x = a.WithBits(bits);
            var y = b.WithBits(bits);
            if (x.Count < y.Count) (x, y) = (y, x);
            var r = y.Count == 1 ? x.TryMultiplyByTerm(y.Monomial(0), y._coef[0]) : TryMultiply(x, y);
            if (r is not null) return r;
            if (bits == MonomialLayout.WideBits)
                throw new SymbolicLimitException(
                    $"a product has an exponent above {x.Variables.Layout(bits).MaxExponent}; refused");
            bits = MonomialLayout.WideBits;
        }
    }

    private static Poly? TryMultiply(Poly a, Poly b)
    {
        var acc = new MonomialAccumulator(a.Layout, (int)Math.Min((long)a.Count * b.Count, 1 << 16));
        return AccumulateProduct(acc, a, b) ? acc.ToPoly(a.Variables) : null;
    }

    /// <summary>acc += a·b (same packing); false on exponent overflow.</summary>
    internal static bool AccumulateProduct(MonomialAccumulator acc, Poly a, Poly b, bool negate = false)
    {
        var ha = a.TermHashes;
        var hb = b.TermHashes;
        var sa = a.SmallCoefficients;
        var sb = b.SmallCoefficients;
        if (sa is not null && sb is not null)
        {
            // Both sides have coefficients below 2^31 in magnitude: their products fit a long exactly.
            for (int i = 0; i < a.Count; i++)
            {
                var ma = a.Monomial(i);
                long ca = negate ? -sa[i] : sa[i];
                ulong hi = ha[i];
                for (int j = 0; j < b.Count; j++)
                    if (!acc.TryAddProduct(ma, hi, b.Monomial(j), hb[j], ca * sb[j])) return false;
            }
            return true;
        }
        for (int i = 0; i < a.Count; i++)
        {
            var ma = a.Monomial(i);
            var ca = negate ? -a._coef[i] : a._coef[i];
            for (int j = 0; j < b.Count; j++)
                if (!acc.TryAddProduct(ma, ha[i], b.Monomial(j), hb[j], ca * b._coef[j])) return false;
        }
        return true;
    }

    /// <summary>
    /// Product with a single term c·m: lexicographic order is compatible with multiplication, so the
    /// result is already sorted and needs no hashing. Null on exponent overflow.
    /// </summary>
    internal Poly? TryMultiplyByTerm(ReadOnlySpan<ulong> m, Rational c)
    {
        int words = Words;
        var mono = new ulong[_mono.Length];
        var coef = new Rational[Count];
        for (int i = 0; i < Count; i++)
        {
            if (!Layout.TryAdd(Monomial(i), m, mono.AsSpan(i * words, words))) return null;
            coef[i] = c.IsOne ? _coef[i] : _coef[i] * c;
        }
        return new Poly(Variables, Bits, mono, coef);
    }

    /// <summary>
    /// <c>p^n</c> for n ≥ 0 by repeated squaring. Refused (<see cref="SymbolicLimitException"/>) when an
    /// exponent would pass 32767 or the multinomial bound on the number of terms passes <see cref="MaxTerms"/>.
    /// </summary>
    public Poly Pow(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), "negative power of a polynomial");
        if (n == 0) return One(Variables);
        if (n == 1 || IsZero) return this;
        long maxExp = (long)MaxExponent * n;
        if (maxExp > short.MaxValue)
            throw new SymbolicLimitException($"expanding to degree {maxExp} in one variable exceeds {short.MaxValue}; refused");
        double estimate = EstimatePowerTerms(n);
        if (estimate > MaxTerms)
            throw new SymbolicLimitException(
                $"expanding a {Count}-term polynomial to the power {n} would give about {estimate:G3} terms (limit {MaxTerms}); refused");
        var p = WithBits(MonomialLayout.BitsFor((int)maxExp));
        if (p.IsMonomial)
        {
            var m = new ulong[p.Words];
            for (int v = 0; v < Variables.Count; v++)
            {
                int e = p.Layout.Get(p.Monomial(0), v);
                if (e != 0) p.Layout.Set(m, v, e * n);
            }
            return new Poly(Variables, p.Bits, m, [p._coef[0].Pow(n)]);
        }
        Poly result = One(Variables).WithBits(p.Bits), square = p;
        for (int k = n; ; )
        {
            if ((k & 1) != 0) result = Multiply(result, square);
            k >>= 1;
            if (k == 0) return result;
            square = Multiply(square, square);
        }
    }

    /// <summary>min(C(n+t−1, n), C(n·deg + v, v)): the multinomial count and the count of monomials of bounded degree.</summary>
    private double EstimatePowerTerms(int n)
    {
        int t = Count, v = Math.Max(1, Variables.Count);
        double multinomial = Math.Exp(LogBinomial(n + t - 1, n));
        double bounded = Math.Exp(LogBinomial((double)n * TotalDegree + v, v));
        return Math.Min(multinomial, bounded);
    }

    private static double LogBinomial(double n, double k) =>
        LogGamma(n + 1) - LogGamma(k + 1) - LogGamma(n - k + 1);

    /// <summary>Stirling series for log Γ(x), x ≥ 1 (ample accuracy for a size estimate).</summary>
    private static double LogGamma(double x)
    {
        double shift = 0;
        while (x < 8) { shift -= Math.Log(x); x += 1; }
        double inv = 1 / x, inv2 = inv * inv;
        return shift + (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI)
            + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 / 1260));
    }
}
