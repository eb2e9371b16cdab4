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
        var d = LayerFlowDerivation.Run(new DerivationOptions { Depth = 3, Published = new Dictionary<string, string> { ["flow"] = "(W[N:j+1])^T*G*(W[j-1:1])^T" } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.Contains("at ", d.Steps[^1].Witness);
    }

    // The published gradient with another constant than the loss's: 1/2 for sse, 1/|Omega| for half-sse, 1 for mse.
    [Theory]
    [InlineData(LossScale.HalfSse, "2*(W - b)")]
    [InlineData(LossScale.Mse, "W - b")]
    [InlineData(LossScale.Sse, "2/3*(W - b)")]
    [InlineData(LossScale.HalfSse, "c*(W - b)")]
    public void TheWrongLossConstantIsDisproved(LossScale derivedWith, string gradient)
    {
        var d = LayerFlowDerivation.Run(new DerivationOptions { Depth = 2, Loss = derivedWith, Published = new Dictionary<string, string> { ["gradient"] = gradient } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.NotNull(d.Steps[^1].Witness);
    }

    [Theory]
    [InlineData(LossScale.Mse, "2/3*(W - b)")]
    [InlineData(LossScale.Sse, "2*(W - b)")]
    [InlineData(LossScale.HalfSse, "W - b")]
    public void TheRightLossConstantWrittenOutIsStillProved(LossScale loss, string gradient) =>
        Assert.Equal(Verdict.Proved, LayerFlowDerivation.Run(new DerivationOptions { Depth = 2, Loss = loss, Published = new Dictionary<string, string> { ["gradient"] = gradient } }).Conclusion);

    [Theory]
    [InlineData("-(W[N:j+1])*G*(W[j-1:1])^T", "transpose missing on the left factor")]
    [InlineData("-(W[N:j])^T*G*(W[j-1:1])^T", "the left product includes W_j")]
    [InlineData("-G", "no layer factors")]
    public void AWrongLayerTemplateIsDisprovedOrRejected(string flow, string what)
    {
        try
        {
            var d = LayerFlowDerivation.Run(new DerivationOptions { Dims = [2, 2, 2, 2], Published = new Dictionary<string, string> { ["flow"] = flow } });
            Assert.True(d.Conclusion == Verdict.Disproved, what);
        }
        catch (DerivationOptionException e)
        {
            Assert.Contains("'flow'", e.Message); // a shape that cannot even be formed is bad input naming the key
        }
    }

    [Fact]
    public void AnUnknownPublishedKeyIsBadInputListingTheKnownOnes()
    {
        var e = Assert.Throws<DerivationOptionException>(() => LayerFlowDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["flows"] = "-G" } }));
        Assert.Contains("flow, gradient", e.Message);
    }

    [Fact]
    public void ASyntaxErrorInThePublishedFormulaNamesTheKeyAndColumn()
    {
        var e = Assert.Throws<DerivationOptionException>(() => LayerFlowDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["flow"] = "-(W[N:j+1]^T*G" } }));
        Assert.Contains("'flow'", e.Message);
        Assert.Contains("column", e.Message);
    }
}
