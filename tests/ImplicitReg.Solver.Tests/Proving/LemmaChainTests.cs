using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Proving;

public sealed class LemmaChainTests
{
    private static Verdict Prove(string statement, string[] lemmas, ISolverBackend? backend = null, params string[] assumptions)
    {
        var prover = new Prover(backend ?? new Z3Backend(), new ProverOptions { Timeout = TimeSpan.FromSeconds(10) });
        var obligation = Obligation.Of("claim", Parse(statement, out var domain), [.. domain, .. assumptions.Select(Parser.ParseStatement)]);
        var parsed = lemmas.Select(l => new LemmaChain.Lemma(Parse(l, out var d), d)).ToList();
        return new LemmaChain(prover).Prove(obligation, parsed);
    }

    private static Statement Parse(string text, out IReadOnlyList<Statement> domain)
    {
        var s = Parser.ParseStatementWithDomain(text, out var conditions);
        domain = [.. conditions];
        return s;
    }

    [RequiresZ3Fact]
    public void AChainOfTrueLemmasProvesTheStatementUnderThemWithEachLemmaProvedFirst()
    {
        var v = Prove("x^4 + 1 >= 2*x^2", ["(x^2 - 1)^2 >= 0", "x^4 - 2*x^2 + 1 >= 0"]);
        Assert.Equal(VerdictKind.Proved, v.Kind);
        Assert.Equal(2, v.Lemmas.Count);
        Assert.All(v.Lemmas, l => Assert.Equal(VerdictKind.Proved, l.Kind));
        Assert.NotNull(v.Step);
        Assert.Null(v.ChainFailure);
        // The last step assumes both lemmas; lemma 2 assumes lemma 1.
        Assert.Equal(2, v.Step!.Assumptions.Count);
        Assert.Single(v.Lemmas[1].Obligation.Assumptions);
    }

    [RequiresZ3Fact]
    public void AFalseLemmaNeverProvesAFalseStatementTheStatementAloneIsRefuted()
    {
        // Negative control: the false lemma would make the false statement follow.
        var v = Prove("x >= 1", ["x >= 1"]);
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.StartsWith("lemma 1 is false: counterexample", v.ChainFailure);
        Assert.Null(v.Step);
        Assert.True(v.Counterexample!.Confirmation is Confirmation.Exact or Confirmation.HighPrecision);
    }

    [RequiresZ3Fact]
    public void AFalseLemmaWithAnUndecidedStatementIsUnknownWithTheLemmasCounterexampleNeverProved()
    {
        // The statement alone is undecided (the backend gives up on it): the false lemma must not prove it.
        var v = Prove("x^2 >= 0", ["x >= 1"], new GivesUpOn("claim"));
        Assert.Equal(VerdictKind.Unknown, v.Kind);
        Assert.Contains("lemma 1 is false: counterexample", v.Reason);
        Assert.Contains("the statement alone: ", v.Reason);
    }

    [RequiresZ3Fact]
    public void AnUndecidedLastStepFallsBackToTheStatementAloneAndSaysWhy()
    {
        var v = Prove("x^2 >= 0", ["x^2 + 1 >= 1"], new GivesUpOn("claim"));
        Assert.Equal(VerdictKind.Unknown, v.Kind);
        Assert.Contains("the statement under the lemmas is not proved", v.Reason);
    }

    [RequiresZ3Fact]
    public void AFalseStatementWithTrueLemmasIsRefutedWithACounterexampleConfirmedOnTheStatementAlone()
    {
        var v = Prove("x^2 >= 2*x", ["x^2 - 2*x + 1 >= 0"]);
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.NotNull(v.Step);
        var point = v.Counterexample!.Values.ToDictionary(kv => kv.Key, kv => kv.Value);
        var x = point["x"].Lower;
        Assert.True(x * x < 2 * x, $"x = {x} does not falsify x^2 >= 2*x");
    }

    [RequiresZ3Fact]
    public void AWrongBoundWithPlausibleLemmasIsStillRefuted()
    {
        // AM-GM with the constant 3 instead of 2: each lemma true and on topic, the bound false.
        var v = Prove("a^2 + b^2 >= 3*a*b", ["(a - b)^2 >= 0", "a^2 + b^2 >= 2*a*b"]);
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.All(v.Lemmas, l => Assert.Equal(VerdictKind.Proved, l.Kind));
    }

    [RequiresZ3Fact]
    public void ALemmaThatNeedsASmallerDomainThanTheStatementDoesNotCount()
    {
        // sqrt(x) is defined only for x >= 0: proving x^2 >= 0 under it would prove it there only.
        var v = Prove("x^2 + x >= x", ["sqrt(x) >= 0"]);
        Assert.Contains("which the statement does not", v.ChainFailure);
        Assert.Null(v.Step);
        Assert.Equal(VerdictKind.Proved, v.Kind);
    }

    [Fact]
    public void APremiseThatIsAlreadyAnAssumptionIsDroppedWhenALemmaIsAssumed()
    {
        var lemma = new LemmaChain.Lemma(Parser.ParseStatement("x > 0 and y > 0 implies x*y > 0"), []);
        var assumed = LemmaChain.Assumed(lemma, [Parser.ParseStatement("x > 0")]);
        Assert.Equal(Parser.ParseStatement("y > 0 implies x*y > 0"), assumed);
        Assert.Equal(Parser.ParseStatement("x*y > 0"), LemmaChain.Assumed(lemma, [Parser.ParseStatement("y > 0"), Parser.ParseStatement("x > 0")]));
    }

    // Z3, except that it gives up on the obligations with the given name (the statement's own cases).
    private sealed class GivesUpOn(string name) : ISolverBackend
    {
        private readonly Z3Backend _z3 = new();

        public string Name => "z3 giving up on " + name;

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            problem.Name.StartsWith(name, StringComparison.Ordinal)
                ? SolverAnswer.Unknown("gave up (test backend)", TimeSpan.Zero, Name)
                : _z3.Check(problem, timeout, cancel);
    }
}
