using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Certificates;

public sealed class CrossCheckTests
{
    private sealed class Fixed(SolverOutcome outcome, string name) : ISolverBackend
    {
        public string Name => name;

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            outcome == SolverOutcome.Unknown ? SolverAnswer.Unknown("timeout", TimeSpan.Zero, name) : new(outcome, null, null, TimeSpan.Zero, name);
    }

    private static Verdict ProvedByScript() =>
        new Prover(new Fixed(SolverOutcome.Unsat, "first")).Prove(Obligation.Of("t", Parser.ParseStatement("x^2 >= 0")));

    [Fact]
    public void AnUnknownReplayIsReportedButIsNotADisagreement()
    {
        var r = CrossCheck.Run(ProvedByScript(), [new Fixed(SolverOutcome.Unsat, "a"), new Fixed(SolverOutcome.Unknown, "weak")], TimeSpan.FromSeconds(1));
        Assert.True(r.Agree);
        Assert.Equal("weak", Assert.Single(r.Unanswered).Solver);
    }

    [Fact]
    public void OppositeDefiniteAnswersAreADisagreement()
    {
        var r = CrossCheck.Run(ProvedByScript(), [new Fixed(SolverOutcome.Sat, "wrong")], TimeSpan.FromSeconds(1));
        Assert.False(r.Agree);
        Assert.Contains("wrong sat", Assert.Single(r.Disagreements));
    }

    private sealed class Timed(TimeSpan elapsed, string name) : ISolverBackend
    {
        public string Name => name;

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            new(SolverOutcome.Unsat, null, null, elapsed, name);
    }

    [Fact]
    public void TheReplayTimeIsTheReplaysAloneNotTheProof()
    {
        // The proof's own answer takes 5 s and is listed first; the replays take 2 s and 300 ms.
        var v = new Prover(new Timed(TimeSpan.FromSeconds(5), "first")).Prove(Obligation.Of("t", Parser.ParseStatement("x^2 >= 0")));
        var r = CrossCheck.Run(v, [new Timed(TimeSpan.FromSeconds(2), "a"), new Timed(TimeSpan.FromMilliseconds(300), "b")], TimeSpan.FromSeconds(1));
        Assert.Equal(3, r.Entries.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(2300), r.ReplayTime);
    }

    [RequiresSolversFact("z3", "cvc5")]
    public void Z3AndCvc5ReplayAProofAndARefutation()
    {
        var prover = new Prover(new Z3Backend(), new ProverOptions { Timeout = TimeSpan.FromSeconds(10) });
        // Statements cvc5 1.0.3 decides too (it times out on, e.g., x^2 + y^2 >= 2*x*y: reported, not a disagreement).
        foreach (var (statement, expected) in new[] { ("x^2 >= 0", SolverOutcome.Unsat), ("x^3 > x", SolverOutcome.Sat) })
        {
            var v = prover.Prove(Obligation.Of("t", Parser.ParseStatement(statement)));
            var r = CrossCheck.Run(v, CrossCheck.DefaultReplayers(), TimeSpan.FromSeconds(10));
            Assert.True(r.Agree, string.Join("; ", r.Disagreements));
            Assert.All(r.Entries, e => Assert.Equal(expected, e.Answer.Outcome));
            Assert.Equal(["z3 (in-process)", "z3", "cvc5"], r.Entries.Select(e => e.Solver.StartsWith("z3 4", StringComparison.Ordinal) ? "z3 (in-process)" : e.Solver));
        }
    }
}
