using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class CommutingClosedFormDerivationTests
{
    [Fact]
    public void TheClosedFormSolvesTheFlow()
    {
        var d = CommutingClosedFormDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    [Fact]
    public void ThreeByThreeWithThreeMeasurementsIsProved() =>
        Assert.Equal(Verdict.Proved, CommutingClosedFormDerivation.Run(new DerivationOptions { Dims = [3], Components = 3 }).Conclusion);

    [Theory]
    [InlineData("exponent", "-2*kappa*S")]
    [InlineData("exponent", "kappa*S")]
    [InlineData("kappa", "2*c")]
    public void AWrongExponentOrConstantIsDisproved(string key, string formula) =>
        Assert.Equal(Verdict.Disproved, CommutingClosedFormDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = formula } }).Conclusion);

    // Negative controls for the start: a constant in the exponent still solves the flow (its derivative is 0), but
    // the closed form then starts at exp(A*(c)) X0 exp(A*(c)), not X0; only the start step tells them apart.
    [Theory]
    [InlineData("-kappa*S + 1")]
    [InlineData("-kappa*(S - 1/2)")]
    public void AClosedFormFromTheWrongStartIsDisproved(string exponent)
    {
        var d = CommutingClosedFormDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["exponent"] = exponent } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.Equal(Verdict.Proved, d.Steps.Single(s => s.Name == "solves the flow").Verdict);
        Assert.Equal(Verdict.Disproved, d.Steps.Single(s => s.Name == "starts at X0").Verdict);
    }
}
