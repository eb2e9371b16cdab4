using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Translation;

public sealed class AbsCaseSplitTests
{
    [Fact]
    public void EachAbsoluteValueSplitsIntoItsTwoSignCases()
    {
        var cases = AbsCaseSplit.Apply(Obligation.Of("t", Parser.ParseStatement("abs(x) + abs(y) >= abs(x + y)")));
        Assert.Equal(8, cases.Count);
        Assert.All(cases, c => Assert.DoesNotContain("abs", c.ToString()));
        // The first case: x >= 0 and y >= 0 and x + y >= 0, where the claim reads x + y >= x + y.
        Assert.Contains(cases, c => c.Assumptions.Select(a => a.ToString()).SequenceEqual(["x + y >= 0", "y >= 0", "x >= 0"]));
    }

    [Fact]
    public void BeyondTheLimitAbsoluteValuesAreLeftForTheLowering()
    {
        var cases = AbsCaseSplit.Apply(Obligation.Of("t", Parser.ParseStatement("abs(a) + abs(b) + abs(c) + abs(d) + abs(e) >= 0")));
        Assert.Equal(1 << AbsCaseSplit.MaxSplits, cases.Count);
        Assert.All(cases, c => Assert.Contains("abs", c.Goal.ToString()));
    }

    [Fact]
    public void TheCaseConditionsCoverTheLine()
    {
        // e >= 0 and e < 0: every real point falls in exactly one case, so proving all cases proves the claim.
        var cases = AbsCaseSplit.Apply(Obligation.Of("t", Parser.ParseStatement("abs(x - 1) >= 0")));
        Assert.Equal(["x - 1 >= 0", "x - 1 < 0"], cases.Select(c => c.Assumptions[0].ToString()));
    }

    [Fact]
    public void ACaseWhereATermDividesByZeroIsDroppedNotACrash()
    {
        // Where x >= 0, abs(x) - x is 0: 1/(abs(x) - x) is undefined at every point of that case, so only x < 0 is left.
        var c = Assert.Single(AbsCaseSplit.Apply(Obligation.Of("t", Parser.ParseStatement("1/(abs(x) - x) > 0"))));
        Assert.Equal("x < 0", c.Assumptions[0].ToString());
    }

    [Fact]
    public void AStatementUndefinedInEverySignCaseIsRefused()
    {
        // 1/(abs(x) - x) needs x < 0, 1/(abs(x) + x) needs x > 0: defined nowhere, so nothing may be proved of it.
        var e = Assert.Throws<UntranslatableException>(() =>
            AbsCaseSplit.Apply(Obligation.Of("t", Parser.ParseStatement("1/(abs(x) - x) + 1/(abs(x) + x) > 0"))));
        Assert.Contains("nowhere defined", e.Message);
    }
}
