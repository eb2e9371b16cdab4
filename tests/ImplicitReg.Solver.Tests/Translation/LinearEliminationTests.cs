using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Translation;

public sealed class LinearEliminationTests
{
    private static (LoweredProblem, IReadOnlyList<Elimination>) Reduce(string statement) =>
        LinearElimination.Apply(Lowering.Apply(Obligation.Of("t", Parser.ParseStatement(statement))));

    [Fact]
    public void TheLossIsEliminatedThroughItsRootNotTheOtherWayRound()
    {
        // docs/theory.md, solving notes: substitute l = s^2/2 where only s = sqrt(2l) is used; l's own definition becomes a constraint.
        var (p, eliminated) = Reduce("l = 1/2*(a^2 + b^2) and l < 1/2 implies sqrt(2*l) < 1");
        var e = Assert.Single(eliminated);
        Assert.Equal("l", e.Symbol.Name);
        Assert.Equal("sqrt.1^2/2", e.Definition.ToString());
        Assert.DoesNotContain(p.Variables, v => v.Name == "l");
        Assert.Contains("sqrt.1^2/2 = a^2/2 + b^2/2", string.Join("; ", p.Assumptions));
    }

    [Fact]
    public void ADefinitionEquationIsSubstitutedEverywhere()
    {
        var (p, eliminated) = Reduce("y = 2*x + 1 implies y^2 >= 0");
        Assert.Equal("y = 2*x + 1", $"{eliminated[0].Symbol} = {eliminated[0].Definition}");
        Assert.Empty(p.Assumptions);
        Assert.Equal("(2*x + 1)^2 >= 0", p.Goal.ToString());
    }

    [Fact]
    public void ANonlinearOccurrenceIsNotEliminated()
    {
        var (_, eliminated) = Reduce("x*y = 1 implies x != 0");
        Assert.Empty(eliminated);
    }

    [Fact]
    public void AnEquationThatZeroesADenominatorIsLeftForTheSolver()
    {
        // x := 1 would turn 1/(x - 1) into a division by zero: the equation stays, beside the domain x - 1 != 0.
        var (p, eliminated) = Reduce("x = 1 implies 1/(x - 1) = 2");
        Assert.Empty(eliminated);
        Assert.Contains("x = 1", p.Assumptions.Select(a => a.ToString()));
        Assert.Contains("x - 1 != 0", p.Domain.Select(d => d.ToString()));
    }

    [Fact]
    public void ABlockedEquationDoesNotStopOtherEliminations()
    {
        var (_, eliminated) = Reduce("y = 2*z and x = 1 implies 1/(x - 1) = y");
        Assert.Equal(["y"], eliminated.Select(e => e.Symbol.Name));
    }
}
