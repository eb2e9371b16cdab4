using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class ClosedFormsDerivationTests
{
    [Fact]
    public void EveryClosedFormSolvesItsOde()
    {
        var d = ClosedFormsDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Assert.All(d.Steps.Skip(1), s => Assert.Equal(Verdict.Proved, s.Verdict));
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    [Theory]
    [InlineData("N = 1", "depth-1", "sigma = s0 + 2*I")]
    [InlineData("N = 2", "depth-2", "sigma = s0*exp(-I)")]
    [InlineData("N >= 3", "depth-n", "sigma^(1/N - 1) = s0^(1/N - 1) + (1/N - 1)*I")]
    [InlineData("N >= 3", "depth-n", "sigma^(2/N - 1) = s0^(2/N - 1) + (1 - 2/N)*I")]
    public void AWrongClosedFormIsDisproved(string label, string key, string wrong)
    {
        var d = ClosedFormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = wrong } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.Equal(Verdict.Disproved, d.Steps.Single(s => s.Name.StartsWith(label, StringComparison.Ordinal)).Verdict);
    }

    // Negative controls for the start: each of these solves the ODE (a constant multiple of a solution of
    // d/dt sigma = sigma*g is one, and for N >= 3 so is a shifted sigma^e), so only sigma(0) = s0 tells them apart.
    [Theory]
    [InlineData("N = 1", "depth-1", "sigma = 2*s0 + I")]
    [InlineData("N = 2", "depth-2", "sigma = 2*s0*exp(I)")]
    [InlineData("N = 2", "depth-2", "sigma = exp(I)")]
    [InlineData("N >= 3", "depth-n", "sigma^(2/N - 1) = 2*s0^(2/N - 1) + (2/N - 1)*I")]
    public void AClosedFormFromTheWrongStartIsDisproved(string label, string key, string wrong)
    {
        var d = ClosedFormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = wrong } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        var step = d.Steps.Single(s => s.Name.StartsWith(label, StringComparison.Ordinal));
        Assert.Equal(Verdict.Disproved, step.Verdict);
        Assert.Contains("sigma at I = 0", step.Witness, StringComparison.Ordinal);
    }
}
