using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Matrices;

/// <summary>
/// An immutable matrix of polynomials over one shared <see cref="VariableOrder"/>: the fast path for
/// polynomial matrix identities (products accumulate Σ_k a_ik·b_kj in one monomial hash table per entry,
/// with no intermediate polynomials). Convert several matrices at once with <see cref="FromAll"/> so they
/// share the variable order.
/// </summary>
public sealed class PolyMatrix
{
    private readonly Poly[] _entries; // row-major

    private PolyMatrix(VariableOrder variables, int rows, int columns, Poly[] entries)
    {
        Variables = variables;
        Rows = rows;
        Columns = columns;
        _entries = entries;
    }

    public VariableOrder Variables { get; }
    public int Rows { get; }
    public int Columns { get; }

    public Poly this[int row, int column] => _entries[row * Columns + column];

    public static PolyMatrix Build(VariableOrder variables, int rows, int columns, Func<int, int, Poly> f)
    {
        var e = new Poly[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                var p = f(r, c);
                if (!p.Variables.Equals(variables)) throw new ArgumentException("entry over a different variable order");
                e[r * columns + c] = p;
            }
        return new PolyMatrix(variables, rows, columns, e);
    }

    /// <summary>A symbolic matrix as polynomials over its own variables.</summary>
    public static PolyMatrix From(SymMatrix m) => FromAll(m)[0];

    /// <summary>A symbolic matrix as polynomials over a given variable order (containing all its variables).</summary>
    public static PolyMatrix From(SymMatrix m, VariableOrder variables) =>
        Build(variables, m.Rows, m.Columns, (r, c) => PolyConversion.ToPoly(m[r, c], variables));

    /// <summary>Several symbolic matrices over one shared variable order (all their symbols and generators).</summary>
    public static PolyMatrix[] FromAll(params SymMatrix[] matrices)
    {
        var vars = PolyConversion.VariablesOf(matrices.SelectMany(m => m.Entries).ToArray());
        return matrices.Select(m => From(m, vars)).ToArray();
    }

    public static PolyMatrix Zero(VariableOrder variables, int rows, int columns) =>
        Build(variables, rows, columns, (_, _) => Poly.Zero(variables));

    public static PolyMatrix Identity(VariableOrder variables, int n) =>
        Build(variables, n, n, (r, c) => r == c ? Poly.One(variables) : Poly.Zero(variables));

    public SymMatrix ToSymMatrix() => SymMatrix.Build(Rows, Columns, (r, c) => PolyConversion.ToExpr(this[r, c]));

    public PolyMatrix Transpose() => Build(Variables, Columns, Rows, (r, c) => this[c, r]);

    public static PolyMatrix operator +(PolyMatrix a, PolyMatrix b)
    {
        SameShape(a, b, "+");
        return Build(a.Variables, a.Rows, a.Columns, (r, c) => a[r, c] + b[r, c]);
    }

    public static PolyMatrix operator -(PolyMatrix a, PolyMatrix b)
    {
        SameShape(a, b, "−");
        return Build(a.Variables, a.Rows, a.Columns, (r, c) => a[r, c] - b[r, c]);
    }

    public static PolyMatrix operator -(PolyMatrix a) => a.Scale(Rational.MinusOne);

    public PolyMatrix Scale(Rational s) => Build(Variables, Rows, Columns, (r, c) => this[r, c].Scale(s));

    public static PolyMatrix operator *(Rational s, PolyMatrix a) => a.Scale(s);

    public static PolyMatrix operator *(PolyMatrix a, PolyMatrix b) => Multiply(a, b);

    /// <summary>Matrix product; each entry Σ_k a_ik·b_kj accumulated in one monomial table.</summary>
    public static PolyMatrix Multiply(PolyMatrix a, PolyMatrix b) => SumOfProducts((Rational.One, a, b));

    /// <summary>
    /// Σ_t s_t·A_t·B_t, every entry accumulated in one monomial table across all products (no intermediate
    /// matrices or sums): the fused form of identities such as Ẇᵀ W + Wᵀ Ẇ − Ẇ Wᵀ − W Ẇᵀ.
    /// </summary>
    public static PolyMatrix SumOfProducts(params (Rational Scale, PolyMatrix Left, PolyMatrix Right)[] products)
    {
        if (products.Length == 0) throw new ArgumentException("no products to sum");
        var (_, first, firstRight) = products[0];
        int rows = first.Rows, columns = firstRight.Columns;
        int bits = MonomialLayout.NarrowBits;
        foreach (var (_, a, b) in products)
        {
            if (a.Columns != b.Rows)
                throw new ArgumentException($"cannot multiply a {a.Rows}×{a.Columns} matrix by a {b.Rows}×{b.Columns} matrix");
            if (a.Rows != rows || b.Columns != columns)
                throw new ArgumentException($"products of different shapes: {a.Rows}×{b.Columns} and {rows}×{columns}");
            if (!a.Variables.Equals(first.Variables) || !b.Variables.Equals(first.Variables))
                throw new ArgumentException("matrices over different variable orders");
            foreach (var p in a._entries) bits = Math.Max(bits, p.Bits);
            foreach (var p in b._entries) bits = Math.Max(bits, p.Bits);
        }
        while (true)
        {
            var result = TryAccumulate(products, rows, columns, bits);
            if (result is not null) return result;
            if (bits == MonomialLayout.WideBits)
                throw new SymbolicLimitException("a matrix product has an exponent above 32767; refused");
            bits = MonomialLayout.WideBits;
        }
    }

    private static PolyMatrix? TryAccumulate((Rational Scale, PolyMatrix Left, PolyMatrix Right)[] products, int rows, int columns, int bits)
    {
        var vars = products[0].Left.Variables;
        var prepared = new (Poly[] A, Poly[] B, int Inner, bool Negate)[products.Length];
        for (int t = 0; t < products.Length; t++)
        {
            var (s, a, b) = products[t];
            bool negate = s == Rational.MinusOne;
            var left = negate || s.IsOne ? a : a.Scale(s);
            prepared[t] = (Array.ConvertAll(left._entries, p => p.WithBits(bits)), Array.ConvertAll(b._entries, p => p.WithBits(bits)), a.Columns, negate);
        }
        var acc = new MonomialAccumulator(vars.Layout(bits), 64);
        var result = new Poly[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                acc.Clear();
                foreach (var (ea, eb, inner, negate) in prepared)
                    for (int k = 0; k < inner; k++)
                    {
                        var x = ea[r * inner + k];
                        var y = eb[k * columns + c];
                        if (x.IsZero || y.IsZero) continue;
                        if (!Poly.AccumulateProduct(acc, x, y, negate)) return null;
                    }
                result[r * columns + c] = acc.ToPoly(vars);
            }
        return new PolyMatrix(vars, rows, columns, result);
    }

    public bool IsZero => _entries.All(p => p.IsZero);

    public Poly Trace()
    {
        RequireSquare("trace");
        var t = Poly.Zero(Variables);
        for (int i = 0; i < Rows; i++) t += this[i, i];
        return t;
    }

    /// <summary>Largest size for which <see cref="Determinant"/> uses expansion by minors (2^n minors, no divisions).</summary>
    public const int MinorExpansionLimit = 8;

    /// <summary>
    /// The determinant: expansion by minors with memoised sub-determinants up to
    /// <see cref="MinorExpansionLimit"/> (fastest for symbolic entries: no polynomial divisions), fraction-free
    /// Bareiss elimination above it.
    /// </summary>
    public Poly Determinant()
    {
        RequireSquare("determinant");
        return Rows <= MinorExpansionLimit ? DeterminantByMinors() : DeterminantByBareiss();
    }

    /// <summary>
    /// Expansion by minors along the rows, each sub-determinant computed once: f(S) for a column set S is the
    /// determinant of the last |S| rows restricted to S, f(S) = Σ_{j∈S} ±a_{r,j}·f(S∖j), accumulated in one table.
    /// </summary>
    public Poly DeterminantByMinors()
    {
        RequireSquare("determinant");
        int n = Rows;
        if (n > 20) throw new SymbolicLimitException($"expansion by minors of a {n}×{n} matrix is refused; use DeterminantByBareiss");
        int bits = MonomialLayout.NarrowBits;
        foreach (var p in _entries) bits = Math.Max(bits, p.Bits);
        while (true)
        {
            var det = TryMinors(bits);
            if (det is not null) return det;
            if (bits == MonomialLayout.WideBits) throw new SymbolicLimitException("a determinant has an exponent above 32767; refused");
            bits = MonomialLayout.WideBits;
        }
    }

    private Poly? TryMinors(int bits)
    {
        int n = Rows;
        var entries = Array.ConvertAll(_entries, p => p.WithBits(bits));
        var minors = new Poly?[1 << n];
        minors[0] = Poly.One(Variables).WithBits(bits);
        var acc = new MonomialAccumulator(Variables.Layout(bits), 64);
        // Masks in order of population count, so every f(S∖j) exists before f(S).
        for (int size = 1; size <= n; size++)
        {
            int row = n - size;
            for (int mask = 1; mask < 1 << n; mask++)
            {
                if (System.Numerics.BitOperations.PopCount((uint)mask) != size) continue;
                acc.Clear();
                int position = 0;
                for (int j = 0; j < n; j++)
                {
                    if ((mask & (1 << j)) == 0) continue;
                    var a = entries[row * n + j];
                    var sub = minors[mask & ~(1 << j)]!;
                    if (!a.IsZero && !sub.IsZero && !Poly.AccumulateProduct(acc, a, sub, negate: (position & 1) == 1)) return null;
                    position++;
                }
                minors[mask] = acc.ToPoly(Variables);
            }
        }
        return minors[(1 << n) - 1];
    }

    /// <summary>Fraction-free Bareiss elimination: every division is exact (Sylvester's identity).</summary>
    public Poly DeterminantByBareiss()
    {
        RequireSquare("determinant");
        int n = Rows;
        var m = (Poly[])_entries.Clone();
        var previous = Poly.One(Variables);
        bool negate = false;
        for (int k = 0; k < n - 1; k++)
        {
            if (m[k * n + k].IsZero)
            {
                int pivot = -1;
                for (int i = k + 1; i < n && pivot < 0; i++) if (!m[i * n + k].IsZero) pivot = i;
                if (pivot < 0) return Poly.Zero(Variables);
                for (int j = 0; j < n; j++) (m[k * n + j], m[pivot * n + j]) = (m[pivot * n + j], m[k * n + j]);
                negate = !negate;
            }
            var akk = m[k * n + k];
            for (int i = k + 1; i < n; i++)
                for (int j = k + 1; j < n; j++)
                {
                    var numerator = m[i * n + j] * akk - m[i * n + k] * m[k * n + j];
                    m[i * n + j] = Poly.DivideExact(numerator, previous);
                }
            previous = akk;
        }
        var det = m[n * n - 1];
        return negate ? -det : det;
    }

    /// <summary>The adjugate: adj(A)_ji = (−1)^(i+j) det(A without row i and column j).</summary>
    public PolyMatrix Adjugate()
    {
        RequireSquare("adjugate");
        int n = Rows;
        if (n == 1) return Identity(Variables, 1);
        return Build(Variables, n, n, (j, i) =>
        {
            var minor = Build(Variables, n - 1, n - 1, (r, c) => this[r < i ? r : r + 1, c < j ? c : c + 1]);
            var d = minor.Determinant();
            return ((i + j) & 1) == 0 ? d : -d;
        });
    }

    private void RequireSquare(string what)
    {
        if (Rows != Columns) throw new ArgumentException($"{what} of a non-square {Rows}×{Columns} matrix");
    }

    private static void SameShape(PolyMatrix a, PolyMatrix b, string op)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"shapes differ for {op}: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}");
        if (!a.Variables.Equals(b.Variables)) throw new ArgumentException("matrices over different variable orders");
    }
}
