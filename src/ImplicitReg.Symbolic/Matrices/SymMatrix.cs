using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Symbolic.Matrices;

/// <summary>
/// An immutable matrix of expressions. <see cref="Fresh"/> makes a matrix of symbols named
/// <c>W1[r,c]</c> (1-based, no spaces), the names the parser and printers use for indexed symbols; the
/// indexer is 0-based. For large polynomial identities convert to <see cref="PolyMatrix"/>.
/// </summary>
public sealed partial class SymMatrix : IEquatable<SymMatrix>
{
    private readonly Expr[] _entries; // row-major

    private SymMatrix(int rows, int columns, Expr[] entries)
    {
        Rows = rows;
        Columns = columns;
        _entries = entries;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }
    /// <summary>Number of columns.</summary>
    public int Columns { get; }
    /// <summary>True when the matrix has as many rows as columns.</summary>
    public bool IsSquare => Rows == Columns;

    /// <summary>Entry (row, column), 0-based.</summary>
    public Expr this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
                throw new ArgumentOutOfRangeException(nameof(row), $"entry ({row},{column}) outside a {Rows}×{Columns} matrix");
            return _entries[row * Columns + column];
        }
    }

    /// <summary>A matrix of fresh symbols <c>name[r,c]</c>, r and c 1-based: <c>Fresh("W1", 2, 2)[0, 1]</c> is <c>W1[1,2]</c>.</summary>
    public static SymMatrix Fresh(string name, int rows, int columns) =>
        Build(rows, columns, (r, c) => new Sym($"{name}[{r + 1},{c + 1}]"));

    /// <summary>The zero matrix of the given shape.</summary>
    public static SymMatrix Zero(int rows, int columns) => Build(rows, columns, (_, _) => Expr.Zero);

    /// <summary>The n×n identity matrix.</summary>
    public static SymMatrix Identity(int n) => Build(n, n, (r, c) => r == c ? Expr.One : Expr.Zero);

    /// <summary>A matrix from its rows (all of equal length, at least one).</summary>
    public static SymMatrix FromRows(IReadOnlyList<IReadOnlyList<Expr>> rows)
    {
        if (rows.Count == 0 || rows[0].Count == 0) throw new ArgumentException("a matrix needs at least one row and one column");
        int columns = rows[0].Count;
        foreach (var row in rows)
            if (row.Count != columns) throw new ArgumentException($"ragged rows: {row.Count} entries where {columns} expected");
        return Build(rows.Count, columns, (r, c) => rows[r][c]);
    }

    /// <summary>A matrix from its rows (all of equal length, at least one).</summary>
    public static SymMatrix FromRows(params Expr[][] rows) => FromRows(rows.Select(r => (IReadOnlyList<Expr>)r).ToList());

    /// <summary>A matrix with entry (r, c) = f(r, c), 0-based.</summary>
    public static SymMatrix Build(int rows, int columns, Func<int, int, Expr> f)
    {
        if (rows <= 0 || columns <= 0) throw new ArgumentException($"matrix shape {rows}×{columns} must be positive");
        var e = new Expr[rows * columns];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                var v = f(r, c);
                if (v is Statement) throw new ArgumentException("a matrix entry cannot be a statement");
                e[r * columns + c] = v;
            }
        return new SymMatrix(rows, columns, e);
    }

    /// <summary>The entries row by row.</summary>
    public IReadOnlyList<Expr> Entries => _entries;

    /// <summary>Row <paramref name="r"/> (0-based), copied.</summary>
    public IReadOnlyList<Expr> Row(int r) => _entries.AsSpan(r * Columns, Columns).ToArray();

    /// <summary>The matrix with <paramref name="f"/> applied to every entry.</summary>
    public SymMatrix Map(Func<Expr, Expr> f) => Build(Rows, Columns, (r, c) => f(this[r, c]));

    /// <summary>The transpose.</summary>
    public SymMatrix Transpose() => Build(Columns, Rows, (r, c) => this[c, r]);

    /// <summary>Entry-wise sum; the shapes must agree.</summary>
    public static SymMatrix operator +(SymMatrix a, SymMatrix b)
    {
        SameShape(a, b, "+");
        return Build(a.Rows, a.Columns, (r, c) => a[r, c] + b[r, c]);
    }

    /// <summary>Entry-wise difference; the shapes must agree.</summary>
    public static SymMatrix operator -(SymMatrix a, SymMatrix b)
    {
        SameShape(a, b, "−");
        return Build(a.Rows, a.Columns, (r, c) => a[r, c] - b[r, c]);
    }

    /// <summary>Entry-wise negation.</summary>
    public static SymMatrix operator -(SymMatrix a) => a.Map(Expr.Neg);

    /// <summary>The matrix product; the inner dimensions must agree.</summary>
    public static SymMatrix operator *(SymMatrix a, SymMatrix b)
    {
        if (a.Columns != b.Rows)
            throw new ArgumentException($"cannot multiply a {a.Rows}×{a.Columns} matrix by a {b.Rows}×{b.Columns} matrix");
        return Build(a.Rows, b.Columns, (r, c) =>
        {
            var terms = new Expr[a.Columns];
            for (int k = 0; k < terms.Length; k++) terms[k] = a[r, k] * b[k, c];
            return Expr.Add(terms);
        });
    }

    /// <summary>Every entry multiplied by the scalar expression <paramref name="s"/> on the left.</summary>
    public static SymMatrix operator *(Expr s, SymMatrix a) => a.Map(e => s * e);
    /// <summary>Every entry multiplied by the scalar expression <paramref name="s"/> on the right.</summary>
    public static SymMatrix operator *(SymMatrix a, Expr s) => a.Map(e => e * s);
    /// <summary>Every entry multiplied by the rational <paramref name="s"/>.</summary>
    public static SymMatrix operator *(Rational s, SymMatrix a) => a.Map(e => Expr.Scale(s, e));

    /// <summary>Entrywise (Hadamard) product.</summary>
    public SymMatrix ElementwiseProduct(SymMatrix b)
    {
        SameShape(this, b, "∘");
        return Build(Rows, Columns, (r, c) => this[r, c] * b[r, c]);
    }

    /// <summary>The sum of the diagonal entries of a square matrix.</summary>
    public Expr Trace()
    {
        if (!IsSquare) throw new ArgumentException($"trace of a non-square {Rows}×{Columns} matrix");
        var d = new Expr[Rows];
        for (int i = 0; i < Rows; i++) d[i] = this[i, i];
        return Expr.Add(d);
    }

    /// <summary>Frobenius inner product ⟨A, B⟩ = tr(AᵀB) = Σ a_ij b_ij.</summary>
    public static Expr FrobeniusInner(SymMatrix a, SymMatrix b)
    {
        SameShape(a, b, "⟨·,·⟩");
        var terms = new Expr[a._entries.Length];
        for (int i = 0; i < terms.Length; i++) terms[i] = a._entries[i] * b._entries[i];
        return Expr.Add(terms);
    }

    /// <summary>Every entry expanded (<see cref="Algebra.Expand"/>).</summary>
    public SymMatrix Expand() => Map(Algebra.Expand);

    /// <summary>True when every entry is the number 0 (apply <see cref="Expand"/> first for a zero test).</summary>
    public bool IsZero => _entries.All(e => e is Num { Value.IsZero: true });

    private static void SameShape(SymMatrix a, SymMatrix b, string op)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns)
            throw new ArgumentException($"shapes differ for {op}: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}");
    }

    /// <inheritdoc/>
    public bool Equals(SymMatrix? other) =>
        other is not null && Rows == other.Rows && Columns == other.Columns && _entries.AsSpan().SequenceEqual(other._entries);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SymMatrix m && Equals(m);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Rows);
        h.Add(Columns);
        foreach (var e in _entries) h.Add(e);
        return h.ToHashCode();
    }

    /// <summary><c>[[a, b], [c, d]]</c>, rows in brackets.</summary>
    public override string ToString() =>
        "[" + string.Join(", ", Enumerable.Range(0, Rows).Select(r => "[" + string.Join(", ", Row(r)) + "]")) + "]";
}
