using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class ScalarChainDerivationTests
{
    [Fact]
    public void TheScalarChainIsProvedForSymbolicN()
    {
        var d = ScalarChainDerivation.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        // Text and LaTeX snapshots of the default case: DerivationRegistryTests.
    }

    [Theory]
    [InlineData("exponent 2 - 1/N", "d/dt sigma = -N*sigma^(2-1/N)*dL")]
    [InlineData("missing factor N", "d/dt sigma = -sigma^(2-2/N)*dL")]
    [InlineData("flipped sign", "d/dt sigma = N*sigma^(2-2/N)*dL")]
    [InlineData("exponent 2 - 2*N", "d/dt sigma = -N*sigma^(2-2*N)*dL")]
    public void WrongVariantsAreDisprovedWithAWitness(string variant, string published)
    {
        var d = ScalarChainDerivation.Run(Rate(published));
        Assert.True(d.Conclusion == Verdict.Disproved, $"{variant}: {d.ConclusionText}");
        Assert.Contains("at ", d.Steps[^1].Witness);
        // The witness lies where the claim is made: an integer depth N >= 1 and sigma > 0 (never N = -5 or 19/6).
        var n = System.Text.RegularExpressions.Regex.Match(d.Steps[^1].Witness!, @"N = (-?[0-9/]+)").Groups[1].Value;
        Assert.True(int.TryParse(n, out var depth) && depth >= 1, $"{variant}: witness {d.Steps[^1].Witness}");
        Assert.DoesNotMatch(@"sigma = -", d.Steps[^1].Witness!);
    }

    // dL = L'(sigma) is a gradient value and can be negative: |dL| and (dL^2)^(1/2) differ from dL there, so a
    // formula hiding the sign must never be proved (only a and sigma are assumed positive).
    [Theory]
    [InlineData("abs(dL)", "d/dt sigma = -N*sigma^(2-2/N)*abs(dL)")]
    [InlineData("(dL^2)^(1/2)", "d/dt sigma = -N*sigma^(2-2/N)*(dL^2)^(1/2)")]
    [InlineData("(dL^2)^(N/(2*N))", "d/dt sigma = -N*sigma^(2-2/N)*(dL^2)^(N/(2*N))")]
    public void FormulasThatHideTheSignOfTheGradientAreNotProved(string variant, string published)
    {
        var d = ScalarChainDerivation.Run(Rate(published));
        Assert.True(d.Conclusion == Verdict.Disproved, $"{variant}: {d.Conclusion}: {d.ConclusionText}");
    }

    [Fact]
    public void AbsOfTheAssumedPositiveSigmaIsStillProved() =>
        Assert.Equal(Verdict.Proved, ScalarChainDerivation.Run(Rate("d/dt sigma = -N*abs(sigma)^(2-2/N)*dL")).Conclusion);

    private static DerivationOptions Rate(string published) =>
        new() { Published = new Dictionary<string, string> { ["rate"] = published[(published.IndexOf('=') + 1)..].Trim() } };
}
