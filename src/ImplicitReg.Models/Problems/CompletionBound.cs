using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Numbers;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Problems;

/// <summary>
/// The loss/determinant bound on <c>|W[1,1]|</c> for the d × d completion instance, as a proof chain (Razin and
/// Cohen 2020 prove the 2×2 case; the d × d form is the toolkit's, stated in docs/theory.md, M6).
/// With <c>s = sqrt(2ℓ)</c> (ℓ = ½ Σ_Ω residual², so <c>s² = Σ_Ω residual²</c> and every residual lies in
/// [−s, s]), split <c>det W = W[1,1]·D + P</c> where D is the (1,1) minor and P the determinant with
/// <c>W[1,1] = 0</c>. In P the transposition (1 2) contributes <c>−U</c>, U the product of the d entries with
/// target 1, and <c>U ≥ (1 − s)^d</c>; every other Leibniz term has m ≥ 2 factors with target 0 and is at
/// most <c>(1 + s)^(d−m) s^m</c> in size. So <c>−P ≥ G(s)</c> and <c>|D| ≤ H(s)</c>, and <c>det W &gt; 0</c> gives
/// <c>|W[1,1]|·H(s) ≥ W[1,1]·D &gt; −P ≥ G(s)</c>. For d = 2 it reads <c>|W[1,1]|·s &gt; (1 − s)²</c>, the M6 bound.
/// </summary>
public static class CompletionBound
{
    /// <summary>The symbol s = sqrt(2ℓ), the square root of the sum of squared residuals, in which G(s) and H(s) are written.</summary>
    public static readonly Sym S = new("s");

    /// <summary>The smallness under which the catalogue states the d × d bound: s = sqrt(2l) &lt; 1/5, i.e. l &lt; 1/50.</summary>
    public static readonly Rational Smallness = new(1, 5);

    /// <summary>G(s): the lower bound of −P.</summary>
    public static Expr G(CompletionInstance m) =>
        Expr.Sub(Expr.Pow(Expr.Sub(1, S), m.Size), Expr.Add(OtherTerms(m).Where(t => t.Sigma[0] != 1).Select(t => Bound(m, t.Sigma))));

    /// <summary>H(s): the bound on |D|.</summary>
    public static Expr H(CompletionInstance m) => Expr.Add(OtherTerms(m).Where(t => t.Sigma[0] == 1).Select(t => Bound(m, t.Sigma)));

    /// <summary>The derivation for the instance, under <c>s &lt; smallness</c> (the bound needs G(s) &gt; 0 to say anything).</summary>
    public static ProofChain Build(CompletionInstance m, Rational smallness)
    {
        var d = m.Size;
        var defs = new List<KeyValuePair<Sym, Expr>>();
        Sym Named(string name, Expr value)
        {
            var sym = new Sym(name);
            defs.Add(new(sym, value));
            return sym;
        }
        var q = m.Observed.ToDictionary(o => o, o => Named($"q[{o.I},{o.J}]", Expr.Pow(m.Residual(o.I, o.J), 2)));
        var det = Named("Det", m.Determinant);
        var minor = Named("D", Expr.Add(m.Permutations.Where(p => p.Sigma[0] == 1).Select(p => Expr.Scale(p.Sign, Term(p.Sigma)))));
        var rest = Named("P", Expr.Add(m.Permutations.Where(p => p.Sigma[0] != 1).Select(p => Expr.Scale(p.Sign, CompletionInstance.Product(p.Sigma)))));
        var main = Named("U", CompletionInstance.Product(MainSigma(d)));
        var others = OtherTerms(m).Select((p, k) => (p.Sign, p.Sigma, T: Named($"t{k + 1}", Term(p.Sigma)))).ToList();

        var hypotheses = new List<KeyValuePair<string, Statement>>
        {
            new("s_nonnegative", Expr.Ge(S, 0)),
            new("s_squared_is_2l", Expr.Eq(Expr.Pow(S, 2), Expr.Add(q.Values))),
            new("l_small", Expr.Lt(S, Num.Of(smallness))),
            new("det_positive", Expr.Gt(det, 0)),
        };
        var steps = new List<ProofStep>();
        foreach (var (o, qo) in q)
            steps.Add(new ProofStep($"q{o.I}{o.J}_nonnegative", Expr.Ge(qo, 0), []));
        foreach (var (o, qo) in q)
            steps.Add(new ProofStep($"q{o.I}{o.J}_at_most_s2", Expr.Le(qo, Expr.Pow(S, 2)),
                ["s_squared_is_2l", .. q.Keys.Select(k => $"q{k.I}{k.J}_nonnegative")], Abstract: true));
        foreach (var o in q.Keys)
            steps.Add(new ProofStep(Box(o), Expr.And(Expr.Le(Expr.Neg(S), m.Residual(o.I, o.J)), Expr.Le(m.Residual(o.I, o.J), S)),
                ["s_nonnegative", $"q{o.I}{o.J}_at_most_s2"]));
        var mainSigma = MainSigma(d);
        steps.Add(new ProofStep("U_at_least", Expr.Ge(main, Expr.Pow(Expr.Sub(1, S), d)),
            ["s_nonnegative", "l_small", .. Cells(mainSigma).Select(Box)]));
        foreach (var (_, sigma, t) in others)
        {
            var lemmas = ProductLemmas(m, sigma);
            IEnumerable<string> small = lemmas is null ? [] : ["l_small"];
            steps.Add(new ProofStep($"{t.Name}_bounded", Within(t, Bound(m, sigma)),
                ["s_nonnegative", .. small, .. Cells(sigma).Where(c => c != (1, 1)).Select(Box)], Lemmas: lemmas));
        }
        steps.Add(new ProofStep("det_splits", Expr.Eq(det, Expr.Add(Expr.Mul(CompletionInstance.Entry(1, 1), minor), rest)), []));
        // D and P written as signed sums of the named Leibniz terms t_k (and -U), the form the abstract bounds on D and -P
        // use. Shown with the names and their definitions as assumptions: expanded, both sides are the same polynomial.
        steps.Add(new ProofStep("D_expands", Expr.Eq(minor, Expr.Add(others.Where(o => o.Sigma[0] == 1).Select(o => Expr.Scale(o.Sign, o.T)))), [], ByDefinitions: true));
        steps.Add(new ProofStep("P_expands", Expr.Eq(rest, Expr.Add(others.Where(o => o.Sigma[0] != 1).Select(o => Expr.Scale(o.Sign, o.T)).Append(Expr.Neg(main)))), [], ByDefinitions: true));
        steps.Add(new ProofStep("minus_P_at_least_G", Expr.Ge(Expr.Neg(rest), G(m)),
            ["P_expands", "U_at_least", .. others.Where(o => o.Sigma[0] != 1).Select(o => $"{o.T.Name}_bounded")], Abstract: true));
        steps.Add(new ProofStep("D_at_most_H", Expr.And(Expr.Le(Expr.Neg(H(m)), minor), Expr.Le(minor, H(m))),
            ["D_expands", .. others.Where(o => o.Sigma[0] == 1).Select(o => $"{o.T.Name}_bounded")], Abstract: true));
        var bound = Expr.Gt(Expr.Mul(Expr.Abs(CompletionInstance.Entry(1, 1)), H(m)), G(m));
        steps.Add(new ProofStep("s_positive", Expr.Gt(S, 0), ["s_nonnegative", "det_positive", "det_splits", "minus_P_at_least_G", "D_at_most_H"], Abstract: true));
        steps.Add(new ProofStep("W11_bound", bound, ["det_positive", "det_splits", "minus_P_at_least_G", "D_at_most_H"], Abstract: true));
        var conclusion = Expr.And(Expr.Gt(S, 0), bound);
        steps.Add(new ProofStep("conclusion", conclusion, ["s_positive", "W11_bound"], Abstract: true));

        var derivation = new ProofChain($"e{d}-bound", $"{d}x{d}: s < {smallness} and det W > 0 imply |W[1,1]|*H(s) > G(s)",
            hypotheses, defs, steps, conclusion);
        derivation.Validate();
        return derivation;
    }

    /// <summary>The Leibniz product without the factor W[1,1] (for σ(1) = 1 it is a term of the (1,1) minor).</summary>
    private static Expr Term(int[] sigma) =>
        Expr.Mul(Cells(sigma).Where(c => c != (1, 1)).Select(c => (Expr)CompletionInstance.Entry(c.I, c.J)));

    /// <summary>
    /// The lemma chain of a product of four or more entries with a target-1 factor, null for the others. With the
    /// k target-0 factors z (each in [−s, s]) and the target-1 factors o: |Πz| ≤ s^k; every o lies in [0, 1 + s]
    /// (o ≥ 1 − s ≥ 0, which is why such a step also uses s &lt; 1/5); so −s^k·Πo ≤ t ≤ s^k·Πo; then the o are
    /// replaced by 1 + s one at a time, s^k(1 + s)^(i−1)·o_i·… ≤ s^k(1 + s)^i·…, each one linear fact times a
    /// nonnegative monomial; the claim is then linear in those facts. Why: cvc5 1.0.3 (Debian, no libpoly, so only
    /// incremental linearisation) does not decide the degree-4 bound in one go within 10 s but each of these steps
    /// at once (z3 decides both). Both sides are written expanded: a power of the sum s + 1 is named in the
    /// certificate (sum.1), and multiplying a fact about sum.1² by s² ran past a minute in cvc5, the expanded form
    /// in under a second.
    /// </summary>
    private static List<Statement>? ProductLemmas(CompletionInstance m, int[] sigma)
    {
        var cells = Cells(sigma).Where(c => c != (1, 1)).ToList();
        if (cells.Count < 4 || cells.All(c => m.Target(c.I, c.J) == 0)) return null;
        Expr Entry((int I, int J) c) => CompletionInstance.Entry(c.I, c.J);
        var zeros = cells.Where(c => m.Target(c.I, c.J) == 0).Select(Entry).ToList();
        var ones = cells.Where(c => m.Target(c.I, c.J) == 1).Select(Entry).ToList();
        var sk = Expr.Pow(S, zeros.Count);
        var lemmas = new List<Statement>();
        if (zeros.Count >= 2) lemmas.Add(Within(Expr.Mul(zeros), sk));
        lemmas.AddRange(ones.Select(o => Expr.And(Expr.Le(0, o), Expr.Le(o, Expr.Add(S, 1)))));
        lemmas.Add(Within(Term(sigma), Expr.Mul(ones.Prepend(sk))));
        Expr Replaced(int i) => Algebra.Expand(Expr.Mul(ones.Skip(i).Prepend(Expr.Pow(Expr.Add(1, S), i)).Prepend(sk)));
        for (var i = 0; i < ones.Count; i++)
            lemmas.Add(Expr.Le(Replaced(i), Replaced(i + 1)));
        return lemmas;
    }

    /// <summary><c>−b ≤ x ≤ b</c>.</summary>
    private static Statement Within(Expr x, Expr b) => Expr.And(Expr.Le(Expr.Neg(b), x), Expr.Le(x, b));

    private static string Box((int I, int J) o) => $"r{o.I}{o.J}_within_s";

    /// <summary>The transposition (1 2): the Leibniz term of the exact solutions' determinant, −1.</summary>
    private static int[] MainSigma(int d) => [2, 1, .. Enumerable.Range(3, d - 2)];

    private static IEnumerable<(int I, int J)> Cells(int[] sigma) => sigma.Select((c, r) => (r + 1, c));

    /// <summary>Every Leibniz term except the main one, in the instance's order (σ(1) = 1 first: the terms of D).</summary>
    private static IEnumerable<(int Sign, int[] Sigma)> OtherTerms(CompletionInstance m) =>
        m.Permutations.Where(p => !p.Sigma.SequenceEqual(MainSigma(m.Size)))
            .OrderBy(p => p.Sigma[0] == 1 ? 0 : 1);

    /// <summary><c>(1 + s)^(factors with target 1) · s^(factors with target 0)</c>, W[1,1] excluded (it is not a residual).</summary>
    private static Expr Bound(CompletionInstance m, int[] sigma)
    {
        var cells = Cells(sigma).Where(c => c != (1, 1)).ToList();
        var ones = cells.Count(c => m.Target(c.I, c.J) == 1);
        return Expr.Mul(Expr.Pow(Expr.Add(1, S), ones), Expr.Pow(S, cells.Count - ones));
    }
}
