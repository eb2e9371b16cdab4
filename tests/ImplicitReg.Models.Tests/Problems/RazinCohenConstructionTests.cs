using ImplicitReg.Models.Losses;
using ImplicitReg.Models.Problems;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Tests.Problems;

public sealed class RazinCohenConstructionTests
{
    [Fact]
    public void TheTwoByTwoObservesThreeEntriesWithTargetsOneOneZero()
    {
        var p = RazinCohenConstruction.TwoByTwo;
        Assert.Equal([(1, 2, Rational.One), (2, 1, Rational.One), (2, 2, Rational.Zero)], p.Observed.Select(o => (o.Row, o.Col, o.Target)));
        Assert.Null(p.Target(1, 1));
    }

    [Fact]
    public void TheGeneralizationAtTwoByTwoIsTheConstructionItself() =>
        Assert.Equal(RazinCohenConstruction.TwoByTwo.Observed, RazinCohenConstruction.Generalized(2, 2).Observed);

    [Theory]
    [InlineData(3, 3)]
    [InlineData(3, 2)]
    [InlineData(4, 5)]
    public void TheGeneralizationObservesEverythingButTheTopLeftWithTheDiagonalOnes(int rows, int cols)
    {
        var p = RazinCohenConstruction.Generalized(rows, cols);
        Assert.Equal(rows * cols - 1, p.Observed.Count);
        Assert.Equal(2 + Math.Max(0, Math.Min(rows, cols) - 2), p.Observed.Count(o => o.Target.IsOne));
    }

    [Fact]
    public void EverySolutionFitsExactlyAndHasDeterminantMinusOne()
    {
        var x = new Sym("x");
        var w = RazinCohenConstruction.Solution(x);
        var loss = RazinCohenConstruction.TwoByTwo.Loss(LossScale.HalfSse);
        Assert.Equal(Expr.Zero, loss.Value(w));
        Assert.Equal(Expr.MinusOne, Algebra.Expand(Expr.Sub(Expr.Mul(w[0, 0], w[1, 1]), Expr.Mul(w[0, 1], w[1, 0]))));
    }

    [Fact]
    public void AWrongSolutionDoesNotFit() =>
        Assert.NotEqual(Expr.Zero, RazinCohenConstruction.TwoByTwo.Loss(LossScale.HalfSse).Value(new Expr[,] { { Expr.Zero, Expr.One }, { Expr.One, Expr.One } }));

    [Fact]
    public void TheDerivationsUseTheConstructionWhereItFitsAndTheFirstRowOtherwise()
    {
        Assert.Same(RazinCohenConstruction.TwoByTwo.Observed, RazinCohenConstruction.DefaultObservations(3, 2));
        Assert.Equal(3, RazinCohenConstruction.DefaultObservations(1, 3).Count);
    }
}
