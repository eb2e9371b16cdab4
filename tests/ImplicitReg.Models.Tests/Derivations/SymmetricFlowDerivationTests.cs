using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Models.Losses;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class SymmetricFlowDerivationTests
{
    [Fact]
    public void TheDefaultCaseIsProved()
    {
        var d = SymmetricFlowDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    // κ = 4c: the ½ of the loss and the two symmetric gradient terms; MSE over m = 3 measurements gives 4/3.
    [Theory]
    [InlineData(LossScale.HalfSse, 2, "2")]
    [InlineData(LossScale.Sse, 2, "4")]
    [InlineData(LossScale.Mse, 3, "4/3")]
    public void TheConstantIsDerivedFromTheLoss(LossScale scale, int measurements, string kappa)
    {
        var d = SymmetricFlowDerivation.Run(new DerivationOptions { Loss = scale, Components = measurements });
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Assert.Equal(kappa, d.Steps.Single(s => s.Name == "the constant").Equations[0].RhsText);
    }

    [Fact]
    public void TheWrongLossConstantIsDisproved()
    {
        // Negative control: kappa = 1 (the formula as printed, without its constant) for the half-sse loss.
        var d = SymmetricFlowDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["kappa"] = "2*c" } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.NotNull(d.Steps.Single(s => s.Name == "the constant").Witness);
    }

    [Theory]
    [InlineData("gradient-form", "-(G + G^T)^T*U^T")]
    [InlineData("gradient-form", "-G*U")]
    [InlineData("x-flow", "-kappa*(Astar*X - X*Astar)")]
    [InlineData("u-flow", "-kappa*U*Astar")]
    public void AWrongPublishedMatrixFormulaIsDisproved(string key, string formula) =>
        Assert.Equal(Verdict.Disproved, SymmetricFlowDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = formula } }).Conclusion);
}
