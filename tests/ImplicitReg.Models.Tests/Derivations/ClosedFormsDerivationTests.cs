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

    // The first four do not solve the ODE. The others do (a constant multiple of a solution of d/dt sigma = sigma*g is
    // one, and for N >= 3 so is a shifted sigma^e): only sigma(0) = s0 tells them apart, the start's negative controls.
    [Theory]
    [InlineData("N = 1", "depth-1", "sigma = s0 + 2*I", "d/dt sigma - rhs")]
    [InlineData("N = 2", "depth-2", "sigma = s0*exp(-I)", "d/dt sigma - rhs")]
    [InlineData("N >= 3", "depth-n", "sigma^(1/N - 1) = s0^(1/N - 1) + (1/N - 1)*I", "d/dt sigma - rhs")]
    [InlineData("N >= 3", "depth-n", "sigma^(2/N - 1) = s0^(2/N - 1) + (1 - 2/N)*I", "d/dt sigma - rhs")]
    [InlineData("N = 1", "depth-1", "sigma = 2*s0 + I", "sigma at I = 0")]
    [InlineData("N = 2", "depth-2", "sigma = 2*s0*exp(I)", "sigma at I = 0")]
    [InlineData("N = 2", "depth-2", "sigma = exp(I)", "sigma at I = 0")]
    [InlineData("N >= 3", "depth-n", "sigma^(2/N - 1) = 2*s0^(2/N - 1) + (2/N - 1)*I", "sigma at I = 0")]
    public void AWrongClosedFormIsDisproved(string label, string key, string wrong, string failing)
    {
        var d = ClosedFormsDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { [key] = wrong } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        var step = d.Steps.Single(s => s.Name.StartsWith(label, StringComparison.Ordinal));
        Assert.Equal(Verdict.Disproved, step.Verdict);
        Assert.Contains($"{label}: {failing}", step.Witness, StringComparison.Ordinal);
    }
}
