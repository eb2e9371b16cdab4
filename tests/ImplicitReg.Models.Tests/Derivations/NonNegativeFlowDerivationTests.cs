using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class NonNegativeFlowDerivationTests
{
    [Fact]
    public void TheFlowAndClosedFormAreProved()
    {
        var d = NonNegativeFlowDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    // d/dt x = 2u·u̇ = −4x·∇L and ∇L = 2c·Aᵀr, so κ = 8c.
    [Theory]
    [InlineData(LossScale.HalfSse, "4")]
    [InlineData(LossScale.Sse, "8")]
    [InlineData(LossScale.Mse, "4")]
    public void TheConstantIsEightTimesTheLossConstant(LossScale scale, string kappa)
    {
        var d = NonNegativeFlowDerivation.Run(new DerivationOptions { Loss = scale });
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Assert.Equal(kappa, d.Steps.Single(s => s.Name == "x flow").Equations[0].RhsText);
    }

    [Fact]
    public void AMissingConstantIsDisproved() =>
        Assert.Equal(Verdict.Disproved, NonNegativeFlowDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["kappa"] = "2*c" } }).Conclusion);
}
