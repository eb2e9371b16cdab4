using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Models.Losses;

/// <summary>
/// Any differentiable loss, known only through its gradient: <c>∇L(W)</c> is the matrix of independent symbols
/// <c>G[r,c]</c> (evaluated at the current W). Identities proved with it hold for every loss.
/// </summary>
public sealed class GenericLoss : Loss
{
    public GenericLoss(int rows, int cols)
    {
        if (rows < 1 || cols < 1) throw new ArgumentException("the matrix must be at least 1×1");
        Rows = rows;
        Cols = cols;
    }

    public override int Rows { get; }

    public override int Cols { get; }

    public override string Describe() => $"any differentiable L, with G = grad L(W) the {Rows}x{Cols} matrix of symbols G[r,c]";

    public override Expr? Value(Expr[,] endToEnd) => null;

    public override Expr[,] GradientAt(Expr[,] endToEnd)
    {
        CheckShape(endToEnd);
        return SymbolNames.Matrix("G", Rows, Cols);
    }
}
