using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Checks;
using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Models.Tests.Derivations.Checks;

public sealed class SumGradientTests
{
    [Fact]
    public void TermByTermGradientEqualsDifferentiatingTheWholeSum()
    {
        var model = new DeepMatrixFactorization([2, 3, 2, 2]);
        var phi = LayerFlow.Objective(model, new GenericLoss(2, 2));
        var g = SumGradient.Of(phi, model.Parameters());
        foreach (var p in model.Parameters()) Assert.Equal(Algebra.Diff(phi, p), g[p]);
    }

    [Fact]
    public void ANonSumAndAbsentVariablesAreHandled()
    {
        var phi = Parser.Parse("(x + y)^2");
        var g = SumGradient.Of(phi, [new Sym("x"), new Sym("z")]);
        Assert.Equal(Algebra.Diff(phi, new Sym("x")), g[new Sym("x")]);
        Assert.Equal(Expr.Zero, g[new Sym("z")]);
    }

    [Fact]
    public void AWrongGradientWouldBeCaught()
    {
        // Negative control for the comparison above: dropping one term changes the gradient.
        var phi = Parser.Parse("x*y + x^2 + y");
        var g = SumGradient.Of(phi, [new Sym("x")]);
        Assert.NotEqual(Algebra.Diff(Parser.Parse("x*y + y"), new Sym("x")), g[new Sym("x")]);
        Assert.Equal(Parser.Parse("2*x + y"), g[new Sym("x")]);
    }

    [Theory]
    [InlineData("3*x^2*y", "x")]
    [InlineData("3*x^2*y", "y")]
    [InlineData("-x*y*z", "z")]
    [InlineData("x", "x")]
    [InlineData("x^5", "x")]
    [InlineData("2*y", "x")]
    public void TheMonomialPowerRuleAgreesWithTheKernelsDiff(string term, string variable)
    {
        var e = Parser.Parse(term);
        Assert.Equal(Algebra.Diff(e, new Sym(variable)), SumGradient.MonomialDerivative(e, new Sym(variable)));
    }

    [Theory]
    [InlineData("x*sin(x)")]
    [InlineData("x^(1/2)*y")]
    [InlineData("(x + y)^2")]
    public void NonMonomialsAreLeftToTheKernel(string term) =>
        Assert.Null(SumGradient.MonomialDerivative(Parser.Parse(term), new Sym("x")));
}
