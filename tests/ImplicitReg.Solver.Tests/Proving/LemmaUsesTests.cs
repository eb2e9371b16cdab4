using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Certificates;
using ImplicitReg.Solver.Proving;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Parsing;
using ImplicitReg.Testing.Conditions;

namespace ImplicitReg.Solver.Tests.Proving;

/// <summary>A step of a lemma chain that names the earlier lemmas it uses carries only those.</summary>
public sealed class LemmaUsesTests
{
    // Under y >= 7: lemma 1 y >= 6, lemma 2 y >= 5, lemma 3 y >= 4 (each true under the assumption alone).
    private static readonly Obligation Claim = Obligation.Of("claim", Parser.ParseStatement("y >= 3"), [Parser.ParseStatement("y >= 7")]);

    private static LemmaChain.Lemma L(string text, params int[]? uses) => new(Parser.ParseStatement(text), []) { Uses = uses };

    private static List<LemmaChain.Lemma> Lemmas(int[]? uses2 = null, int[]? uses3 = null) =>
        [L("y >= 6", null), L("y >= 5", uses2), L("y >= 4", uses3)];

    [Fact]
    public void ALemmaThatNamesItsUsesIsProvedUnderThoseLemmasOnly()
    {
        var lemmas = Lemmas(uses3: [1]);
        var third = LemmaChain.LemmaObligation(Claim, lemmas, 3);
        Assert.Contains(Parser.ParseStatement("y >= 6"), third.Assumptions);
        Assert.DoesNotContain(Parser.ParseStatement("y >= 5"), third.Assumptions);
        // Without uses: every earlier lemma, as before.
        var all = LemmaChain.LemmaObligation(Claim, Lemmas(), 3);
        Assert.Contains(Parser.ParseStatement("y >= 6"), all.Assumptions);
        Assert.Contains(Parser.ParseStatement("y >= 5"), all.Assumptions);
    }

    [Fact]
    public void TheLastStepCarriesOnlyTheLemmasTheStatementUses()
    {
        var step = LemmaChain.StepObligation(Claim, Lemmas(), [2]);
        Assert.Equal([Parser.ParseStatement("y >= 5"), Parser.ParseStatement("y >= 7")], step.Assumptions);
        Assert.Equal([Parser.ParseStatement("y >= 7")], LemmaChain.StepObligation(Claim, Lemmas(), []).Assumptions);
        Assert.Equal(4, LemmaChain.StepObligation(Claim, Lemmas()).Assumptions.Count);
    }

    [RequiresZ3Fact]
    public void AStepThatNeedsALemmaItDoesNotUseIsNotProved()
    {
        // Negative control: the backend decides the statement's obligations only when lemma 1 (y >= 6) is among
        // their assertions, as a solver that needs that lemma would. Using lemma 2 instead proves nothing.
        var chain = new LemmaChain(new Prover(new NeedsAssertion("claim", Parser.ParseStatement("y >= 6"))));
        var without = chain.Prove(Claim, Lemmas(), [2]);
        Assert.Equal(VerdictKind.Unknown, without.Kind);
        Assert.Contains("the statement under the lemmas is not proved", without.ChainFailure);
        Assert.Null(without.Step);

        var with = chain.Prove(Claim, Lemmas(), [1]);
        Assert.Equal(VerdictKind.Proved, with.Kind);
        Assert.Equal([1], with.Assumes);
        Assert.Equal([Parser.ParseStatement("y >= 6"), Parser.ParseStatement("y >= 7")], with.Step!.Assumptions);
    }

    [RequiresZ3Fact]
    public void ACertificateHeaderListsExactlyTheLemmasItsStepAssumes()
    {
        var verdict = new LemmaChain(new Prover(new Z3Backend())).Prove(Claim, Lemmas(uses2: [], uses3: [1]), [3]);
        Assert.Equal(VerdictKind.Proved, verdict.Kind);
        Assert.Equal([[], [], [1]], verdict.Lemmas.Select(l => l.Assumes.ToArray()));
        var files = CertificateSet.Of("c.smt2", verdict).ToDictionary(f => f.Path, f => f.Text);
        Assert.DoesNotContain("assumes lemmas", files["c-lemma2.smt2"]);
        Assert.Contains(";   lemma 1: y >= 6 (c-lemma1.smt2)", files["c-lemma3.smt2"]);
        Assert.DoesNotContain(";   lemma 2", files["c-lemma3.smt2"]);
        Assert.Contains(";   lemma 3: y >= 4 (c-lemma3.smt2)", files["c.smt2"]);
        Assert.DoesNotContain(";   lemma 1", files["c.smt2"]);
        Assert.DoesNotContain(";   lemma 2", files["c.smt2"]);
        // The certificates written before solving say the same.
        var prepared = CertificateSet.Prepared("c.smt2", new Prover(new Z3Backend()), Claim, Lemmas(uses2: [], uses3: [1]), [3])
            .ToDictionary(f => f.Path, f => f.Text);
        Assert.Contains(";   lemma 3: y >= 4 (c-lemma3.smt2)", prepared["c.smt2"]);
        Assert.DoesNotContain(";   lemma 1", prepared["c.smt2"]);
    }

    [Theory]
    [InlineData(new[] { 2 }, null, "lemma 2 uses lemma 2, but only lemmas 1 to 1 come before it (a step may use only earlier lemmas)")]
    [InlineData(new[] { 3 }, null, "lemma 2 uses lemma 3, but only lemmas 1 to 1 come before it (a step may use only earlier lemmas)")]
    [InlineData(new[] { 0 }, null, "lemma 2 uses lemma 0, but only lemmas 1 to 1 come before it (a step may use only earlier lemmas)")]
    [InlineData(new[] { 1, 1 }, null, "lemma 2 names lemma 1 twice in its uses")]
    [InlineData(null, new[] { 4 }, "the statement uses lemma 4, but only lemmas 1 to 3 come before it (a step may use only earlier lemmas)")]
    public void AReferenceToALaterOrMissingLemmaIsRefusedNamingTheStep(int[]? uses2, int[]? statementUses, string message)
    {
        var lemmas = Lemmas(uses2);
        Assert.Equal(message, LemmaChain.Invalid(lemmas, statementUses));
        var e = Assert.Throws<ArgumentException>(() => new LemmaChain(new Prover(new Z3Backend())).Prove(Claim, lemmas, statementUses));
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void TheFirstLemmaCanUseNothingAndValidUsesAreAccepted()
    {
        Assert.Equal("lemma 1 uses lemma 1, but no lemma comes before it", LemmaChain.Invalid([L("y >= 6", 1)], null));
        Assert.Null(LemmaChain.Invalid(Lemmas(uses2: [1], uses3: [2, 1]), [3, 1]));
        Assert.Null(LemmaChain.Invalid(Lemmas(uses2: []), []));
    }

    // Z3, except that on obligations with the given name it gives up unless the given assertion is among the problem's.
    private sealed class NeedsAssertion(string name, Statement needed) : ISolverBackend
    {
        private readonly Z3Backend _z3 = new();

        public string Name => "z3 needing " + needed;

        public SolverAnswer Check(LoweredProblem problem, TimeSpan timeout, CancellationToken cancel = default) =>
            problem.Name.StartsWith(name, StringComparison.Ordinal) && !problem.Assertions.Contains(needed)
                ? SolverAnswer.Unknown("gave up (test backend)", TimeSpan.Zero, Name)
                : _z3.Check(problem, timeout, cancel);
    }
}
