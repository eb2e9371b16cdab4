using ImplicitReg.Models.Problems;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Tests.Problems;

public sealed class CompletionInstanceTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(3, 6)]
    [InlineData(4, 24)]
    public void TheLeibnizExpansionHasDFactorialTermsWithBalancedSigns(int d, int terms)
    {
        var m = new CompletionInstance(d);
        Assert.Equal(terms, m.Permutations.Count);
        Assert.Equal(0, m.Permutations.Sum(p => p.Sign));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TheDeterminantOfEveryExactSolutionIsMinusOneAtSampledX(int d)
    {
        var m = new CompletionInstance(d);
        foreach (var x in new[] { new Rational(-7, 3), Rational.Zero, new Rational(5) })
        {
            var point = new Dictionary<string, Rational> { ["W[1,1]"] = x };
            foreach (var (i, j) in m.Observed) point[$"W[{i},{j}]"] = m.Target(i, j);
            Assert.Equal(Expr.MinusOne, Algebra.EvaluateExact(m.Determinant, point));
        }
    }

    [Fact]
    public void TheDeterminantMatchesTheKnownThreeByThreeFormula()
    {
        var m = new CompletionInstance(3);
        var values = new Rational[,] { { 2, -1, 3 }, { 0, 4, 1 }, { 5, 2, -2 } };
        var point = new Dictionary<string, Rational>();
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++) point[$"W[{i + 1},{j + 1}]"] = values[i, j];
        // 2(4*(-2) - 1*2) - (-1)(0*(-2) - 1*5) + 3(0*2 - 4*5) = -20 - 5 - 60 = -85
        Assert.Equal(Num.Of(-85), Algebra.EvaluateExact(m.Determinant, point));
    }

    [Fact]
    public void TheObservedSetIsEverythingButTheTopLeftEntry()
    {
        var m = new CompletionInstance(4);
        Assert.Equal(15, m.Observed.Count());
        Assert.DoesNotContain((1, 1), m.Observed);
        Assert.Equal(4, m.Observed.Count(o => m.Target(o.I, o.J) == 1)); // (1,2), (2,1), (3,3), (4,4)
    }
}
