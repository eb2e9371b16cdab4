using ImplicitReg.Models.Derivations;

namespace ImplicitReg.Models.Tests.Derivations;

public sealed class VerdictsTests
{
    [Fact]
    public void TheWeakestCheckVerdictWins()
    {
        Assert.Equal(Verdict.Proved, Verdicts.Weakest([Verdict.Proved, Verdict.Proved]));
        Assert.Equal(Verdict.NumericOnly, Verdicts.Weakest([Verdict.Proved, Verdict.NumericOnly]));
        Assert.Equal(Verdict.Disproved, Verdicts.Weakest([Verdict.NumericOnly, Verdict.Disproved, Verdict.Proved]));
    }

    // An assumption or a derived step is not a check: combining it must not yield "proved".
    [Theory]
    [InlineData(Verdict.Assumed)]
    [InlineData(Verdict.Derived)]
    [InlineData(Verdict.Definition)]
    public void AStepThatIsNotACheckCannotDecideAConclusion(Verdict v) =>
        Assert.Throws<ArgumentException>(() => Verdicts.Weakest([Verdict.Proved, v]));
}
