using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Losses;

/// <summary>
/// Any differentiable loss, known only through its gradient: <c>∇L(W)</c> is the matrix of independent symbols
/// <c>G[r,c]</c> (evaluated at the current W). Identities proved with it hold for every loss.
/// </summary>
public sealed class GenericLoss : Loss
{
    /// <summary>Any differentiable loss on <paramref name="rows"/> × <paramref name="cols"/> matrices, known only through the symbolic gradient <c>G[r,c]</c> (the setting of M1, M2 and M4).</summary>
    public GenericLoss(int rows, int cols)
    {
        if (rows < 1 || cols < 1) throw new ArgumentException("the matrix must be at least 1×1");
        Rows = rows;
        Cols = cols;
    }

    /// <inheritdoc />
    public override int Rows { get; }

    /// <inheritdoc />
    public override int Cols { get; }

    /// <inheritdoc />
    public override string Describe() => $"any differentiable L, with G = grad L(W) the {Rows}x{Cols} matrix of symbols G[r,c]";

    /// <summary>Always null: the generic loss has no value, only its gradient.</summary>
    public override Expr? Value(Expr[,] endToEnd) => null;

    /// <summary>The matrix of symbols <c>G[r,c]</c>, whatever the end-to-end matrix (of the right shape).</summary>
    public override Expr[,] GradientAt(Expr[,] endToEnd)
    {
        CheckShape(endToEnd);
        return SymbolNames.Matrix("G", Rows, Cols);
    }
}
