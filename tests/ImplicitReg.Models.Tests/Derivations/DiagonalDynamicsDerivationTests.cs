using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class DiagonalDynamicsDerivationTests
{
    [Fact]
    public void TheDefaultCaseIsProved()
    {
        var d = DiagonalDynamicsDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(5)]
    public void EveryConcreteDepthIsProved(int depth) =>
        Assert.Equal(Verdict.Proved, DiagonalDynamicsDerivation.Run(new DerivationOptions { Depth = depth }).Conclusion);

    [Theory]
    [InlineData("exponent 2 - 1/N", "-N*(sigma^2)^(1-1/(2*N))*Gii")]
    [InlineData("missing factor N", "-(sigma^2)^(1-1/N)*Gii")]
    [InlineData("flipped sign", "N*(sigma^2)^(1-1/N)*Gii")]
    public void WrongVariantsAreDisproved(string variant, string published)
    {
        var d = DiagonalDynamicsDerivation.Run(new DerivationOptions { Depth = 3, Published = new Dictionary<string, string> { ["rate"] = published } });
        Assert.True(d.Conclusion == Verdict.Disproved, $"{variant}: {d.ConclusionText}");
        Assert.NotNull(d.Steps[^1].Witness);
    }

    // G[i,i] is a gradient entry of either sign: only a[i] > 0 is assumed, so hiding its sign is not proved.
    [Theory]
    [InlineData("abs(Gii)", "-N*(sigma^2)^(1-1/N)*abs(Gii)")]
    [InlineData("(Gii^2)^(1/2)", "-N*(sigma^2)^(1-1/N)*(Gii^2)^(1/2)")]
    [InlineData("(sigma*Gii)^(1/N)*...", "-N*(sigma^2)^(1-1/N)*(sigma*Gii)^(1/N)*sigma^(-1/N)")]
    public void FormulasThatHideTheSignOfTheGradientAreNotProved(string variant, string published)
    {
        var d = DiagonalDynamicsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["rate"] = published } });
        Assert.True(d.Conclusion == Verdict.Disproved, $"{variant}: {d.Conclusion}: {d.ConclusionText}");
    }

    [Fact]
    public void AbsOfThePositiveSingularValueIsStillProved() =>
        Assert.Equal(Verdict.Proved, DiagonalDynamicsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["rate"] = "-N*(abs(sigma)^2)^(1-1/N)*Gii" } }).Conclusion);

    // M4 is about signed singular values: sigma^(2-2/N) instead of (sigma^2)^(1-1/N) agrees at every positive sigma
    // and is wrong at a negative one (for N = 2 the rate's sign flips). Only the signed point tells them apart.
    [Fact]
    public void TheUnsignedRateIsDisprovedAtANegativeSingularValue() =>
        UnsignedRate.IsDisprovedOnlyAtTheNegativePoint(DiagonalDynamicsDerivation.Run, "rate", "published formula", "a negative singular value", "at the signed point");

    [Fact]
    public void NonSquareLayersAreRejectedWithTheFix()
    {
        var e = Assert.Throws<DerivationOptionException>(() => DiagonalDynamicsDerivation.Run(new DerivationOptions { Dims = [2, 3, 2] }));
        Assert.Contains("equal --dims", e.Message);
    }
}
