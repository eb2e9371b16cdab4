using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Matrices;

public sealed partial class PolyMatrix
{
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
}
