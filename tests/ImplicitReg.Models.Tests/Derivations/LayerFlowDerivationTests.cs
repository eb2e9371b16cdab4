using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Models.Losses;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class LayerFlowDerivationTests
{
    [Fact]
    public void TheDefaultCaseIsProved()
    {
        var d = LayerFlowDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    [Fact]
    public void AConcreteHalfSseLossIsProvedAndItsTextIsStable()
    {
        var d = LayerFlowDerivation.Run(new DerivationOptions { Depth = 2, Loss = LossScale.HalfSse });
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Snapshot.Verify(DerivationText.Render(d));
    }

    [Theory]
    [InlineData("2,3,3,2")]
    [InlineData("3,1,2")]
    [InlineData("2,2,2,2,2")]
    public void AnyShapesAreProved(string dims)
    {
        var d = LayerFlowDerivation.Run(new DerivationOptions { Dims = dims.Split(',').Select(int.Parse).ToArray() });
        Assert.Equal(Verdict.Proved, d.Conclusion);
    }

    [Fact]
    public void AFlippedSignIsDisprovedWithAWitness()
    {
        var d = LayerFlowDerivation.Run(new DerivationOptions { Depth = 3 }, sign: -1);
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.Contains("at ", d.Steps[^1].Witness);
    }

    [Theory]
    [InlineData(LossScale.HalfSse, LossScale.Sse)]
    [InlineData(LossScale.Mse, LossScale.HalfSse)]
    [InlineData(LossScale.Sse, LossScale.Mse)]
    public void TheWrongLossConstantIsDisproved(LossScale derivedWith, LossScale publishedWith)
    {
        var d = LayerFlowDerivation.Run(new DerivationOptions { Depth = 2, Loss = derivedWith }, publishedLoss: publishedWith);
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.NotNull(d.Steps[^1].Witness);
    }

    [Fact]
    public void TheRightLossConstantPassedExplicitlyIsStillProved() =>
        Assert.Equal(Verdict.Proved, LayerFlowDerivation.Run(new DerivationOptions { Depth = 2, Loss = LossScale.Mse }, publishedLoss: LossScale.Mse).Conclusion);
}
