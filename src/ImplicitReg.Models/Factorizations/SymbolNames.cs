using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Factorizations;

/// <summary>
/// The one naming convention of every derivation, the papers' own, all indices 1-based:
/// entry (r, c) of layer j is <c>W&lt;j&gt;[r,c]</c> (<c>W2[1,3]</c>), of the end-to-end matrix <c>W[r,c]</c>,
/// of the loss gradient <c>G[r,c]</c>; factor n of CP component r has entries <c>w&lt;r&gt;_&lt;n&gt;[i]</c>
/// (<c>w1_2[3]</c>); the symmetric factor is <c>U[i,k]</c> and <c>X = U·Uᵀ</c> has entries <c>X[i,j]</c>.
/// </summary>
public static class SymbolNames
{
    /// <summary>Entry (row, col) of layer j of a deep matrix factorization.</summary>
    public static Sym Layer(int layer, int row, int col) => new($"W{layer}[{row},{col}]");

    /// <summary>Entry (row, col) of the end-to-end matrix W = W_N ⋯ W_1.</summary>
    public static Sym EndToEnd(int row, int col) => new($"W[{row},{col}]");

    /// <summary>Entry (row, col) of the symbolic loss gradient G = ∇L(W).</summary>
    public static Sym Gradient(int row, int col) => new($"G[{row},{col}]");

    /// <summary>Entry i of factor (mode) n of CP component r.</summary>
    public static Sym CpFactor(int component, int mode, int index) => new($"w{component}_{mode}[{index}]");

    /// <summary>Entry (row, col) of the symmetric factor U.</summary>
    public static Sym SymmetricFactor(int row, int col) => new($"U[{row},{col}]");

    /// <summary>Entry (row, col) of X = U·Uᵀ.</summary>
    public static Sym SymmetricProduct(int row, int col) => new($"X[{row},{col}]");

    /// <summary>A matrix of fresh symbols named <c>{name}[r,c]</c>.</summary>
    public static Expr[,] Matrix(string name, int rows, int cols)
    {
        var m = new Expr[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                m[r, c] = new Sym($"{name}[{r + 1},{c + 1}]");
        return m;
    }
}
