using System.Text;
using ImplicitReg.Models.Problems;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Testing.Snapshots;

namespace ImplicitReg.Models.Tests.Problems;

/// <summary>
/// The claim files of the d × d generalisation of M6 (proofs/razin2020/m6-generalized-&lt;d&gt;x&lt;d&gt;.yaml) are data
/// generated from <see cref="CompletionBound"/>: this test regenerates them and fails when a file differs from
/// what the construction gives (IMPLICITREG_ACCEPT_SNAPSHOTS=1 rewrites them, refused when CI=true), so the data a
/// reviewer reads and the construction defined once in Models cannot drift apart.
/// </summary>
public sealed class GeneralizedClaimFileTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void TheClaimFileIsTheOneTheConstructionGenerates(int d)
    {
        var path = Path.Combine(ImplicitReg.Testing.RepositoryRoot.Path, "proofs", "razin2020", $"m6-generalized-{d}x{d}.yaml");
        var expected = Render(d);
        var actual = File.Exists(path) ? File.ReadAllText(path) : null;
        if (actual == expected) return;
        var mode = SnapshotMode.FromEnvironment();
        if (mode.Accept && !mode.IsCi)
        {
            File.WriteAllText(path, expected);
            return;
        }
        Assert.Fail($"{path} is not what CompletionBound generates for d = {d}; rerun with IMPLICITREG_ACCEPT_SNAPSHOTS=1 and review the diff");
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void EveryGeneratedStatementParsesBack(int d)
    {
        var chain = CompletionBound.Build(new CompletionInstance(d), CompletionBound.Smallness);
        foreach (var step in chain.Steps)
        {
            var (assume, claim) = chain.StepObligation(step);
            Assert.Equal(claim, Symbolic.Parsing.Parser.ParseStatement(claim.ToString()));
            Assert.All(assume, a => Assert.Equal(a, Symbolic.Parsing.Parser.ParseStatement(a.ToString())));
            Assert.All(chain.StepLemmas(step), l => Assert.Equal(l, Symbolic.Parsing.Parser.ParseStatement(l.ToString())));
        }
    }

    private static string Q(object s) => "\"" + s.ToString()!.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    /// <summary>The whole claim file for d.</summary>
    public static string Render(int d)
    {
        var m = new CompletionInstance(d);
        var chain = CompletionBound.Build(m, CompletionBound.Smallness);
        var exact = m.FitsExactly.ToList();
        var s = CompletionBound.S;
        var ball = new Statement[] { Expr.Ge(s, 0), Expr.Eq(Expr.Pow(s, 2), m.SumOfSquaredResiduals), Expr.Lt(s, Num.Of(CompletionBound.Smallness)) };
        var bound = Expr.Mul(Expr.Abs(CompletionInstance.Entry(1, 1)), CompletionBound.H(m));
        var family = m.Observed.Where(o => o != (2, 2)).Select(o => (Statement)Expr.Eq(CompletionInstance.Entry(o.I, o.J), m.Target(o.I, o.J)));
        var w = new StringBuilder();
        w.Append($"""
            # Generated from the construction in src/ImplicitReg.Models/Problems (CompletionBound, CompletionInstance);
            # tests/ImplicitReg.Models.Tests/Problems/GeneralizedClaimFileTests checks this file is what it generates.
            id: m6-generalized-{d}x{d}
            title: "{d}x{d} generalisation of the 2x2 construction: exact solutions have det W = -1, and det W > 0 with a small loss forces |W[1,1]| up"
            source:
              paper: "N. Razin, N. Cohen. Implicit Regularization in Deep Learning May Not Be Explainable by Norms. NeurIPS 2020"
              where: "Section 3 (the 2x2 construction); the d x d form and its bound are this toolkit's, docs/theory.md M6"
            theory: M6
            statement:
              prose: >
                Target T with T[1,2] = T[2,1] = 1, T[i,i] = 1 for i >= 3 and 0 elsewhere, every entry observed except (1,1).
                Every exact solution has det W = -1. With s = sqrt(2*l) (l = 1/2 * sum of squared residuals) below 1/5
                and det W > 0, |W[1,1]|*H(s) > G(s) with G(s) = {CompletionBound.G(m)} and H(s) = {CompletionBound.H(m)}, so
                |W[1,1]| grows like 1/s as the loss falls. The bound is proved as a chain of small obligations, one
                prove check per step, each assuming only the facts it uses (named quantities such as D, the (1,1) minor,
                are free variables in the abstract steps: a stronger statement).
              formulas:
                - {Q(chain.Theorem)}
            model:
              factorization: deep-matrix
              dims: [{d}, {d}]
              loss: half-sse
              problem: generalized
            checks:
              - id: exact-solutions-det
                kind: prove
                expect: holds
                statement: {Q(Expr.Eq(m.Determinant, -1))}
                assume: [{string.Join(", ", exact.Select(Q))}]
              - id: exact-solutions-det-plus-one
                kind: prove
                expect: refuted
                note: "negative control: the exact solutions have det W = +1"
                statement: {Q(Expr.Eq(m.Determinant, 1))}
                assume: [{string.Join(", ", exact.Select(Q))}]

            """.Replace("\r\n", "\n"));
        foreach (var step in chain.Steps)
        {
            var (assume, claim) = chain.StepObligation(step);
            w.Append($"  - id: bound-{step.Name.Replace('_', '-').ToLowerInvariant()}\n    kind: prove\n    expect: holds\n");
            w.Append($"    statement: {Q(claim)}\n");
            w.Append(assume.Count == 0 ? "    assume: []\n" : "    assume:\n" + string.Concat(assume.Select(a => $"      - {Q(a)}\n")));
            var lemmas = chain.StepLemmas(step);
            if (lemmas.Count > 0)
                w.Append("    # By lemmas: the target-0 factors' product within s^k, each target-1 factor in [0, s + 1] (s < 1/5), then those\n" +
                         "    # factors replaced by s + 1 one at a time; each step small enough for cvc5 (the whole product is not).\n" +
                         "    lemmas:\n" + string.Concat(lemmas.Select(l => $"      - {Q(l)}\n")));
        }
        // The split of D is a check that can fail: the same definitions with the signs flipped are refuted.
        var (dAssume, dClaim) = chain.StepObligation(chain.Steps.Single(st => st.Name == "D_expands"));
        var dSplit = (Rel)dClaim;
        w.Append($"""
              - id: bound-d-expands-signs-flipped
                kind: prove
                expect: refuted
                note: "negative control: the (1,1) minor D as its named Leibniz terms with every sign flipped"
                statement: {Q(Expr.Eq(dSplit.Left, Expr.Neg(dSplit.Right)))}
                assume: [{string.Join(", ", dAssume.Select(Q))}]
              - id: bound-without-det
                kind: prove
                expect: refuted
                note: "negative control: the bound without det W > 0"
                statement: {Q(Expr.Gt(bound, CompletionBound.G(m)))}
                assume: [{string.Join(", ", ball.Select(Q))}]
              - id: bound-constant-two
                kind: prove
                expect: refuted
                note: "negative control: the bound with constant 2, refuted on the family W = T except W[1,1], W[2,2] (a counterexample there falsifies the general statement)"
                statement: {Q(Expr.Gt(bound, Expr.Scale(2, CompletionBound.G(m))))}
                assume: [{string.Join(", ", ball.Append(Expr.Gt(m.Determinant, 0)).Concat(family).Select(Q))}]

            """.Replace("\r\n", "\n"));
        return w.ToString();
    }
}
