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
public sealed partial class PolyMatrix
{
    private readonly Poly[] _entries; // row-major

    private PolyMatrix(VariableOrder variables, int rows, int columns, Poly[] entries)
    {
        Variables = variables;
        Rows = rows;
        Columns = columns;
        _entries = entries;
    }

    /// <summary>The variable order every entry shares.</summary>
    public VariableOrder Variables { get; }
    /// <summary>Number of rows.</summary>
    public int Rows { get; }
    /// <summary>Number of columns.</summary>
    public int Columns { get; }

    /// <summary>Entry (row, column), 0-based.</summary>
    public Poly this[int row, int column] => _entries[row * Columns + column];

    /// <summary>A matrix with entry (r, c) = f(r, c), 0-based, every entry over <paramref name="variables"/>.</summary>
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

    /// <summary>The zero matrix of the given shape.</summary>
    public static PolyMatrix Zero(VariableOrder variables, int rows, int columns) =>
        Build(variables, rows, columns, (_, _) => Poly.Zero(variables));

    /// <summary>The n×n identity matrix.</summary>
    public static PolyMatrix Identity(VariableOrder variables, int n) =>
        Build(variables, n, n, (r, c) => r == c ? Poly.One(variables) : Poly.Zero(variables));

    /// <summary>The same matrix with each entry converted back to a canonical expression.</summary>
    public SymMatrix ToSymMatrix() => SymMatrix.Build(Rows, Columns, (r, c) => PolyConversion.ToExpr(this[r, c]));

    /// <summary>The transpose.</summary>
    public PolyMatrix Transpose() => Build(Variables, Columns, Rows, (r, c) => this[c, r]);

    /// <summary>Entry-wise sum; the shapes and variable orders must agree.</summary>
    public static PolyMatrix operator +(PolyMatrix a, PolyMatrix b)
    {
        SameShape(a, b, "+");
        return Build(a.Variables, a.Rows, a.Columns, (r, c) => a[r, c] + b[r, c]);
    }

    /// <summary>Entry-wise difference; the shapes and variable orders must agree.</summary>
    public static PolyMatrix operator -(PolyMatrix a, PolyMatrix b)
    {
        SameShape(a, b, "−");
        return Build(a.Variables, a.Rows, a.Columns, (r, c) => a[r, c] - b[r, c]);
    }

    /// <summary>Entry-wise negation.</summary>
    public static PolyMatrix operator -(PolyMatrix a) => a.Scale(Rational.MinusOne);

    /// <summary>Every entry multiplied by the rational <paramref name="s"/>.</summary>
    public PolyMatrix Scale(Rational s) => Build(Variables, Rows, Columns, (r, c) => this[r, c].Scale(s));

    /// <summary>Every entry multiplied by the rational <paramref name="s"/>.</summary>
    public static PolyMatrix operator *(Rational s, PolyMatrix a) => a.Scale(s);

    /// <summary>The matrix product; the inner dimensions must agree.</summary>
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

    /// <summary>True when every entry is the zero polynomial.</summary>
    public bool IsZero => _entries.All(p => p.IsZero);

    /// <summary>The sum of the diagonal entries of a square matrix.</summary>
    public Poly Trace()
    {
        RequireSquare("trace");
        var t = Poly.Zero(Variables);
        for (int i = 0; i < Rows; i++) t += this[i, i];
        return t;
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
