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
}
