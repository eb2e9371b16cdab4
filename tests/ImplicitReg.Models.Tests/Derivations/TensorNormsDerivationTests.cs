using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class TensorNormsDerivationTests
{
    [Fact]
    public void OrderThreeIsProved()
    {
        var d = TensorNormsDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 2)]
    [InlineData(4, 3)]
    public void UnbalancednessIsConservedForOrdersThreeAndFour(int order, int components)
    {
        var d = TensorNormsDerivation.Run(new DerivationOptions { Order = order, Components = components });
        Assert.Equal(Verdict.Proved, d.Steps.Single(s => s.Name == "conserved unbalancedness").Verdict);
        Assert.Equal(Verdict.Proved, d.Conclusion);
    }

    [Fact]
    public void UnequalModeSizesAreProved() =>
        Assert.Equal(Verdict.Proved, TensorNormsDerivation.Run(new DerivationOptions { Dims = [2, 3, 1] }).Conclusion);

    [Theory]
    [InlineData("exponent 2 - 1/N", "-N*rho^(2-1/N)*q")]
    [InlineData("missing factor N", "-rho^(2-2/N)*q")]
    [InlineData("flipped sign", "N*rho^(2-2/N)*q")]
    public void WrongComponentNormOdesAreDisproved(string variant, string published)
    {
        var d = TensorNormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["norm-rate"] = published } });
        Assert.True(d.Conclusion == Verdict.Disproved, $"{variant}: {d.ConclusionText}");
        Assert.NotNull(d.Steps[^1].Witness);
    }
}
