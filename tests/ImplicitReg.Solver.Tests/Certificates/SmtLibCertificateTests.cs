using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Certificates;

public sealed class SmtLibCertificateTests
{
    private static IReadOnlyList<PreparedCase> Prepare(string statement) =>
        new Prover(new Z3Backend()).Prepare(Obligation.Of("t", Parser.ParseStatement(statement)));

    [Fact]
    public void ACertificateIsAStandaloneScriptWithDeclarationsAssertionsAndCheckSatButNoGetModel()
    {
        var text = SmtLibCertificate.Write(Prepare("W[1,2]*sqrt(x^2 + 1) >= 0")[0].Problem);
        Assert.Contains("(set-logic QF_NRA)", text);
        Assert.Contains("(declare-fun |W[1,2]| () Real)", text);
        Assert.Contains("(declare-fun sqrt.1 () Real)", text);
        Assert.Contains("(assert (= (* sqrt.1 sqrt.1) (+ 1.0 (* x x))))", text);
        Assert.Contains("(assert (not (>= (* |W[1,2]| sqrt.1) 0.0)))", text);
        // (get-model) after an unsat answer is an error (z3 exits 1): a replay of a proved case must exit 0.
        Assert.EndsWith("(check-sat)\n; for a counterexample when the answer is sat, append: (get-model)\n", text.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("\n(get-model)", text);
        var code = string.Join("\n", text.Split('\n').Where(l => !l.StartsWith(';')));
        Assert.Equal(code.Count(c => c == '('), code.Count(c => c == ')'));
    }

    [RequiresSolversFact("z3")]
    public void TheZ3CommandLineAgreesWithTheInProcessVerdictOnACertificate()
    {
        var proved = Prepare("x^2 + 1 > 0")[0].Problem;
        var refuted = Prepare("x^2 > 1")[0].Problem;
        var z3 = CommandLineSolver.Z3();
        Assert.Equal(SolverOutcome.Unsat, z3.Check(proved, TimeSpan.FromSeconds(10)).Outcome);
        Assert.Equal(SolverOutcome.Sat, z3.Check(refuted, TimeSpan.FromSeconds(10)).Outcome);
    }

    [Fact]
    public void AMissingCommandLineSolverIsUnknownWithTheInstallCommandNotACrash()
    {
        var missing = CommandLineSolver.Cvc5("/nonexistent/cvc5");
        var a = missing.Check(Prepare("x > 0")[0].Problem, TimeSpan.FromSeconds(5));
        Assert.Equal(SolverOutcome.Unknown, a.Outcome);
        Assert.Contains("sudo apt-get install cvc5", a.Reason);
    }
}
