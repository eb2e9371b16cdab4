using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

/// <summary>Every registered derivation, in its default case: proved, and its text and LaTeX snapshotted.</summary>
public sealed class DerivationRegistryTests
{
    public static TheoryData<string> Names() => new(DerivationRegistry.All.Select(d => d.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryDerivationIsProvedInItsDefaultCaseAndItsTextIsStable(string name)
    {
        var d = DerivationRegistry.Find(name)!.Run(DerivationOptions.Defaults);
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Snapshot.Verify(DerivationText.Render(d), ("name", name));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryDerivationsLatexIsStable(string name)
    {
        var d = DerivationRegistry.Find(name)!.Run(DerivationOptions.Defaults);
        var latex = DerivationLatex.Render(d);
        Assert.Equal(latex.Split(@"\begin{align*}").Length, latex.Split(@"\end{align*}").Length);
        Snapshot.Verify(latex, ("name", name));
    }

    [Fact]
    public void NamesAreUniqueAndEveryClaimOfSectionTwoIsCovered()
    {
        var names = DerivationRegistry.All.Select(d => d.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        var claims = DerivationRegistry.All.Select(d => d.Claim).ToHashSet();
        foreach (var claim in new[] { "M1", "M2", "M3", "M4", "M5", "M7", "M8" }) Assert.Contains(claim, claims);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void EveryDerivationListsItsPublishedFormulasAndRefusesAnUnknownKey(string name)
    {
        var info = DerivationRegistry.Find(name)!;
        Assert.NotEmpty(info.Published);
        Assert.Equal(info.Published.Count, info.Published.Select(p => p.Key).Distinct().Count());
        Assert.All(info.Published, p => Assert.False(string.IsNullOrWhiteSpace(p.Default)));
        var e = Assert.Throws<DerivationOptionException>(() => info.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["no-such-key"] = "0" } }));
        Assert.Contains(info.Published[0].Key, e.Message);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void CheckAcceptsTheDefaultsAndRefusesWhatRunRefusesWithTheSameMessage(string name)
    {
        var info = DerivationRegistry.Find(name)!;
        info.Check(DerivationOptions.Defaults);
        // Each paper formula with an extra factor 'zz' the derivation does not bind: Check says what Run says.
        foreach (var paper in info.Published)
        {
            // With a loss, so layer-flow's gradient formula is used too.
            var options = new DerivationOptions { Loss = ImplicitReg.Models.Losses.LossScale.HalfSse, Published = new Dictionary<string, string> { [paper.Key] = Unbound(paper.Default) } };
            var check = Assert.Throws<DerivationOptionException>(() => info.Check(options));
            Assert.Contains("'zz'", check.Message);
            Assert.Equal(check.Message, Assert.Throws<DerivationOptionException>(() => info.Run(options)).Message);
        }
    }

    // closed-forms writes equations "sigma... = rhs": the factor goes on the right side.
    private static string Unbound(string formula) => formula.Contains('=', StringComparison.Ordinal) ? formula + "*zz" : $"({formula})*zz";

    [Theory]
    [InlineData("balancedness", 13, "--depth must be between 1 and 12, got 13")]
    [InlineData("diagonal-dynamics", 9, "--depth must be between 1 and 8, got 9")]
    [InlineData("determinant", 7, "--depth must be between 1 and 6, got 7")]
    [InlineData("layer-flow", 0, "--depth must be between 1 and 12, got 0")]
    public void CheckRefusesADepthAboveTheDerivationsLimitWithoutDerivingAnything(string name, int depth, string message)
    {
        var info = DerivationRegistry.Find(name)!;
        Assert.Equal(message, Assert.Throws<DerivationOptionException>(() => info.Check(new DerivationOptions { Depth = depth })).Message);
        info.Check(new DerivationOptions { Depth = 2 }); // negative control
    }

    [Fact]
    public void LatexEscapesTextAndTypesetsRates()
    {
        Assert.Equal(@"a\_b \^{} 50\%", DerivationLatex.Text("a_b ^ 50%"));
        var eq = Equation.Rate(new ImplicitReg.Symbolic.Core.Sym("W2[1,3]"), ImplicitReg.Symbolic.Core.Expr.Zero);
        Assert.StartsWith(@"\frac{d}{dt} W2_{1,3} &= 0", DerivationLatex.Equation(eq));
    }
}
