using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Factorizations;

/// <summary>
/// CP tensor factorization <c>𝒲 = Σ_{r=1}^R w_r^1 ⊗ ⋯ ⊗ w_r^N</c> (docs/theory.md, Notation): order N, mode sizes
/// d_1..d_N, R components. Factor n of component r has entries <c>w&lt;r&gt;_&lt;n&gt;[i]</c>.
/// </summary>
public sealed class CpTensorFactorization
{
    private readonly int[] _modeSizes;

    /// <summary>A CP factorization with the given mode sizes d_1..d_N (each at least 1, at least one mode) and R = <paramref name="components"/> ≥ 1.</summary>
    public CpTensorFactorization(IReadOnlyList<int> modeSizes, int components)
    {
        if (modeSizes.Count < 1) throw new ArgumentException("a tensor needs at least one mode", nameof(modeSizes));
        if (modeSizes.Any(d => d < 1)) throw new ArgumentException("every mode size must be at least 1", nameof(modeSizes));
        if (components < 1) throw new ArgumentOutOfRangeException(nameof(components), "at least one component is needed");
        _modeSizes = modeSizes.ToArray();
        Components = components;
    }

    /// <summary>The order N (number of modes).</summary>
    public int Order => _modeSizes.Length;

    /// <summary>d_1, …, d_N.</summary>
    public IReadOnlyList<int> ModeSizes => _modeSizes;

    /// <summary>The number of components R.</summary>
    public int Components { get; }

    /// <summary>The symbols of factor <paramref name="mode"/> of component <paramref name="component"/> (both 1-based).</summary>
    public Sym[] Factor(int component, int mode)
    {
        if (component < 1 || component > Components) throw new ArgumentOutOfRangeException(nameof(component));
        if (mode < 1 || mode > Order) throw new ArgumentOutOfRangeException(nameof(mode));
        return Enumerable.Range(1, _modeSizes[mode - 1]).Select(i => SymbolNames.CpFactor(component, mode, i)).ToArray();
    }

    /// <summary>Every factor entry, component by component, mode by mode.</summary>
    public IReadOnlyList<Sym> Parameters()
    {
        var list = new List<Sym>();
        for (int r = 1; r <= Components; r++)
            for (int n = 1; n <= Order; n++)
                list.AddRange(Factor(r, n));
        return list;
    }

    /// <summary>Every multi-index (1-based) of the tensor, last mode fastest.</summary>
    public IEnumerable<int[]> Indices()
    {
        var idx = Enumerable.Repeat(1, Order).ToArray();
        while (true)
        {
            yield return (int[])idx.Clone();
            int m = Order - 1;
            while (m >= 0 && idx[m] == _modeSizes[m]) idx[m--] = 1;
            if (m < 0) yield break;
            idx[m]++;
        }
    }

    /// <summary>The contribution of one component to an entry: <c>∏_n w_r^n[i_n]</c>.</summary>
    public Expr ComponentEntry(int component, IReadOnlyList<int> index) =>
        Expr.Mul(Enumerable.Range(1, Order).Select(n => (Expr)SymbolNames.CpFactor(component, n, index[n - 1])));

    /// <summary>The entry <c>𝒲[i_1, …, i_N] = Σ_r ∏_n w_r^n[i_n]</c> (a flat sum of monomials).</summary>
    public Expr Entry(IReadOnlyList<int> index) =>
        Expr.Add(Enumerable.Range(1, Components).Select(r => ComponentEntry(r, index)));

    /// <summary>"order 3, sizes 2,2,2, R = 2" — for reports.</summary>
    public string Describe() => $"order {Order}, sizes {string.Join(",", _modeSizes)}, R = {Components}";
}
