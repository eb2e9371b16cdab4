using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Tests.Testing;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Proving;

public sealed class ProverTests
{
    private static Verdict Prove(string statement, int timeoutMs = 10_000, params string[] assumptions) =>
        new Prover(new Z3Backend(), new ProverOptions { Timeout = TimeSpan.FromMilliseconds(timeoutMs) })
            .Prove(Obligation.Of("t", Parser.ParseStatement(statement), assumptions.Select(Parser.ParseStatement)));

    [RequiresZ3Theory]
    [InlineData("x^2 - 2*x + 1 >= 0")]
    [InlineData("a^2 + b^2 >= 2*a*b")]
    [InlineData("(x + y)/2 >= sqrt(x*y)", "x >= 0", "y >= 0")]
    [InlineData("abs(x + y) <= abs(x) + abs(y)")]
    [InlineData("x/(1 + x^2) <= 1/2")]
    [InlineData("sign(x)*x = abs(x)")]
    public void TrueInequalitiesAreProved(string statement, params string[] assumptions)
    {
        var v = Prove(statement, 10_000, assumptions);
        Assert.True(v.IsProved, $"{v.Kind}: {v.Reason}");
    }

    [RequiresZ3Theory]
    [InlineData("x^2 - 2*x + 1 > 0", "x = 1")]
    [InlineData("a^2 + b^2 > 2*a*b", "")]
    [InlineData("(x + y)/2 > sqrt(x*y)", "")]
    [InlineData("x/(1 + x^2) < 1/2", "x = 1")]
    [InlineData("sign(x) = 1", "x = 0")]
    public void FalseVariantsAreRefutedWithAConfirmedCounterexample(string statement, string expected)
    {
        var v = Prove(statement, 10_000, "x >= 0", "y >= 0");
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.True(v.Counterexample!.Confirmation is Confirmation.Exact or Confirmation.HighPrecision);
        if (expected.Length > 0) Assert.Contains(expected, v.Counterexample.ToString());
    }

    [RequiresZ3Theory]
    [InlineData("sqrt(-1 - x^2) = 7")]                 // defined nowhere
    [InlineData("1 = 2 or sqrt(-1 - x^2) = 7")]        // one term defined nowhere makes the whole statement so
    [InlineData("x < 0 implies sqrt(x) = 5")]          // the premise contradicts where sqrt(x) is defined
    [InlineData("x = 1 implies 1/(x - 1) = 2")]        // the premise zeroes the denominator (was an internal error)
    [InlineData("x^(1/3) = -2 implies x = -8")]        // a real cube root is never negative
    [InlineData("x^2 < 0 implies 1 = 2")]              // premises that hold nowhere, whatever the terms
    public void AStatementWhosePremisesHoldNowhereIsNotProved(string statement)
    {
        var v = Prove(statement);
        Assert.Equal(VerdictKind.Unknown, v.Kind);
        Assert.True(v.Vacuous);
        Assert.Contains("vacuously", v.Reason);
        Assert.All(v.Cases, c => Assert.Equal(SolverOutcome.Unsat, c.Answer.Outcome)); // every case is "proved": only the check above stops it
    }

    [RequiresZ3Theory]
    [InlineData("x/x = 1")]
    [InlineData("x > 0 implies sqrt(x)^2 = x")]
    [InlineData("1/(abs(x) - x) > 0")]                  // defined (and true) only where x < 0
    [InlineData("x = 0 or 1/x != 0")]
    public void APremiseThatHoldsSomewhereKeepsTheProof(string statement)
    {
        var v = Prove(statement);
        Assert.True(v.IsProved, $"{v.Kind}: {v.Reason}");
        Assert.False(v.Vacuous);
    }

    /// <summary>Unsat for every case; <paramref name="premises"/> for the question whether the premises hold somewhere.</summary>
    private sealed class PremisesAnswer(SolverOutcome premises) : ISolverBackend
    {
        public int PremiseQueries { get; private set; }

        public string Name => "scripted";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default)
        {
            if (problem.Goal is not Symbolic.Core.BoolConst { Value: false })
                return new SolverAnswer(SolverOutcome.Unsat, null, null, TimeSpan.Zero, Name);
            PremiseQueries++;
            return premises == SolverOutcome.Unknown ? SolverAnswer.Unknown("timeout", TimeSpan.Zero, Name)
                : new SolverAnswer(premises, null, null, TimeSpan.Zero, Name);
        }
    }

    [Theory]
    [InlineData(SolverOutcome.Unsat, VerdictKind.Unknown)]   // premises proved inconsistent: vacuous, never proved
    [InlineData(SolverOutcome.Sat, VerdictKind.Proved)]      // a point where they hold: the proof stands
    [InlineData(SolverOutcome.Unknown, VerdictKind.Proved)]  // undecided: only a proof of inconsistency counts
    public void OnlyPremisesProvedInconsistentMakeAProofVacuous(SolverOutcome premises, VerdictKind expected)
    {
        var backend = new PremisesAnswer(premises);
        var v = new Prover(backend).Prove(Obligation.Of("t", Parser.ParseStatement("1/x > 0"), [Parser.ParseStatement("x > 0")]));
        Assert.Equal(expected, v.Kind);
        Assert.Equal(premises == SolverOutcome.Unsat, v.Vacuous);
        Assert.Equal(1, backend.PremiseQueries);
    }

    [Fact]
    public void AStatementWithoutPremisesOrDomainAsksNothingMore()
    {
        var backend = new PremisesAnswer(SolverOutcome.Unsat);
        Assert.True(new Prover(backend).Prove(Obligation.Of("t", Parser.ParseStatement("x^2 >= 0"))).IsProved);
        Assert.Equal(0, backend.PremiseQueries);
    }

    /// <summary>A backend answering sat with a fixed model, that counts its calls and names its deterministic form.</summary>
    private sealed class Scripted(IReadOnlyDictionary<string, ModelValue> model, ISolverBackend? deterministic = null) : ISolverBackend
    {
        public int Calls { get; private set; }

        public string Name => "scripted";

        public ISolverBackend Deterministic => deterministic ?? this;

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default)
        {
            Calls++;
            return new SolverAnswer(SolverOutcome.Sat, model, null, TimeSpan.Zero, Name);
        }
    }

    /// <summary>
    /// A deterministic form answering sat with <paramref name="first"/> at its first call (the model of the refuted
    /// case) and with <paramref name="later"/> afterwards (the rational-witness search's pinned queries).
    /// </summary>
    private sealed class FirstThen(SolverAnswer first, SolverAnswer later) : ISolverBackend
    {
        public int Calls { get; private set; }

        public string Name => "first-then";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            Calls++ == 0 ? first : later;
    }

    private static SolverAnswer Sat(ModelValue x) =>
        new(SolverOutcome.Sat, new Dictionary<string, ModelValue> { ["x"] = x }, null, TimeSpan.Zero, "scripted");

    private static ModelValue NearThreeHalves => ModelValue.Algebraic(Rational.Parse("1.49"), Rational.Parse("1.51"), "1.5?");

    [Fact]
    public void TheRationalWitnessIsSoughtWithTheBackendsDeterministicForm()
    {
        // The deterministic form's counterexample x in [1.49, 1.51] is algebraic; its later answers complete the pinned
        // x = 3/2, and the kernel confirms that point exactly. The portfolio is asked once, for the refutation only.
        var exact = new FirstThen(Sat(NearThreeHalves), Sat(ModelValue.Exact(Rational.Parse("3/2"))));
        var portfolio = new Scripted(new Dictionary<string, ModelValue> { ["x"] = ModelValue.Exact(Rational.Parse("5")) }, exact);
        var v = new Prover(portfolio).Prove(Obligation.Of("t", Parser.ParseStatement("x^2 >= 2 implies x >= 2")));
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal("x = 3/2", v.Counterexample!.ToString());
        Assert.Equal(Confirmation.Exact, v.Counterexample.Confirmation);
        Assert.Equal(1, portfolio.Calls);
        Assert.True(exact.Calls >= 2, "the model and the search came from the deterministic form");
        // Negative control: a backend that is its own deterministic form serves the search too, and its algebraic model
        // gives no rational point, so the counterexample stays algebraic.
        var alone = new Scripted(new Dictionary<string, ModelValue> { ["x"] = ModelValue.Algebraic(Rational.Parse("1.49"), Rational.Parse("1.51"), "1.5?") });
        var plain = new Prover(alone).Prove(Obligation.Of("t", Parser.ParseStatement("x^2 >= 2 implies x >= 2")));
        Assert.Equal(Confirmation.HighPrecision, plain.Counterexample!.Confirmation);
        Assert.True(alone.Calls > 1, "the search asked the backend itself");
    }

    [Fact]
    public void ARefutationShowsTheDeterministicFormsModelNotThePortfolioWinners()
    {
        // x^2 >= 2 implies x >= 2 fails at x = -5 and at x = 3/2 alike; which one a portfolio returns depends on which of
        // its attempts answers first, so the counterexample a reviewer sees comes from the fixed strategy.
        var statement = Obligation.Of("t", Parser.ParseStatement("x^2 >= 2 implies x >= 2"));
        var fixedForm = new Scripted(new Dictionary<string, ModelValue> { ["x"] = ModelValue.Exact(Rational.Parse("3/2")) });
        var portfolio = new Scripted(new Dictionary<string, ModelValue> { ["x"] = ModelValue.Exact(Rational.Parse("-5")) }, fixedForm);
        var v = new Prover(portfolio).Prove(statement);
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal("x = 3/2", v.Counterexample!.ToString());
        Assert.Equal((1, 1), (portfolio.Calls, fixedForm.Calls));
        // Negative control: when the fixed strategy gives no model (a timeout), the portfolio's confirmed one stands.
        var silent = new FirstThen(SolverAnswer.Unknown("timeout", TimeSpan.Zero, "scripted"), SolverAnswer.Unknown("timeout", TimeSpan.Zero, "scripted"));
        var fallback = new Prover(new Scripted(new Dictionary<string, ModelValue> { ["x"] = ModelValue.Exact(Rational.Parse("-5")) }, silent)).Prove(statement);
        Assert.Equal(VerdictKind.Refuted, fallback.Kind);
        Assert.Equal("x = -5", fallback.Counterexample!.ToString());
    }

    [RequiresZ3Fact]
    public void TheSameRefutationPrintsTheSameCounterexampleOnEveryRun()
    {
        // The catalogue's minimum-at-one control: the portfolio returned x = 0 on some runs and x = -0.718…? on others.
        var counterexamples = Enumerable.Range(0, 6)
            .Select(_ => Prove("x != 1 implies sqrt(x^2 + 4) > sqrt(1^2 + 4)").Counterexample?.ToString())
            .Distinct().ToList();
        Assert.Single(counterexamples);
    }

    private sealed class Undeclared : ISolverBackend
    {
        public string Name => "undeclared";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            SolverAnswer.Unknown("not asked", TimeSpan.Zero, Name);
    }

    [Fact]
    public void ABackendThatSaysNothingIsItsOwnDeterministicForm()
    {
        ISolverBackend backend = new Undeclared();
        Assert.Same(backend, backend.Deterministic);
    }

    [RequiresZ3Fact]
    public void AnIrrationalCounterexampleIsConfirmedWithIntervalArithmetic()
    {
        var v = Prove("x^2 = 2 implies x = 1");
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(Confirmation.HighPrecision, v.Counterexample!.Confirmation);
        Assert.Matches(@"x = -?1\.41421356237309504880", v.Counterexample.ToString());
    }

    [RequiresZ3Fact]
    public void AHardClaimWithATinyTimeoutIsUnknownWithTheReasonNeverProved()
    {
        // The 3x3 bound as one obligation (9 entries, degree 3): far beyond 300 ms; it needs the derivation.
        var theorem = HardStatements.ThreeByThreeBound;
        var limit = TimeSpan.FromMilliseconds(300);
        // A backstop, not a speed limit: were the limit ignored, Z3 would run on for minutes, and this cancellation
        // would turn the run into "canceled" (or an OperationCanceledException), never "timeout". Two minutes is far
        // beyond what the watchdog (a dedicated thread polling every 25 ms) needs even at a load of 60 on two cores.
        using var backstop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var v = new Prover(new Z3Backend(), new ProverOptions { Timeout = limit })
            .Prove(Obligation.Of("hard", theorem), backstop.Token);
        Assert.Equal(VerdictKind.Unknown, v.Kind);
        Assert.Contains("timeout", v.Reason);
        Assert.DoesNotContain("canceled", v.Reason);
        Assert.False(backstop.IsCancellationRequested, "the backstop fired: the time limit was not enforced");
        // The limit is per case (abs splits this one in two). "timeout" is the reason only the watchdog sets
        // (Z3Solver.ReasonUnknown), and only once the case's own clock has passed the limit: so every case ran at
        // least the limit and was then stopped by the watchdog, whatever the load.
        Assert.NotEmpty(v.Cases);
        Assert.All(v.Cases, c =>
        {
            Assert.Equal(SolverOutcome.Unknown, c.Answer.Outcome);
            Assert.Contains("timeout", c.Answer.Reason);
            Assert.True(c.Answer.Elapsed >= limit, $"a case timed out after {c.Answer.Elapsed}, before the limit");
        });
    }

    [RequiresZ3Fact]
    public void StatementsAreCheckedOnlyWhereTheyAreDefined()
    {
        // Undefined at x = 1 (0/0); proved on the domain x != 1, which is reported with the verdict.
        var v = Prove("(x^2 - 1)/(x - 1) = x + 1");
        Assert.True(v.IsProved, v.Reason);
        Assert.Equal(["x - 1 != 0"], v.DomainConditions);
    }
}
