using ImplicitReg.Claims.Loading;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Claims.Tests.Loading;

/// <summary>
/// What a check's data can be judged on is judged when the file loads (a load error at its line, exit 2), not when
/// the check runs (an error verdict, exit 1): compare step counts, published formulas, derivation sizes.
/// </summary>
public sealed class LoadTimeValidationTests
{
    private static ClaimDiagnosticText Single(string checks, RunLimits? limits = null)
    {
        var loaded = ClaimLoader.Load(ClaimText.Header + checks, "t.yaml", "t", limits);
        Assert.Null(loaded.Claim);
        var d = Assert.Single(loaded.Diagnostics);
        Assert.DoesNotContain("Exception", d.Message);
        return new ClaimDiagnosticText(d.Line, d.Message);
    }

    private sealed record ClaimDiagnosticText(int Line, string Message);

    [Fact]
    public void ACompareHorizonOfTooManyStepsIsALoadErrorAtTheTimeKey()
    {
        var d = Single("  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options:\n      time: 1e9\n      lr: 0.01\n    order: [0.9, 1.1]\n");
        Assert.Equal(12, d.Line);
        Assert.StartsWith("options.time/options.lr: 1E+11 steps at the largest rate is too many (at most 10000000)", d.Message);
    }

    [Fact]
    public void ACompareHorizonThatIsNotAWholeNumberOfStepsIsALoadError()
    {
        var d = Single("  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options: {time: 1.005, lr: 0.01}\n    order: [0.9, 1.1]\n");
        Assert.Contains("must be a whole number of steps of 0.01", d.Message);
        // Negative control: a whole number of steps loads.
        Assert.True(ClaimText.Load(ClaimText.Header + "  - id: c\n    kind: compare\n    expect: holds\n    compare: flow-vs-gd\n    options: {time: 1, lr: 0.01}\n    order: [0.9, 1.1]\n").Ok);
    }

    [Theory]
    [InlineData("scalar-chain", "rate", "-N*sigma^(2-2/N*dL")]
    [InlineData("balancedness", "conserved", "W(j+1)^T*W(j+1) - Wj*Wj^T +")]
    public void APublishedFormulaThatDoesNotParseIsALoadErrorAtItsLine(string derivation, string key, string formula)
    {
        var check = $"  - id: d\n    kind: derive\n    expect: holds\n    derivation: {derivation}\n    published:\n      {key}: \"{formula}\"\n";
        var d = Single(check);
        Assert.Equal(12, d.Line);
        Assert.StartsWith($"published.{key} does not parse: ", d.Message);
        // Negative control: the paper's formula itself loads.
        var paper = Models.Derivations.DerivationRegistry.Find(derivation)!.Published.Single(p => p.Key == key).Default;
        Assert.True(ClaimText.Load(ClaimText.Header + check.Replace(formula, paper, StringComparison.Ordinal)).Ok);
    }

    [Fact]
    public void ADerivationOverTheWorkLimitOfDeriveIsALoadErrorAtItsOptions()
    {
        const string check = "  - id: d\n    kind: derive\n    expect: holds\n    derivation: balancedness\n    options: {depth: 30}\n";
        var d = Single(check, new RunLimits());
        Assert.Equal(11, d.Line);
        Assert.StartsWith("options are too large: balancedness would expand about", d.Message);
        Assert.Contains("choose a smaller depth or smaller dims", d.Message);
        // Negative control: depth 4 fits.
        Assert.True(ClaimLoader.Load(ClaimText.Header + check.Replace("30", "4", StringComparison.Ordinal), "t.yaml", "t", new RunLimits()).Ok);
    }
}
