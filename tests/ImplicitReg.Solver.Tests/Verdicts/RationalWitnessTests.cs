using System.Diagnostics;
using System.Numerics;
using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Solvers;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Verdicts;

public sealed class RationalWitnessTests
{
    private static readonly Prover Z3 = new(new Z3Backend());

    private static LoweredProblem Problem(string statement) =>
        Z3.Prepare(Obligation.Of("t", Parser.ParseStatement(statement))).Single().Problem;

    // sqrt(2)/2 = 0.70710678…, known by an isolating interval as a solver reports it.
    private static readonly ModelValue HalfRootTwo = ModelValue.Algebraic(Rational.Parse("0.7071067811"), Rational.Parse("0.7071067812"), "0.70710678118654752440?");

    [Theory]
    [InlineData("0.3", "0.4", "1/3")]
    [InlineData("1.41", "1.42", "17/12")]
    [InlineData("-0.75", "-0.7", "-3/4")]
    [InlineData("-1/2", "1/3", "0")]
    [InlineData("5", "5", "5")]
    public void TheSimplestRationalOfAnIntervalHasTheLeastDenominator(string lo, string hi, string expected) =>
        Assert.Equal(Rational.Parse(expected), RationalPoints.Simplest(Rational.Parse(lo), Rational.Parse(hi)));

    [Fact]
    public void ApproximationsGetFinerAndStayClose()
    {
        var list = RationalPoints.Approximations(HalfRootTwo, 6).ToList();
        Assert.Equal(Rational.Parse("2/3"), list[0]);
        for (var k = 0; k < list.Count; k++)
            Assert.True((list[k] - HalfRootTwo.Lower).Abs() <= Rational.Parse("1/10"), $"{list[k]} is far from sqrt(2)/2");
        Assert.Equal(list.Count, list.Distinct().Count());
    }

    [Theory]
    [InlineData("9/4", "3/2")]
    [InlineData("0", "0")]
    [InlineData("152415787532388367504942236884722755800955129/100", "12345678901234567890123/10")]
    public void SquaresOfRationalsHaveExactRoots(string square, string root) =>
        Assert.Equal(Rational.Parse(root), RationalPoints.SquareRoot(Rational.Parse(square)));

    [Theory]
    [InlineData("2")]
    [InlineData("-4")]
    [InlineData("9/8")]
    public void OtherRationalsHaveNone(string value) => Assert.Null(RationalPoints.SquareRoot(Rational.Parse(value)));

    // Beyond double range (10^400): a floating-point first guess would overflow; the root must stay exact.
    [Fact]
    public void SquaresBeyondDoubleRangeHaveExactRootsAndTheirNeighboursNone()
    {
        var root = BigInteger.Pow(10, 200) + 7;
        Assert.Equal(new Rational(root, 3), RationalPoints.SquareRoot(new Rational(root * root, 9)));
        Assert.Null(RationalPoints.SquareRoot(new Rational(root * root + 1, 9)));
    }

    [Fact]
    public void AQuadraticHasRationalRootsExactlyWhenItsDiscriminantIsASquare()
    {
        var v = new Sym("v");
        var p = Parser.ParseExpression("v^2 - a");
        var q = RationalPoints.Quadratic(p, v)!.Value;
        Assert.Equal([Rational.Parse("3/2"), Rational.Parse("-3/2")], RationalPoints.Roots(q, new Dictionary<string, Rational> { ["a"] = Rational.Parse("9/4") }, 1));
        Assert.Empty(RationalPoints.Roots(q, new Dictionary<string, Rational> { ["a"] = 2 }, 1));
        Assert.Null(RationalPoints.Quadratic(Parser.ParseExpression("v^3 - a"), v));
    }

    [RequiresZ3Fact]
    public void APointOnACircleIsMovedToARationalOneNearby()
    {
        // x = y = sqrt(2)/2 refutes "x^2 + y^2 = 1 implies x + y < 1/2"; so do rational points of the circle near it
        // (3/5, 4/5 …), which the equation forces to be found by solving it, not by pinning.
        var problem = Problem("x^2 + y^2 = 1 implies x + y < 1/2");
        var model = new Dictionary<string, ModelValue> { ["x"] = HalfRootTwo, ["y"] = HalfRootTwo };
        var point = RationalWitness.Search(problem, model, new Z3Backend());
        Assert.NotNull(point);
        Assert.True(RationalWitness.Holds(problem, point!));
        var (x, y) = (point!["x"].Lower, point["y"].Lower);
        Assert.Equal(Rational.One, x * x + y * y);
        Assert.True((x - HalfRootTwo.Lower).Abs() < Rational.Parse("1/8") && (y - HalfRootTwo.Lower).Abs() < Rational.Parse("1/8"), $"{x}, {y} is far from the solver's point");
    }

    /// <summary>Refuses its first calls (unsat), then answers sat with the pinned coordinates as the model (no libz3 needed).</summary>
    private sealed class PinEcho(int refusals) : ISolverBackend
    {
        private int _calls;

        public string Name => "pin echo";

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default)
        {
            if (++_calls <= refusals) return new SolverAnswer(SolverOutcome.Unsat, null, null, TimeSpan.Zero, Name);
            var pins = problem.Assumptions.OfType<Rel>().Where(r => r is { Op: RelOp.Eq, Left: Sym, Right: Num })
                .ToDictionary(r => ((Sym)r.Left).Name, r => ModelValue.Exact(((Num)r.Right).Value));
            return new SolverAnswer(SolverOutcome.Sat, pins, null, TimeSpan.Zero, Name);
        }
    }

    [Fact]
    public void TheGridTriesItsCandidatesOnceEachInASetOrder()
    {
        // The circle again, with a solver that refuses every pin of x and the first grid point: the search must ask exactly
        // these trials, in this order (each rational point once, though denominators 29 and 58 both reach it), and end at
        // the second point of the circle within 1/16 of the solver's. Recorded before the grid reused its dictionaries.
        var problem = Problem("x^2 + y^2 = 1 implies x + y < 1/2");
        var model = new Dictionary<string, ModelValue> { ["x"] = HalfRootTwo, ["y"] = HalfRootTwo };
        var trace = new List<string>();
        var point = RationalWitness.Search(problem, model, new PinEcho(refusals: 7),
            new WitnessOptions { Trace = trace.Add, Budget = TimeSpan.FromMinutes(5) });
        var trials = trace.Select(t => System.Text.RegularExpressions.Regex.Replace(t, @"^\d+ ms: (.*) in \d+ ms$", "$1")).ToList();
        Assert.Equal(Expected, trials);
        Assert.NotNull(point);
        Assert.True(RationalWitness.Holds(problem, point!));
    }

    [Fact]
    public void TheGridTriesEveryMovingCoordinateNotOnlyTheFirst()
    {
        // x^2 + y^2 + (2z - 1)^2 = 1 near x = y = sqrt(2)/2, z = 1/2: x is solved for while y and z move. z and 1 - z give
        // the same root, so the grid meets distinct points sharing x and y. It skips only candidates it tried already,
        // keyed by the root and every moving coordinate: a key that dropped z would skip those points too.
        var problem = Problem("x^2 + y^2 + (2*z - 1)^2 = 1 implies x + y < 0");
        var model = new Dictionary<string, ModelValue> { ["x"] = HalfRootTwo, ["y"] = HalfRootTwo, ["z"] = ModelValue.Exact(Rational.Half) };
        var trace = new List<string>();
        RationalWitness.Search(problem, model, new PinEcho(refusals: 1000), new WitnessOptions { Trace = trace.Add, Budget = TimeSpan.FromMinutes(5) });
        var grid = trace.Select(t => System.Text.RegularExpressions.Regex.Match(t, @"x = (\S+), y = (\S+), z = (\S+):"))
            .Where(m => m.Success).Select(m => (X: m.Groups[1].Value, Y: m.Groups[2].Value, Z: m.Groups[3].Value)).ToList();
        Assert.NotEmpty(grid);
        Assert.Equal(grid.Count, grid.Distinct().Count()); // each point once
        Assert.Contains(grid.GroupBy(p => (p.X, p.Y)), g => g.Select(p => p.Z).Distinct().Count() > 1);
        Assert.All(grid, p => Assert.Equal(Rational.One, Sq(p.X) + Sq(p.Y) + Sq(Rational.Parse(p.Z) * 2 - Rational.One)));
    }

    private static Rational Sq(string r) => Sq(Rational.Parse(r));

    private static Rational Sq(Rational r) => r * r;

    private static readonly string[] Expected =
    [
        "x = 2/3: unsat", "x = 5/7: unsat", "x = 29/41: unsat", "x = 70/99: unsat", "x = 169/239: unsat", "x = 985/1393: unsat",
        "x = 21/29, y = 20/29: unsat", "x = 20/29, y = 21/29: sat",
    ];

    [RequiresZ3Fact]
    public void HoldsAcceptsOnlyExactPointsThatSatisfyEveryAssertion()
    {
        // The gate every witness passes: (3/5, 4/5) refutes the claim; negative controls: off the circle, on the circle
        // but satisfying the claim, and the solver's algebraic point (exact arithmetic only).
        var problem = Problem("x^2 + y^2 = 1 implies x + y < 1/2");
        Dictionary<string, ModelValue> At(string x, string y) =>
            new() { ["x"] = ModelValue.Exact(Rational.Parse(x)), ["y"] = ModelValue.Exact(Rational.Parse(y)) };
        Assert.True(RationalWitness.Holds(problem, At("3/5", "4/5")));
        Assert.False(RationalWitness.Holds(problem, At("1/2", "1/2")));
        Assert.False(RationalWitness.Holds(problem, At("-3/5", "-4/5")));
        Assert.False(RationalWitness.Holds(problem, new Dictionary<string, ModelValue> { ["x"] = HalfRootTwo, ["y"] = HalfRootTwo }));
    }

    [RequiresZ3Fact]
    public void OnlyIrrationalCounterexamplesGiveNoWitness()
    {
        // Negative controls: x^2 = 2 has no rational solution, and sqrt(5) is the same irrational at every point.
        var root = ModelValue.Algebraic(Rational.Parse("1.4142135623"), Rational.Parse("1.4142135624"), "1.41421356237309504880?");
        Assert.Null(RationalWitness.Search(Problem("not (x^2 = 2)"), new Dictionary<string, ModelValue> { ["x"] = root }, new Z3Backend(),
            new WitnessOptions { Budget = TimeSpan.FromSeconds(2) }));
        var constant = Problem("x != 1 implies sqrt(x^2 + 4) > sqrt(5)");
        var clock = Stopwatch.StartNew();
        var model = constant.AllVariables.ToDictionary(v => v.Name, v => v.Name == "x" ? ModelValue.Exact(0)
            : v.Name == "sqrt.1" ? ModelValue.Exact(2) : ModelValue.Algebraic(Rational.Parse("2.2360679774"), Rational.Parse("2.2360679775"), "2.23606797749978969640?"));
        Assert.Null(RationalWitness.Search(constant, model, new Z3Backend()));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), "a root of a constant is recognised at once");
    }

    [RequiresZ3Fact]
    public void AnIrrationalOnlyRefutationKeepsItsFreeCoordinateAndSaysSo()
    {
        var v = Z3.Prove(Obligation.Of("t", Parser.ParseStatement("not (x^2 = 2)")));
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(Confirmation.HighPrecision, v.Counterexample!.Confirmation);
        var text = CertificateSet.Of("r.smt2", v).Single().Text;
        Assert.Contains(SmtLibCertificate.IrrationalNote, text.Split('\n'));
        Assert.DoesNotContain("(assert (= x ", text);
    }

    [RequiresSolversFact("z3", "cvc5")]
    public void ARefutationThroughARootGetsAnAllRationalCertificateBothSolversReplay()
    {
        // l is defined by a sum of squares and enters through sqrt(2*l): Z3's first counterexample has an irrational
        // coordinate whenever 2*l is not a rational square; the witness search makes it rational, so cvc5 (no libpoly)
        // confirms the refutation by checking a point.
        var statement = Obligation.Of("t", Parser.ParseStatement(
            "l = 1/2*((x - 1)^2 + y^2) and l < 1/2 and z*y > 0 implies z > (1 - sqrt(2*l))^2/sqrt(2*l)"));
        // Without the search the counterexample is algebraic: the test exercises the search, not a lucky rational model.
        var plain = new Prover(new Z3Backend(), new ProverOptions { RationalWitness = null }).Prove(statement);
        Assert.Equal(Confirmation.HighPrecision, plain.Counterexample!.Confirmation);
        Assert.Contains(SmtLibCertificate.IrrationalNote, CertificateSet.Of("p.smt2", plain).Single(f => f.Text.Contains("expected answer: sat", StringComparison.Ordinal)).Text.Split('\n'));
        var v = Z3.Prove(statement);
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        Assert.Equal(Confirmation.Exact, v.Counterexample!.Confirmation);
        var dir = Directory.CreateTempSubdirectory("implicitreg-witness-");
        try
        {
            foreach (var f in CertificateSet.Of(Path.Combine(dir.FullName, "w.smt2"), v))
            {
                File.WriteAllText(f.Path, f.Text);
                if (!f.Text.Contains("; expected answer: sat", StringComparison.Ordinal)) continue;
                Assert.DoesNotContain(SmtLibCertificate.IrrationalNote, f.Text.Split('\n'));
                foreach (var solver in new[] { "z3", "cvc5" }) Assert.Equal("sat", ReplayProcess.Replay(solver, f.Path));
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
