using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Solvers;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Certificates;

public sealed class CertificateSetTests
{
    private static readonly Prover Z3 = new(new Z3Backend());

    private static Verdict Chain(string statement, params string[] lemmas) =>
        new LemmaChain(Z3).Prove(Obligation.Of("claim", Parser.ParseStatement(statement)),
            lemmas.Select(l => new LemmaChain.Lemma(Parser.ParseStatement(l), [])).ToList());

    [Theory]
    [InlineData("c.smt2", 1, "", "c.smt2")]
    [InlineData("c.smt2", 2, "", "c-case1.smt2,c-case2.smt2")]
    [InlineData("c.smt2", 1, "-lemma1", "c-lemma1.smt2")]
    [InlineData("c", 2, "-lemma3", "c-lemma3-case1.smt2,c-lemma3-case2.smt2")]
    [InlineData("out/m6.cert", 1, "-lemma2", "out/m6-lemma2.cert")]
    public void NamesArePredictableFromTheGivenPath(string path, int count, string tag, string expected) =>
        Assert.Equal(expected.Split(','), CertificateSet.Names(path, count, tag));

    [RequiresZ3Fact]
    public void EachStepNamesTheLemmaFilesItReliesOnAndStatesItsExpectedAnswer()
    {
        var files = CertificateSet.Of("c.smt2", Chain("x^4 + 1 >= 2*x^2", "(x^2 - 1)^2 >= 0", "x^4 - 2*x^2 + 1 >= 0"));
        Assert.Equal(["c-lemma1.smt2", "c-lemma2.smt2", "c.smt2"], files.Select(f => f.Path));
        // Lemma 1 comes first: its certificate names no lemma file (the header line is "; this step assumes lemmas …").
        Assert.DoesNotContain("this step assumes lemmas", files[0].Text);
        Assert.Contains("this step assumes lemmas", files[1].Text);
        Assert.Contains(";   lemma 1: ", files[1].Text);
        Assert.Contains("(c-lemma1.smt2)", files[1].Text);
        Assert.Contains("(c-lemma1.smt2)", files[2].Text);
        Assert.Contains("(c-lemma2.smt2)", files[2].Text);
        Assert.All(files, f => Assert.Contains("; expected answer: unsat", f.Text));
    }

    [Fact]
    public void SumsInProductsAreNamedSoCvc5SeesASquareOfAVariable()
    {
        var problem = Z3.Prepare(Obligation.Of("t", Parser.ParseStatement("(x - 1)^2 >= 0")))[0].Problem;
        var text = SmtLibCertificate.Write(problem);
        Assert.Contains("(declare-fun sum.1 () Real)", text);
        Assert.Contains("(assert (= sum.1 (+ (- 1.0) x)))", text);
        Assert.Contains("(assert (not (>= (* sum.1 sum.1) 0.0)))", text);
        Assert.Contains("; auxiliary sum.1 stands for x - 1", text);
    }

    [RequiresZ3Fact]
    public void ARefutationPinsTheRationalCoordinatesOfItsCounterexample()
    {
        var v = Z3.Prove(Obligation.Of("t", Parser.ParseStatement("x^3 > x"), [Parser.ParseStatement("x > -1")]));
        Assert.Equal(VerdictKind.Refuted, v.Kind);
        var text = CertificateSet.Of("r.smt2", v).Single().Text;
        var x = v.Counterexample!.Values.Single(kv => kv.Key == "x").Value.Lower;
        Assert.Contains($"(assert (= x {Symbolic.Printing.SmtLibPrinter.Numeral(x)}))", text);
        Assert.Contains("; expected answer: sat", text);
    }

    [RequiresSolversFact("z3", "cvc5")]
    public void BothCommandLineSolversReplayANamedSquareAndAPinnedRefutation()
    {
        var dir = Directory.CreateTempSubdirectory("implicitreg-certset-");
        try
        {
            var proved = Z3.Prove(Obligation.Of("t", Parser.ParseStatement("(x - 1)^2 + (y + 2)^2 >= 0")));
            var refuted = Z3.Prove(Obligation.Of("t", Parser.ParseStatement("(x - 1)^2 > 1/4")));
            foreach (var (v, name, expected) in new[] { (proved, "p.smt2", "unsat"), (refuted, "r.smt2", "sat") })
                foreach (var f in CertificateSet.Of(Path.Combine(dir.FullName, name), v))
                {
                    File.WriteAllText(f.Path, f.Text);
                    foreach (var solver in new[] { "z3", "cvc5" }) Assert.Equal(expected, ReplayProcess.Replay(solver, f.Path));
                }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
