using ImplicitReg.Models.Derivations;

namespace ImplicitReg.Models.Tests.Derivations;

/// <summary>
/// The negative control shared by the derivations that take M4's singular-value rate: the unsigned
/// <c>sigma^(2-2/N)</c> for <c>(sigma^2)^(1-1/N)</c> agrees at every positive sigma and is wrong at a negative one
/// (for N = 2 the rate's sign flips), so at depth 2 only the derivation's step at a negative point may disprove it.
/// </summary>
internal static class UnsignedRate
{
    public const string Formula = "-N*sigma^(2-2/N)*Gii";

    /// <summary>Runs <paramref name="run"/> at depth 2 with the unsigned rate as <paramref name="key"/> and asserts where it fails.</summary>
    public static void IsDisprovedOnlyAtTheNegativePoint(Func<DerivationOptions, Derivation> run, string key, string positiveStep, string negativeStep, string witnessMark)
    {
        var d = run(new DerivationOptions { Depth = 2, Published = new Dictionary<string, string> { [key] = Formula } });
        Assert.Equal(Verdict.Disproved, d.Conclusion);
        Assert.Equal(Verdict.Proved, d.Steps.Single(s => s.Name == positiveStep).Verdict);
        var negative = d.Steps.Single(s => s.Name == negativeStep);
        Assert.Equal(Verdict.Disproved, negative.Verdict);
        Assert.Contains(witnessMark, negative.Witness);
    }
}
