using ImplicitReg.Models.Factorizations;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Numbers;

namespace ImplicitReg.Models.Tests.Losses;

public sealed class CompletionLossTests
{
    private static readonly Observation[] Observed = [new(1, 2, Rational.One), new(2, 1, Rational.One), new(2, 2, Rational.Zero)];

    [Theory]
    [InlineData(LossScale.HalfSse, "W[1,2] - 1")]
    [InlineData(LossScale.Mse, "2*W[1,2]/3 - 2/3")]
    [InlineData(LossScale.Sse, "2*W[1,2] - 2")]
    public void TheGradientConstantIsDerivedFromTheLossConstant(LossScale scale, string expected)
    {
        var loss = new CompletionLoss(2, 2, Observed, scale);
        var g = loss.GradientAt(SymbolNames.Matrix("W", 2, 2));
        Assert.Equal(expected, g[0, 1].ToString());
        Assert.Equal("0", g[0, 0].ToString());
    }

    [Fact]
    public void AnEntryOutsideTheMatrixIsRejectedWithItsIndices()
    {
        var e = Assert.Throws<ArgumentException>(() => new CompletionLoss(2, 2, [new(3, 1, Rational.One)], LossScale.Sse));
        Assert.Contains("(3,1)", e.Message);
    }

    [Fact]
    public void AnEntryObservedTwiceIsRejected() =>
        Assert.Throws<ArgumentException>(() => new CompletionLoss(2, 2, [new(1, 1, Rational.One), new(1, 1, Rational.Zero)], LossScale.Sse));
}
