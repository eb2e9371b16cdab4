using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Problems;

/// <summary>
/// The d × d instance of the M6 generalisation (<see cref="RazinCohenConstruction.Generalized"/>) in symbols: target <c>T</c> with <c>T[1,2] = T[2,1] = 1</c>,
/// <c>T[i,i] = 1</c> for i ≥ 3 and 0 elsewhere; every entry observed except (1,1). For d = 2 it is the 2×2
/// construction itself. Entries are the kernel symbols <c>W[i,j]</c> (1-indexed).
/// </summary>
public sealed class CompletionInstance
{
    /// <summary>The d × d instance for d = <paramref name="size"/>, 2 ≤ d ≤ 6 (its d! Leibniz terms are enumerated).</summary>
    public CompletionInstance(int size)
    {
        if (size is < 2 or > 6) throw new ArgumentOutOfRangeException(nameof(size), "the instance is built for 2 <= d <= 6 (Leibniz expansion)");
        Size = size;
        Permutations = [.. LeibnizTerms(size)];
    }

    /// <summary>The dimension d.</summary>
    public int Size { get; }

    /// <summary>Every permutation σ of 1..d with its sign (the terms of the Leibniz formula).</summary>
    public IReadOnlyList<(int Sign, int[] Sigma)> Permutations { get; }

    /// <summary>The symbol of entry (i, j), 1-based: <c>W[i,j]</c>.</summary>
    public static Sym Entry(int i, int j) => new($"W[{i},{j}]");

    /// <summary>The target <c>T[i,j]</c>, 0 or 1 (1-based; <c>T[1,1]</c> is not observed).</summary>
    public int Target(int i, int j) => RazinCohenConstruction.Target(i, j).IsOne ? 1 : 0;

    /// <summary>The observed entries Ω: all but (1,1), row by row.</summary>
    public IEnumerable<(int I, int J)> Observed =>
        from i in Enumerable.Range(1, Size) from j in Enumerable.Range(1, Size) where (i, j) != (1, 1) select (i, j);

    /// <summary><c>W[i,j] − T[i,j]</c>.</summary>
    public Expr Residual(int i, int j) => Expr.Sub(Entry(i, j), Target(i, j));

    /// <summary><c>Σ_Ω (W[i,j] − T[i,j])²</c>: twice the loss with ½ (ℓ = ½ Σ), the loss without it.</summary>
    public Expr SumOfSquaredResiduals => Expr.Add(Observed.Select(o => Expr.Pow(Residual(o.I, o.J), 2)));

    /// <summary>The product <c>∏_i W[i, σ(i)]</c>.</summary>
    public static Expr Product(int[] sigma) => Expr.Mul(sigma.Select((c, r) => (Expr)Entry(r + 1, c)));

    /// <summary>det W by the Leibniz formula.</summary>
    public Expr Determinant => Expr.Add(Permutations.Select(p => Expr.Scale(p.Sign, Product(p.Sigma))));

    /// <summary>The exact solutions: every observed entry equal to its target.</summary>
    public IEnumerable<Statement> FitsExactly => Observed.Select(o => Expr.Eq(Entry(o.I, o.J), Target(o.I, o.J)));

    private static IEnumerable<(int Sign, int[] Sigma)> LeibnizTerms(int n)
    {
        foreach (var p in Permute(Enumerable.Range(1, n).ToArray(), 0))
        {
            var inversions = 0;
            for (var a = 0; a < n; a++)
                for (var b = a + 1; b < n; b++)
                    if (p[a] > p[b]) inversions++;
            yield return (inversions % 2 == 0 ? 1 : -1, p);
        }
    }

    private static IEnumerable<int[]> Permute(int[] items, int k)
    {
        if (k == items.Length)
        {
            yield return (int[])items.Clone();
            yield break;
        }
        for (var i = k; i < items.Length; i++)
        {
            (items[k], items[i]) = (items[i], items[k]);
            foreach (var p in Permute(items, k + 1)) yield return p;
            (items[k], items[i]) = (items[i], items[k]);
        }
    }
}
