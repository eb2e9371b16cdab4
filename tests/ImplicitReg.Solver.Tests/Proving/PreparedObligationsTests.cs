using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;

namespace ImplicitReg.Solver.Tests.Proving;

/// <summary>A prover lowers each obligation once: later requests, its own solving and a lemma chain's steps share the cases.</summary>
public sealed class PreparedObligationsTests
{
    private static Obligation Of(string name, string statement, params string[] assumptions) =>
        Obligation.Of(name, Parser.ParseStatement(statement), assumptions.Select(Parser.ParseStatement));

    /// <summary>
    /// Answers unsat to every case and keeps every case it was asked (no libz3 needed); the prover's question whether the
    /// premises hold somewhere (goal false) is answered sat, so proofs are not vacuous, and kept apart.
    /// </summary>
    private sealed class Recording : ISolverBackend
    {
        public List<LoweredProblem> Asked { get; } = [];

        public List<LoweredProblem> PremisesAsked { get; } = [];

        public string Name => "recording";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default)
        {
            if (problem.Goal is BoolConst { Value: false })
            {
                lock (PremisesAsked) PremisesAsked.Add(problem);
                return new SolverAnswer(SolverOutcome.Sat, null, null, TimeSpan.Zero, Name);
            }
            lock (Asked) Asked.Add(problem);
            return new SolverAnswer(SolverOutcome.Unsat, null, null, TimeSpan.Zero, Name);
        }
    }

    [Fact]
    public void EqualObligationsBuiltApartShareOneLowering()
    {
        var prover = new Prover(new Recording());
        var first = prover.Prepare(Of("t", "abs(x) >= y", "y <= 0", "x*y = 1"));
        // Built again from the text, and not normalized: the same value, so the same cases (not a copy).
        var again = prover.Prepare(new Obligation("t", [Parser.ParseStatement("y <= 0")], Parser.ParseStatement("x*y = 1 implies abs(x) >= y")));
        Assert.Equal(2, first.Count);
        Assert.Same(first, again);
        // Negative controls: another name (the cases carry it), another assumption order (certificates list it), another prover.
        var renamed = prover.Prepare(Of("u", "abs(x) >= y", "y <= 0", "x*y = 1"));
        Assert.NotSame(first, renamed);
        Assert.StartsWith("u", renamed[0].Case.Name, StringComparison.Ordinal);
        Assert.NotSame(first, prover.Prepare(Of("t", "abs(x) >= y", "x*y = 1", "y <= 0")));
        // Another goal under the same name and assumptions: its own cases, not the first obligation's (a key that left the
        // goal out would hand back the cases of x*y = 1 ⇒ |x| ≥ y for a different claim).
        var otherGoal = prover.Prepare(Of("t", "abs(x) >= 2*y", "y <= 0", "x*y = 1"));
        Assert.NotSame(first, otherGoal);
        Assert.NotEqual(first.Select(c => c.Case.Goal), otherGoal.Select(c => c.Case.Goal));
        // Another assumption in the same place: its own cases too.
        Assert.NotSame(first, prover.Prepare(Of("t", "abs(x) >= y", "y <= 1", "x*y = 1")));
        Assert.NotSame(first, new Prover(new Recording()).Prepare(Of("t", "abs(x) >= y", "y <= 0", "x*y = 1")));
    }

    [Fact]
    public void ProvingSolvesTheCasesThatWerePrepared()
    {
        var backend = new Recording();
        var prover = new Prover(backend);
        var obligation = Of("t", "abs(x) >= x");
        var prepared = prover.Prepare(obligation);
        Assert.True(prover.Prove(obligation).IsProved);
        Assert.Equal(prepared.Select(c => c.Problem), backend.Asked);
        Assert.All(prepared.Zip(backend.Asked), p => Assert.Same(p.First.Problem, p.Second));
    }

    [Fact]
    public void AChainSolvesEachStepAsItsDomainCheckLoweredIt()
    {
        // The chain lowers every step to compare its domain with the statement's before solving it: the solver must get
        // those very problems (lowered once), and a later Prepare of a step (as prove's certificates do) them again.
        var backend = new Recording();
        var prover = new Prover(backend);
        var statement = Of("claim", "abs(W) * sqrt(l) >= 0", "l >= 1");
        LemmaChain.Lemma L(string text) => new(Parser.ParseStatement(text), []);
        List<LemmaChain.Lemma> lemmas = [L("sqrt(l) >= 1"), L("abs(W) >= 0")];
        var verdict = new LemmaChain(prover).Prove(statement, lemmas);
        Assert.True(verdict.IsProved, verdict.Reason);
        var steps = LemmaChain.Steps(statement, lemmas);
        Assert.Equal(3, steps.Count);
        var cases = steps.SelectMany(s => prover.Prepare(s)).Select(c => c.Problem).ToList();
        Assert.Equal(cases.Count, backend.Asked.Count);
        Assert.All(cases.Zip(backend.Asked), p => Assert.Same(p.First, p.Second));
    }

    [Fact]
    public void ManyThreadsAskingForOneObligationGetOneLowering()
    {
        var prover = new Prover(new Recording());
        var results = new IReadOnlyList<PreparedCase>[16];
        Parallel.For(0, results.Length, i => results[i] = prover.Prepare(Of("t", "abs(x - y) <= abs(x) + abs(y)")));
        Assert.All(results, r => Assert.Same(results[0], r));
    }

    [Fact]
    public void AnObligationOutsideExactArithmeticIsRefusedEveryTime()
    {
        var prover = new Prover(new Recording());
        var first = Assert.Throws<UntranslatableException>(() => prover.Prepare(Of("t", "exp(x) >= 1 + x")));
        var second = Assert.Throws<UntranslatableException>(() => prover.Prepare(Of("t", "exp(x) >= 1 + x")));
        Assert.Equal(first.Message, second.Message);
        Assert.NotSame(first, second);
    }
}
