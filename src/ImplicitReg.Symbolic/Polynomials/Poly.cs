using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Symbolic.Polynomials;

/// <summary>
/// An immutable sparse multivariate polynomial with exact rational coefficients over a
/// <see cref="VariableOrder"/>. Exponent vectors are packed into <c>ulong</c> words (see
/// <see cref="MonomialLayout"/>: 8 bits per variable, widened to 16 when an exponent passes 127, refused
/// past 32767); terms are kept sorted in descending lexicographic order, so index 0 is the leading term
/// and equal polynomials have equal storage. Build from expressions with <see cref="PolyConversion"/>.
/// </summary>
public sealed partial class Poly : IEquatable<Poly>
{
    /// <summary>Largest number of terms a polynomial may have before an operation is refused.</summary>
    public const int MaxTerms = 4_000_000;

    private readonly ulong[] _mono; // Count × Words, term k at [k*Words, (k+1)*Words)
    private readonly Rational[] _coef;
    private int _hash;

    internal Poly(VariableOrder variables, int bits, ulong[] mono, Rational[] coef)
    {
        Variables = variables;
        Bits = bits;
        Layout = variables.Layout(bits);
        _mono = mono;
        _coef = coef;
    }

    /// <summary>The variable order of the exponent vectors.</summary>
    public VariableOrder Variables { get; }

    /// <summary>Bits per exponent in the packing (8 or 16).</summary>
    public int Bits { get; }

    internal MonomialLayout Layout { get; }
    internal int Words => Layout.Words;

    /// <summary>Number of terms with a non-zero coefficient.</summary>
    public int Count => _coef.Length;
    /// <summary>True for the zero polynomial (no terms).</summary>
    public bool IsZero => _coef.Length == 0;

    /// <summary>True for the zero polynomial and non-zero constants.</summary>
    public bool IsConstant => _coef.Length == 0 || (_coef.Length == 1 && IsZeroMonomial(0));

    /// <summary>The value of a constant polynomial.</summary>
    public Rational ConstantValue => IsZero ? Rational.Zero
        : IsConstant ? _coef[0] : throw new InvalidOperationException("not a constant polynomial");

    /// <summary>True for a single term.</summary>
    public bool IsMonomial => _coef.Length == 1;

    internal ReadOnlySpan<ulong> Monomial(int term) => _mono.AsSpan(term * Words, Words);
    internal ReadOnlySpan<ulong> MonomialStorage => _mono;
    /// <summary>The coefficient of term <paramref name="term"/> (terms in descending monomial order).</summary>
    public Rational Coefficient(int term) => _coef[term];
    internal ReadOnlySpan<Rational> Coefficients => _coef;

    /// <summary>The exponent of variable <paramref name="variable"/> in term <paramref name="term"/>.</summary>
    public int Exponent(int term, int variable) => Layout.Get(Monomial(term), variable);

    /// <summary>The exponent vector of a term (allocates; for callers outside the inner loops).</summary>
    public int[] Exponents(int term)
    {
        var e = new int[Variables.Count];
        var m = Monomial(term);
        for (int v = 0; v < e.Length; v++) e[v] = Layout.Get(m, v);
        return e;
    }

    /// <summary>The coefficient of the greatest monomial (0 for the zero polynomial).</summary>
    public Rational LeadingCoefficient => IsZero ? Rational.Zero : _coef[0];

    private bool IsZeroMonomial(int term)
    {
        foreach (var w in Monomial(term)) if (w != 0) return false;
        return true;
    }

    /// <summary>The zero polynomial over <paramref name="variables"/>.</summary>
    public static Poly Zero(VariableOrder variables) => new(variables, MonomialLayout.NarrowBits, [], []);

    /// <summary>The constant 1 over <paramref name="variables"/>.</summary>
    public static Poly One(VariableOrder variables) => Constant(variables, Rational.One);

    /// <summary>The constant <paramref name="c"/> over <paramref name="variables"/>.</summary>
    public static Poly Constant(VariableOrder variables, Rational c)
    {
        if (c.IsZero) return Zero(variables);
        var layout = variables.Layout(MonomialLayout.NarrowBits);
        return new Poly(variables, layout.Bits, new ulong[layout.Words], [c]);
    }

    /// <summary>The polynomial <c>x_index</c>.</summary>
    public static Poly Variable(VariableOrder variables, int index)
    {
        if ((uint)index >= (uint)variables.Count) throw new ArgumentOutOfRangeException(nameof(index));
        return Monomial(variables, Rational.One, index, 1);
    }

    /// <summary>The polynomial <paramref name="variable"/>, which must be one of <paramref name="variables"/>.</summary>
    public static Poly Variable(VariableOrder variables, Expr variable)
    {
        int i = variables.IndexOf(variable);
        return i >= 0 ? Variable(variables, i) : throw new ArgumentException($"'{variable}' is not a variable of {variables}");
    }

    /// <summary><c>c·x_index^exponent</c>.</summary>
    public static Poly Monomial(VariableOrder variables, Rational c, int index, int exponent)
    {
        if (c.IsZero) return Zero(variables);
        var layout = variables.Layout(MonomialLayout.BitsFor(exponent));
        var m = new ulong[layout.Words];
        layout.Set(m, index, exponent);
        return new Poly(variables, layout.Bits, m, [c]);
    }

    /// <summary>A polynomial from (coefficient, exponent vector) pairs; like terms are combined.</summary>
    public static Poly FromTerms(VariableOrder variables, IEnumerable<(Rational Coefficient, int[] Exponents)> terms)
    {
        var list = terms.ToList();
        int max = 0;
        foreach (var (_, e) in list)
        {
            if (e.Length != variables.Count) throw new ArgumentException("exponent vector length differs from the variable count");
            foreach (var k in e)
            {
                if (k < 0) throw new ArgumentException("negative exponent in a polynomial term");
                max = Math.Max(max, k);
            }
        }
        var layout = variables.Layout(MonomialLayout.BitsFor(max));
        var acc = new MonomialAccumulator(layout, list.Count);
        var m = new ulong[layout.Words];
        foreach (var (c, e) in list)
        {
            Array.Clear(m);
            for (int v = 0; v < e.Length; v++) if (e[v] != 0) layout.Set(m, v, e[v]);
            acc.Add(m, c);
        }
        return acc.ToPoly(variables);
    }

    /// <summary>Total degree (−1 for the zero polynomial).</summary>
    public int TotalDegree
    {
        get
        {
            int best = -1;
            for (int i = 0; i < Count; i++) best = Math.Max(best, Layout.TotalDegree(Monomial(i)));
            return best;
        }
    }

    /// <summary>Degree in one variable (−1 for the zero polynomial).</summary>
    public int Degree(int variable)
    {
        if (IsZero) return -1;
        int best = 0;
        for (int i = 0; i < Count; i++) best = Math.Max(best, Layout.Get(Monomial(i), variable));
        return best;
    }

    /// <summary>Largest exponent of any variable in any term.</summary>
    public int MaxExponent
    {
        get
        {
            int best = 0;
            for (int i = 0; i < Count; i++) best = Math.Max(best, Layout.MaxField(Monomial(i)));
            return best;
        }
    }

    /// <summary>The same polynomial packed with <paramref name="bits"/> bits per exponent.</summary>
    public Poly WithBits(int bits)
    {
        if (bits == Bits) return this;
        var to = Variables.Layout(bits);
        if (bits < Bits && MaxExponent > to.MaxExponent)
            throw new OverflowException($"exponents of this polynomial do not fit {bits}-bit packing");
        var mono = new ulong[Count * to.Words];
        for (int i = 0; i < Count; i++)
        {
            var src = Monomial(i);
            var dst = mono.AsSpan(i * to.Words, to.Words);
            for (int v = 0; v < Variables.Count; v++)
            {
                int e = Layout.Get(src, v);
                if (e != 0) to.Set(dst, v, e);
            }
        }
        return new Poly(Variables, bits, mono, _coef);
    }

    /// <summary>The same polynomial over a larger variable order that contains every current variable.</summary>
    public Poly Embed(VariableOrder target)
    {
        if (target.Equals(Variables)) return this;
        var map = new int[Variables.Count];
        for (int v = 0; v < map.Length; v++)
        {
            map[v] = target.IndexOf(Variables[v]);
            if (map[v] < 0) throw new ArgumentException($"variable '{Variables[v]}' is missing from {target}");
        }
        var to = target.Layout(Bits);
        var acc = new MonomialAccumulator(to, Count);
        var m = new ulong[to.Words];
        for (int i = 0; i < Count; i++)
        {
            Array.Clear(m);
            var src = Monomial(i);
            for (int v = 0; v < map.Length; v++)
            {
                int e = Layout.Get(src, v);
                if (e != 0) to.Set(m, map[v], e);
            }
            acc.Add(m, _coef[i]);
        }
        return acc.ToPoly(target);
    }

    /// <summary>Exact value at a point given as one rational per variable.</summary>
    public Rational Evaluate(IReadOnlyList<Rational> point)
    {
        if (point.Count != Variables.Count) throw new ArgumentException("point dimension differs from the variable count");
        var powers = new Dictionary<(int, int), Rational>();
        var sum = Rational.Zero;
        for (int i = 0; i < Count; i++)
        {
            var t = _coef[i];
            var m = Monomial(i);
            for (int v = 0; v < point.Count && !t.IsZero; v++)
            {
                int e = Layout.Get(m, v);
                if (e == 0) continue;
                if (!powers.TryGetValue((v, e), out var pw)) powers[(v, e)] = pw = point[v].Pow(e);
                t *= pw;
            }
            sum += t;
        }
        return sum;
    }

    /// <inheritdoc/>
    public bool Equals(Poly? other)
    {
        if (other is null) return false;
        if (ReferenceEquals(this, other)) return true;
        if (Count != other.Count || !Variables.Equals(other.Variables)) return false;
        if (!_coef.AsSpan().SequenceEqual(other._coef)) return false;
        if (Bits == other.Bits) return _mono.AsSpan().SequenceEqual(other._mono);
        return WithBits(MonomialLayout.WideBits)._mono.AsSpan().SequenceEqual(other.WithBits(MonomialLayout.WideBits)._mono);
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Poly p && Equals(p);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash != 0) return _hash;
        // Hash exponents independently of the packing so equal polynomials hash equally.
        var h = new HashCode();
        h.Add(Count);
        for (int i = 0; i < Count; i++)
        {
            h.Add(_coef[i]);
            var m = Monomial(i);
            for (int v = 0; v < Variables.Count; v++) h.Add(Layout.Get(m, v));
        }
        var x = h.ToHashCode();
        return _hash = x == 0 ? 1 : x;
    }

    /// <summary>Plain-text form of the polynomial as an expression.</summary>
    public override string ToString() => PolyConversion.ToExpr(this).ToString();
}
