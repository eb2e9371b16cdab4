using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Verdicts;

public sealed class CounterexampleTests
{
    /// <summary>A backend that answers whatever it is told: to test what the prover does with each answer.</summary>
    private sealed class ScriptedBackend(SolverOutcome outcome, Dictionary<string, ModelValue>? model = null, string? reason = null) : ISolverBackend
    {
        public string Name => "scripted";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            new(outcome, model, reason, TimeSpan.Zero, "scripted");
    }

    private static Verdict Prove(ISolverBackend backend, string statement) =>
        new Prover(backend).Prove(Obligation.Of("t", Parser.ParseStatement(statement)));

    [Fact]
    public void ACounterexampleThatDoesNotFalsifyTheStatementIsReportedAsABug()
    {
        // x = 3 satisfies x^2 > 2*x: a solver claiming it as a counterexample is wrong, and the kernel says so.
        var v = Prove(new ScriptedBackend(SolverOutcome.Sat, new() { ["x"] = ModelValue.Exact(3) }), "x^2 > 2*x");
        Assert.Equal(VerdictKind.InvalidCounterexample, v.Kind);
        Assert.Equal(Confirmation.Invalid, v.Counterexample!.Confirmation);
        Assert.Contains("bug", v.Reason);
    }

    [Fact]
    public void ACounterexampleTheKernelConfirmsIsARefutation()
    {
        var v = Prove(new ScriptedBackend(SolverOutcome.Sat, new() { ["x"] = ModelValue.Exact(1) }), "x^2 > 2*x");
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(Confirmation.Exact, v.Counterexample!.Confirmation);
        Assert.Equal("x = 1", v.Counterexample.ToString());
    }

    [Fact]
    public void UnknownIsNeverReportedAsProved()
    {
        var v = Prove(new ScriptedBackend(SolverOutcome.Unknown, reason: "timeout"), "x^2 >= 0");
        Assert.Equal(VerdictKind.Unknown, v.Kind);
        Assert.False(v.IsProved);
        Assert.Equal("timeout", v.Reason);
    }

    [Fact]
    public void OneUnknownCaseMakesTheWholeObligationUnknown()
    {
        var calls = 0;
        var backend = new DelegateBackend(_ => ++calls == 1
            ? new SolverAnswer(SolverOutcome.Unsat, null, null, TimeSpan.Zero, "d")
            : SolverAnswer.Unknown("incomplete", TimeSpan.Zero, "d"));
        var v = Prove(backend, "abs(x) >= 0");
        Assert.Equal(2, calls);
        Assert.Equal(VerdictKind.Unknown, v.Kind);
        Assert.Contains("[x < 0]: incomplete", v.Reason);
    }

    [Fact]
    public void EliminatedSymbolsAreValuedFromTheirOriginalDefinitionExactly()
    {
        // The solver eliminated l through sqrt.1 (l = sqrt.1^2/2); l is still reported exactly from l = (a^2 + b^2)/2.
        var model = new Dictionary<string, ModelValue> { ["a"] = ModelValue.Exact(1), ["b"] = ModelValue.Exact(0), ["sqrt.1"] = ModelValue.Exact(1) };
        var v = Prove(new ScriptedBackend(SolverOutcome.Sat, model), "l = 1/2*(a^2 + b^2) implies sqrt(2*l) < 1");
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal("a = 1, b = 0, l = 1/2", v.Counterexample!.ToString());
    }

    private sealed class DelegateBackend(Func<LoweredProblem, SolverAnswer> answer) : ISolverBackend
    {
        public string Name => "delegate";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) => answer(problem);
    }
}
