using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Proving;

/// <summary>
/// Random statements in two variables (polynomials with small integer coefficients, with sqrt and abs):
/// whatever the solver proves must hold at every sampled point where it is defined, and every refutation
/// must come with a counterexample the kernel confirms. Seeded; the seed is in the test name and failures.
/// </summary>
public sealed class RandomSoundnessTests
{
    private const int Seed = 20_260_124;
    private const int Statements = 60;
    private const int SamplesPerProof = 200;

    [RequiresZ3Fact]
    public void ProvedStatementsHoldAtSampledPointsAndRefutationsAreConfirmed_Seed20260124()
    {
        var random = new Random(Seed);
        var prover = new Prover(new Z3Backend(), new ProverOptions { Timeout = TimeSpan.FromSeconds(5) });
        var (proved, refuted) = (0, 0);
        for (var k = 0; k < Statements; k++)
        {
            var statement = RandomStatement(random);
            var v = prover.Prove(Obligation.Of($"random{k}", statement));
            switch (v.Kind)
            {
                case VerdictKind.Proved:
                    proved++;
                    for (var i = 0; i < SamplesPerProof; i++)
                    {
                        var point = new Dictionary<string, double> { ["x"] = random.Next(-40, 41) / 8.0, ["y"] = random.Next(-40, 41) / 8.0 };
                        if (!Defined(statement, point)) continue;
                        Assert.True(Algebra.Truth(statement, point), $"seed {Seed}, statement {k}: '{statement}' proved but false at x = {point["x"]}, y = {point["y"]}");
                    }
                    break;
                case VerdictKind.Refuted:
                    refuted++;
                    Assert.True(v.Counterexample!.Confirmation is Confirmation.Exact or Confirmation.HighPrecision, $"seed {Seed}: {statement}");
                    break;
                default:
                    Assert.Fail($"seed {Seed}, statement {k}: '{statement}' was {v.Kind}: {v.Reason}");
                    break;
            }
        }
        // Both outcomes occur, so neither branch of the check is vacuous.
        Assert.True(proved >= 3 && refuted >= 3, $"seed {Seed}: {proved} proved, {refuted} refuted");
    }

    /// <summary>Points where a sqrt argument is negative are outside the statement's domain.</summary>
    private static bool Defined(Expr statement, Dictionary<string, double> point) =>
        statement is Rel r && double.IsFinite(Algebra.Evaluate(r.Left, point)) && double.IsFinite(Algebra.Evaluate(r.Right, point));

    private static Statement RandomStatement(Random random)
    {
        Sym x = new("x"), y = new("y");
        Expr Coefficient() => random.Next(-3, 4);
        var poly = Expr.Add(Expr.Mul(Coefficient(), Expr.Pow(x, 2)), Expr.Mul(Coefficient(), x, y), Expr.Mul(Coefficient(), Expr.Pow(y, 2)),
            Expr.Mul(Coefficient(), x), Coefficient());
        Expr side = random.Next(3) switch
        {
            0 => Expr.Sqrt(Expr.Add(Expr.Pow(x, 2), Expr.Pow(y, 2), 1)),
            1 => Expr.Abs(Expr.Sub(x, y)),
            _ => Expr.Mul(Coefficient(), y),
        };
        return random.Next(2) == 0 ? Expr.Ge(poly, side) : Expr.Lt(side, Expr.Add(poly, new Rational(random.Next(0, 9))));
    }
}
