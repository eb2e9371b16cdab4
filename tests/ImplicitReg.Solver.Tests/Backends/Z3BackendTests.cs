using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Tests.Testing;
using ImplicitReg.Solver.Native;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Backends;

public sealed class Z3BackendTests
{
    private static LoweredProblem M6BoundCase()
    {
        var statement = Parser.ParseStatement(
            "l = 1/2*((W[1,2] - 1)^2 + (W[2,1] - 1)^2 + W[2,2]^2) and l < 1/2 and W[1,1]*W[2,2] - W[1,2]*W[2,1] > 0 implies abs(W[1,1]) > (1 - sqrt(2*l))^2/sqrt(2*l)");
        return new Prover(new Z3Backend()).Prepare(Obligation.Of("m6c", statement))[0].Problem;
    }

    [Theory]
    [InlineData(Z3Plan.Auto)]
    [InlineData(Z3Plan.Nlsat)]
    [InlineData(Z3Plan.Default)]
    public void EveryPortfolioHasOneFixedStrategyAsItsDeterministicForm(Z3Plan plan)
    {
        // Which attempt of a portfolio answers first varies with timing, and so does the model: a search that must give
        // the same witness on every run asks qfnra-nlsat on the natural order alone.
        var portfolio = new Z3Backend(plan);
        var deterministic = Assert.IsType<Z3Backend>(((ISolverBackend)portfolio).Deterministic);
        Assert.Equal([new Z3Attempt(Z3Strategy.Nlsat, AssertionOrder.Natural)], deterministic.Attempts);
        Assert.True(portfolio.Attempts.Count > 1, "negative control: the portfolio itself races several attempts");
    }

    [RequiresZ3Fact]
    public void ThePortfolioDecidesWhatOneAssertionOrderCannot()
    {
        // Measured: qfnra-nlsat runs past 10 s on the natural order of this case and decides it in ~30 ms reversed.
        var problem = M6BoundCase();
        var naturalOnly = new Z3Backend([new Z3Attempt(Z3Strategy.Nlsat, AssertionOrder.Natural)]);
        Assert.Equal(SolverOutcome.Unknown, naturalOnly.Check(problem, TimeSpan.FromSeconds(1)).Outcome);
        var answer = new Z3Backend().Check(problem, TimeSpan.FromSeconds(10));
        Assert.Equal(SolverOutcome.Unsat, answer.Outcome);
        Assert.Equal(AssertionOrder.Reversed, answer.Order);
    }

    [RequiresZ3Fact]
    public void EveryAttemptTimingOutIsUnknownWithTheReason()
    {
        var theorem = HardStatements.ThreeByThreeBound;
        var problem = new Prover(new Z3Backend()).Prepare(Obligation.Of("hard", theorem))[0].Problem;
        var answer = new Z3Backend().Check(problem, TimeSpan.FromMilliseconds(200));
        Assert.Equal(SolverOutcome.Unknown, answer.Outcome);
        Assert.Equal("timeout (every strategy ran out of time)", answer.Reason);
        Assert.Null(answer.Model);
    }

    [RequiresZ3Fact]
    public void ManyConcurrentTimeoutsNeitherHangNorDeadlock()
    {
        // With Z3's own timeout parameter, concurrent timeouts once deadlocked inside Z3 4.8.12's scoped_timer and
        // hung the test host (rare: about one full test run in three). The watchdog's interrupts must always come
        // back; this smoke test exercises the concurrent path, it cannot force the old race.
        var theorem = HardStatements.ThreeByThreeBound;
        var problem = new Prover(new Z3Backend()).Prepare(Obligation.Of("hard", theorem))[0].Problem;
        var runs = Enumerable.Range(0, 6)
            .Select(i => Task.Run(() => new Z3Backend().Check(problem, TimeSpan.FromMilliseconds(50 + 30 * i))))
            .ToArray();
        Assert.True(Task.WaitAll(runs, TimeSpan.FromSeconds(60)), "concurrent checks did not return: a deadlock");
        Assert.All(runs, r => Assert.Equal(SolverOutcome.Unknown, r.Result.Outcome));
    }

    [RequiresZ3Fact]
    public void ModelsGiveEveryVariableIncludingAuxiliaries()
    {
        var problem = new Prover(new Z3Backend()).Prepare(Obligation.Of("t", Parser.ParseStatement("sqrt(x^2 + 1) < 2")))[0].Problem;
        var answer = new Z3Backend().Check(problem, TimeSpan.FromSeconds(10));
        Assert.Equal(SolverOutcome.Sat, answer.Outcome);
        Assert.Equal(["sqrt.1", "x"], answer.Model!.Keys.Order(StringComparer.Ordinal));
    }
}
