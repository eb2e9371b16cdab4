using ImplicitReg.Models.Derivations;
using ImplicitReg.Models.Derivations.Rendering;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class DeterminantDerivationTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void TheSignIsKeptForDepthTwoAndMoreAndTheTextIsStable(int depth)
    {
        var d = DeterminantDerivation.Run(new DerivationOptions { Depth = depth });
        Assert.Equal(Verdict.Proved, d.Conclusion);
        Assert.Equal(Verdict.Proved, d.Steps.Single(s => s.Name == "Jacobi's formula").Verdict);
        // The sign argument rests on the closed-forms check, run for it, not on prose alone.
        var argument = d.Steps.Single(s => s.Name == $"N = {depth}: no singular value reaches 0");
        Assert.Equal(ClosedFormsDerivation.Run(DerivationOptions.Defaults).Conclusion, argument.Verdict);
        Assert.Contains("derive closed-forms, run here, verdict proved", argument.Reason);
        Snapshot.Verify(DerivationText.Render(d), ("depth", depth));
    }

    [Fact]
    public void DepthOneIsTheNegativeControlAndIsDisprovedWithAWitness()
    {
        var d = DeterminantDerivation.Run(new DerivationOptions { Depth = 1 });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.Contains("d/dt detW = 1, not 0", d.Steps[^1].Witness);
        // The step names the statement its verdict is about: "det(W) keeps its sign" is what is disproved
        // (a step named "det(W) can reach 0 [disproved]" would say the opposite of what it shows).
        Assert.Equal("N = 1: det(W) keeps its sign", d.Steps[^1].Name);
        Assert.Equal(Verdict.Disproved, d.Steps[^1].Verdict);
        Snapshot.Verify(DerivationText.Render(d));
    }

    [Fact]
    public void ThreeByThreeLayersAreProved() =>
        Assert.Equal(Verdict.Proved, DeterminantDerivation.Run(new DerivationOptions { Dims = [3, 3, 3] }).Conclusion);

    [Theory]
    [InlineData("-sigma^(2-2/N)*Gii")]
    [InlineData("N*sigma^(2-2/N)*Gii")]
    public void AWrongSingularValueRateInTheProductFormIsDisproved(string rate) =>
        Assert.Equal(Verdict.Disproved, DeterminantDerivation.Run(new DerivationOptions { Published = new Dictionary<string, string> { ["sigma-rate"] = rate } }).Conclusion);

    // The layers are diag(a) with a[i] > 0 (the derivation's assumption, under which powers are combined): a witness
    // is looked for there only, so the control without its factor N is refuted at positive a[i], at depth 3 too.
    [Fact]
    public void AWitnessHasThePositiveLayerEntriesTheDerivationAssumes()
    {
        var d = DeterminantDerivation.Run(new DerivationOptions { Depth = 3, Published = new Dictionary<string, string> { ["sigma-rate"] = "-(sigma^2)^(1-1/N)*Gii" } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        var witness = d.Steps.First(s => s.Verdict == Verdict.Disproved).Witness!;
        var entries = System.Text.RegularExpressions.Regex.Matches(witness, @"a\[\d\] = (-?[0-9/]+)");
        Assert.NotEmpty(entries);
        Assert.All(entries, m => Assert.False(m.Groups[1].Value.StartsWith('-'), witness));
    }

    // M5 is about the sign of det(W): M4's sigma^(2-2/N) instead of (sigma^2)^(1-1/N) agrees at every positive
    // singular value and is wrong at a negative one (for N = 2 the product form's sign flips). Only the negative
    // determinant tells them apart.
    [Fact]
    public void TheUnsignedRateIsDisprovedAtANegativeDeterminant() =>
        UnsignedRate.IsDisprovedOnlyAtTheNegativePoint(DeterminantDerivation.Run, "sigma-rate", "balanced diagonal trajectory", "a negative determinant", "at the negative determinant");

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    [InlineData(2, 3)]
    public void TheSignedRateHoldsAtTheNegativeDeterminant(int depth, int size)
    {
        var d = DeterminantDerivation.Run(new DerivationOptions { Depth = depth, Dims = [.. Enumerable.Repeat(size, depth + 1)] });
        Assert.Equal(Verdict.Proved, d.Steps.Single(s => s.Name == "a negative determinant").Verdict);
    }
}
