using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Matrices;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Symbolic.Tests.Matrices;

public sealed class SymMatrixTests
{
    [Fact]
    public void FreshMatricesUseOneBasedIndexedSymbolNames()
    {
        var w = SymMatrix.Fresh("W1", 2, 3);
        Assert.Equal(new Sym("W1[1,1]"), w[0, 0]);
        Assert.Equal(new Sym("W1[2,3]"), w[1, 2]);
        Assert.Equal(w[1, 2], Parser.Parse("W1[2,3]"));
    }

    [Fact]
    public void DeterminantIsMultiplicativeForSymbolic3x3()
    {
        var a = SymMatrix.Fresh("A", 3, 3);
        var b = SymMatrix.Fresh("B", 3, 3);
        var lhs = (a * b).Determinant();
        var rhs = Algebra.Expand(a.Determinant() * b.Determinant());
        Assert.Equal(rhs, lhs);
        Assert.NotEqual(Algebra.Expand(a.Determinant() + b.Determinant()), lhs); // negative control
    }

    [Fact]
    public void AdjugateTimesMatrixIsDeterminantTimesIdentity()
    {
        var a = SymMatrix.Fresh("A", 3, 3);
        var lhs = (a.Adjugate() * a).Expand();
        var rhs = (a.Determinant() * SymMatrix.Identity(3)).Expand();
        Assert.Equal(rhs, lhs);
        Assert.Equal(rhs, (a * a.Adjugate()).Expand());
        Assert.NotEqual(rhs, (a.Transpose().Adjugate() * a).Expand()); // negative control
    }

    [Fact]
    public void DeterminantOf2x2IsTheTextbookFormula()
    {
        var m = SymMatrix.FromRows([Parser.Parse("a"), Parser.Parse("b")], [Parser.Parse("c"), Parser.Parse("d")]);
        Assert.Equal(Parser.Parse("a*d - b*c"), m.Determinant());
    }

    [Fact]
    public void DeterminantPivotsPastAZeroLeadingEntry()
    {
        var m = SymMatrix.FromRows(
            [Expr.Zero, Parser.Parse("x"), Expr.One],
            [Parser.Parse("y"), Expr.Zero, Expr.Zero],
            [Expr.One, Expr.One, Parser.Parse("z")]);
        Assert.Equal(Parser.Parse("-x*y*z + y"), m.Determinant());
    }

    [Fact]
    public void InverseTimesMatrixIsTheIdentity()
    {
        var a = SymMatrix.FromRows([Parser.Parse("x"), Expr.One], [Expr.One, Parser.Parse("y")]);
        var product = a.Inverse() * a;
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
                Assert.Equal(EqualityVerdict.ProvedEqual, Algebra.Equal(product[r, c], r == c ? Expr.One : Expr.Zero).Verdict);
        var singular = SymMatrix.FromRows([Parser.Parse("x"), Parser.Parse("y")], [Parser.Parse("2*x"), Parser.Parse("2*y")]);
        Assert.Throws<SymbolicException>(() => singular.Inverse());
    }

    [Fact]
    public void FrobeniusInnerProductIsTraceOfTransposeProduct()
    {
        var a = SymMatrix.Fresh("A", 2, 3);
        var b = SymMatrix.Fresh("B", 2, 3);
        Assert.Equal(Algebra.Expand((a.Transpose() * b).Trace()), SymMatrix.FrobeniusInner(a, b));
    }

    [Fact]
    public void ShapeMismatchesAreRejected()
    {
        var a = SymMatrix.Fresh("A", 2, 3);
        Assert.Throws<ArgumentException>(() => a * a);
        Assert.Throws<ArgumentException>(() => a + a.Transpose());
        Assert.Throws<ArgumentException>(() => a.Determinant());
    }
}
