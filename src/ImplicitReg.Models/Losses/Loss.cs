using ImplicitReg.Models.Factorizations;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Losses;

/// <summary>
/// A loss L on the end-to-end matrix W. Concrete losses have a value, and their gradient G = ∇L(W) is
/// derived from it by the kernel (<see cref="Algebra.Diff(Expr, Sym)"/>); the generic loss is known only
/// through a symbolic gradient.
/// </summary>
public abstract class Loss
{
    /// <summary>Rows of the matrix the loss is defined on.</summary>
    public abstract int Rows { get; }

    /// <summary>Columns of the matrix the loss is defined on.</summary>
    public abstract int Cols { get; }

    /// <summary>One line stating the loss exactly, e.g. <c>L(W) = 1/2 * Σ_Ω (W[i,j] - b[i,j])^2</c>.</summary>
    public abstract string Describe();

    /// <summary>L at the given end-to-end matrix, or null when the loss is known only through its gradient.</summary>
    public abstract Expr? Value(Expr[,] endToEnd);

    /// <summary>
    /// ∇L evaluated at the given end-to-end matrix. For a loss with a value: differentiate L in fresh symbols
    /// <c>W[a,b]</c>, then substitute the given entries (so the constant comes out of the kernel).
    /// </summary>
    public virtual Expr[,] GradientAt(Expr[,] endToEnd)
    {
        CheckShape(endToEnd);
        var w = SymbolNames.Matrix("W", Rows, Cols);
        var value = Value(w) ?? throw new InvalidOperationException("a loss without a value must override GradientAt");
        var bind = new Dictionary<Expr, Expr>();
        for (int a = 0; a < Rows; a++)
            for (int b = 0; b < Cols; b++)
                bind[w[a, b]] = endToEnd[a, b];
        var g = new Expr[Rows, Cols];
        for (int a = 0; a < Rows; a++)
            for (int b = 0; b < Cols; b++)
                g[a, b] = Algebra.Substitute(Algebra.Diff(value, (Sym)w[a, b]), bind);
        return g;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="endToEnd"/> is <see cref="Rows"/> × <see cref="Cols"/>.</summary>
    protected void CheckShape(Expr[,] endToEnd)
    {
        if (endToEnd.GetLength(0) != Rows || endToEnd.GetLength(1) != Cols)
            throw new ArgumentException($"the loss is defined on {Rows}×{Cols} matrices, got {endToEnd.GetLength(0)}×{endToEnd.GetLength(1)}");
    }
}
