using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Polynomials;

namespace ImplicitReg.Symbolic.Matrices;

public sealed partial class SymMatrix
{
    /// <summary>
    /// The determinant, expanded: fraction-free Bareiss elimination over polynomials (entries that are not
    /// polynomial enter as opaque generators, e.g. <c>1/x</c> or <c>sin(y)</c>, which is exact because
    /// Bareiss's divisions are exact for independent variables).
    /// </summary>
    public Expr Determinant()
    {
        if (!IsSquare) throw new ArgumentException($"determinant of a non-square {Rows}×{Columns} matrix");
        return PolyConversion.ToExpr(PolyMatrix.From(this).Determinant());
    }

    /// <summary>The adjugate adj(A), with adj(A)·A = A·adj(A) = det(A)·I; entries expanded.</summary>
    public SymMatrix Adjugate()
    {
        if (!IsSquare) throw new ArgumentException($"adjugate of a non-square {Rows}×{Columns} matrix");
        var adj = PolyMatrix.From(this).Adjugate();
        return adj.ToSymMatrix();
    }

    /// <summary>A⁻¹ = adj(A)/det(A); a determinant that expands to 0 is a <see cref="SymbolicException"/>.</summary>
    public SymMatrix Inverse()
    {
        if (!IsSquare) throw new ArgumentException($"inverse of a non-square {Rows}×{Columns} matrix");
        var p = PolyMatrix.From(this);
        var det = p.Determinant();
        if (det.IsZero) throw new SymbolicException("the matrix is singular: its determinant expands to 0");
        var inv = Expr.Pow(PolyConversion.ToExpr(det), Expr.MinusOne);
        return p.Adjugate().ToSymMatrix().Map(e => e * inv);
    }
}
