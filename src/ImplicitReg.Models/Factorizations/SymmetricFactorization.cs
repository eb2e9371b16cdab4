using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Factorizations;

/// <summary>
/// Symmetric factorization <c>X = U·Uᵀ</c> (Gunasekar et al. 2017, docs/theory.md M8) with U of shape size × rank,
/// entries <c>U[i,k]</c>.
/// </summary>
public sealed class SymmetricFactorization
{
    /// <summary><c>X = U·Uᵀ</c> with X of size <paramref name="size"/> × <paramref name="size"/> and U of <paramref name="size"/> × <paramref name="rank"/> (both at least 1).</summary>
    public SymmetricFactorization(int size, int rank)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), "size must be at least 1");
        if (rank < 1) throw new ArgumentOutOfRangeException(nameof(rank), "rank must be at least 1");
        Size = size;
        Rank = rank;
    }

    /// <summary>X is Size × Size.</summary>
    public int Size { get; }

    /// <summary>U is Size × Rank.</summary>
    public int Rank { get; }

    /// <summary>The symbol matrix U.</summary>
    public Expr[,] Factor()
    {
        var u = new Expr[Size, Rank];
        for (int i = 0; i < Size; i++)
            for (int k = 0; k < Rank; k++)
                u[i, k] = SymbolNames.SymmetricFactor(i + 1, k + 1);
        return u;
    }

    /// <summary>Every entry of U, row-major.</summary>
    public IReadOnlyList<Sym> Parameters() => ExprMatrices.Entries(Factor()).Cast<Sym>().ToList();

    /// <summary>X = U·Uᵀ with entries expanded: <c>X[i,j] = Σ_k U[i,k]·U[j,k]</c>.</summary>
    public Expr[,] Product() => ExprMatrices.Product(Factor(), ExprMatrices.Transpose(Factor()));

    /// <summary>"size 2, rank 2" — for reports.</summary>
    public string Describe() => $"size {Size}, rank {Rank}";
}
