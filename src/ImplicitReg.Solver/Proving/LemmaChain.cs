using System.Diagnostics;
using ImplicitReg.Solver.Translation;
using ImplicitReg.Solver.Verdicts;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Solver.Proving;

/// <summary>
/// A proof by lemmas: lemma k is proved under the assumptions and lemmas 1..k−1, then the statement under the
/// assumptions and every lemma; a step that names the lemmas it uses (<see cref="Lemma.Uses"/>, the statement's
/// <c>uses</c>) carries only those. Each step is an ordinary obligation with its own certificates, small enough for
/// solvers that cannot decide the statement in one go. Verdicts (the simplest sound rule): every step proved ⇒
/// proved. A counterexample to the last step satisfies the assumptions and falsifies the statement, so it refutes
/// the statement itself (it is confirmed again against the statement without the lemmas). When a lemma is refuted
/// or undecided, or the last step is undecided, the chain proves nothing: the statement is tried alone, and its
/// verdict stands (proved, or refuted by a counterexample to the statement); otherwise unknown, with the chain's
/// reason ("lemma 2 is false: counterexample …").
/// </summary>
public sealed class LemmaChain(Prover prover)
{
    /// <summary>A lemma: its statement and the conditions under which its terms are defined (from the parser).</summary>
    public sealed record Lemma(Statement Statement, IReadOnlyList<Statement> Domain)
    {
        /// <summary>
        /// The earlier lemmas (1-based) its obligation assumes; null: every earlier one. Why: each assumed lemma is
        /// more for the solver to search, and a step that needs two of nine lemmas can time out carrying all nine.
        /// </summary>
        public IReadOnlyList<int>? Uses { get; init; }

        /// <summary>The lemma as it is proved and then assumed: its domain conditions are its premises.</summary>
        public Statement Guarded => Domain.Count == 0 ? Statement : Expr.Implication(Expr.And([.. Domain]), Statement);
    }

    /// <summary>
    /// Why <paramref name="lemmas"/> and the statement's <paramref name="uses"/> do not form a chain (a step that uses
    /// itself, a later lemma or one that does not exist), naming the step; null when they do.
    /// </summary>
    public static string? Invalid(IReadOnlyList<Lemma> lemmas, IReadOnlyList<int>? uses)
    {
        for (var k = 1; k <= lemmas.Count; k++)
            if (InvalidUses(lemmas[k - 1].Uses, k - 1, $"lemma {k}") is { } why) return why;
        return InvalidUses(uses, lemmas.Count, "the statement");
    }

    private static string? InvalidUses(IReadOnlyList<int>? uses, int before, string what)
    {
        if (uses is null) return null;
        foreach (var u in uses)
            if (InvalidUse(u, before, what) is { } why) return why;
        var twice = uses.GroupBy(u => u).FirstOrDefault(g => g.Count() > 1);
        return twice is null ? null : $"{what} names lemma {twice.Key} twice in its uses";
    }

    /// <summary>
    /// Why step <paramref name="what"/>, which comes after <paramref name="before"/> lemmas, may not use lemma
    /// <paramref name="u"/> (it is not an earlier lemma); null when it may. The one statement of the rule, for the
    /// claim loader too (it reports each number at its place in the file).
    /// </summary>
    public static string? InvalidUse(int u, int before, string what) =>
        u >= 1 && u <= before ? null
        : before == 0 ? $"{what} uses lemma {u}, but no lemma comes before it"
        : $"{what} uses lemma {u}, but only lemmas 1 to {before} come before it (a step may use only earlier lemmas)";

    /// <summary>The lemma numbers (1-based) a step assumes: <paramref name="uses"/>, or all <paramref name="before"/> earlier ones.</summary>
    public static IReadOnlyList<int> Used(IReadOnlyList<int>? uses, int before) =>
        uses is null ? Enumerable.Range(1, before).ToList() : uses.Order().ToList();

    /// <summary>
    /// The obligation of lemma <paramref name="k"/> (1-based): the lemma under the assumptions and the lemmas before
    /// it (those it <see cref="Lemma.Uses"/>, when it names them).
    /// </summary>
    public static Obligation LemmaObligation(Obligation statement, IReadOnlyList<Lemma> lemmas, int k)
    {
        var assumptions = statement.Normalized().Assumptions;
        // The lemma's own premises hold in its obligation too: earlier lemmas with those premises apply unconditionally.
        var own = Obligation.Of("", lemmas[k - 1].Guarded, assumptions).Assumptions;
        var used = Used(lemmas[k - 1].Uses, k - 1).Select(u => lemmas[u - 1]);
        return Obligation.Of($"lemma {k}", lemmas[k - 1].Guarded, [.. assumptions, .. used.Select(l => Assumed(l, own))]);
    }

    /// <summary>
    /// The last step: the statement under every lemma and the assumptions. The lemmas come first: qfnra-nlsat's run
    /// time depends on the order of the assertions, and on the M6 bound's eight-lemma chain both orders the portfolio
    /// tries timed out with the lemmas after the assumptions, while with them first it answers in under 200 ms.
    /// </summary>
    public static Obligation StepObligation(Obligation statement, IReadOnlyList<Lemma> lemmas, IReadOnlyList<int>? uses = null)
    {
        var normalized = statement.Normalized();
        var used = Used(uses, lemmas.Count).Select(u => lemmas[u - 1]);
        return normalized with { Assumptions = [.. used.Select(l => Assumed(l, normalized.Assumptions)), .. normalized.Assumptions] };
    }

    /// <summary>
    /// The obligations of the chain's steps, in order: lemma 1..n (<see cref="LemmaObligation"/>), then the last step
    /// (<see cref="StepObligation"/>); the statement alone when there are no lemmas.
    /// </summary>
    public static IReadOnlyList<Obligation> Steps(Obligation statement, IReadOnlyList<Lemma> lemmas, IReadOnlyList<int>? uses = null)
    {
        var original = statement.Normalized();
        var steps = Enumerable.Range(1, lemmas.Count).Select(k => LemmaObligation(original, lemmas, k)).ToList();
        steps.Add(lemmas.Count == 0 ? original : StepObligation(original, lemmas, uses));
        return steps;
    }

    /// <summary>
    /// A proved lemma as an assumption of a later step: premises that are assumptions of that step already are
    /// dropped (they hold there, so the conclusion does), the rest stay premises. Why: every implication left is a
    /// disjunction the solver must split on, and both Z3 and cvc5 slowed from milliseconds to timeouts on the M6
    /// chain's steps when each lemma kept its premises (the loss bound and det &gt; 0, repeated). The lemma's own
    /// domain conditions are dropped too: its terms are terms of the step, and every obligation is decided only where
    /// its terms are defined (the prover asserts those conditions), so they hold wherever the step speaks. Kept as
    /// premises they made each root-bearing lemma a disjunction, and the M6 bound's last step, decided in
    /// milliseconds with the lemmas stated plainly, timed out in every member of Z3's portfolio.
    /// </summary>
    public static Statement Assumed(Lemma lemma, IReadOnlyList<Statement> assumptions)
    {
        var known = assumptions.Concat(lemma.Domain.SelectMany(Conjuncts)).ToHashSet();
        var premises = new List<Statement>();
        var conclusion = lemma.Guarded;
        while (conclusion is Implies { Premise: Statement p, Conclusion: Statement c })
        {
            premises.AddRange(Conjuncts(p));
            conclusion = c;
        }
        var open = premises.Where(p => !known.Contains(p)).Distinct().ToList();
        return open.Count == 0 ? conclusion : Expr.Implication(Expr.And([.. open]), conclusion);
    }

    private static IEnumerable<Statement> Conjuncts(Statement s) =>
        s is Logic { Op: LogicOp.And } and ? and.Operands.SelectMany(o => Conjuncts((Statement)o)) : [s];

    /// <summary>Decides <paramref name="statement"/> by the chain of <paramref name="lemmas"/> (see the type's summary).</summary>
    public Verdict Prove(Obligation statement, IReadOnlyList<Lemma> lemmas, CancellationToken cancel = default) => Prove(statement, lemmas, null, cancel);

    /// <summary>
    /// Decides <paramref name="statement"/> by the chain of <paramref name="lemmas"/>, its last step assuming only the
    /// lemmas in <paramref name="uses"/> (null: all). Throws <see cref="ArgumentException"/> when the references do not
    /// form a chain (<see cref="Invalid"/>; callers check first and report bad input).
    /// </summary>
    public Verdict Prove(Obligation statement, IReadOnlyList<Lemma> lemmas, IReadOnlyList<int>? uses, CancellationToken cancel = default)
    {
        if (Invalid(lemmas, uses) is { } invalid) throw new ArgumentException(invalid, nameof(lemmas));
        if (lemmas.Count == 0) return prover.Prove(statement, cancel);
        var clock = Stopwatch.StartNew();
        var original = statement.Normalized();
        var domain = DomainOf(original);
        // The same step obligations prove's certificates are written from (and the prover's cache is keyed by).
        var steps = Steps(original, lemmas, uses);
        var proved = new List<Verdict>();
        string? failure = null;
        for (var k = 1; k <= lemmas.Count && failure is null; k++)
        {
            var obligation = steps[k - 1];
            failure = Wider(obligation, domain, $"lemma {k}");
            if (failure is not null) break;
            var v = prover.Prove(obligation, cancel);
            proved.Add(v with { Assumes = Used(lemmas[k - 1].Uses, k - 1) });
            failure = v.Kind switch
            {
                VerdictKind.Proved => null,
                VerdictKind.Refuted => $"lemma {k} is false: counterexample {v.Counterexample}",
                _ => $"lemma {k} is not proved: {v.Reason}",
            };
        }
        if (failure is null)
        {
            var step = steps[^1];
            var assumes = Used(uses, lemmas.Count);
            failure = Wider(step, domain, "the statement under the lemmas");
            if (failure is null)
            {
                var last = prover.Prove(step, cancel);
                switch (last.Kind)
                {
                    case VerdictKind.Proved or VerdictKind.InvalidCounterexample:
                        return last with { Obligation = original, Lemmas = proved, Step = step, Assumes = assumes, Elapsed = clock.Elapsed };
                    case VerdictKind.Refuted when Reconfirmed(original, last) is { } cex:
                        return last with { Obligation = original, Lemmas = proved, Step = step, Assumes = assumes, Counterexample = cex, Elapsed = clock.Elapsed };
                    default:
                        failure = $"the statement under the lemmas is not proved: {last.Reason ?? "its counterexample does not falsify the statement alone"}";
                        break;
                }
            }
        }
        var direct = prover.Prove(original, cancel);
        return direct with
        {
            Lemmas = proved,
            ChainFailure = failure,
            Reason = direct.Kind == VerdictKind.Unknown ? $"{failure}; the statement alone: {direct.Reason}" : direct.Reason,
            Elapsed = clock.Elapsed,
        };
    }

    // A counterexample to the last step, confirmed again on the statement without the lemmas (a point where the
    // assumptions hold and the statement fails refutes it, whatever the lemmas say).
    private static Counterexample? Reconfirmed(Obligation original, Verdict last)
    {
        var refuting = last.Cases.LastOrDefault(c => c.Answer.Model is not null);
        if (refuting is null) return null;
        var cex = Counterexample.Check(original, refuting.Eliminated, refuting.Answer.Model!);
        return cex.Confirmation is Confirmation.Exact or Confirmation.HighPrecision ? cex : null;
    }

    // A lemma must not shrink the set of points the statement speaks about: a step whose terms are defined on a
    // smaller domain (a root or denominator the statement does not have) would prove the statement only there.
    private string? Wider(Obligation obligation, ISet<string> domain, string what)
    {
        var extra = DomainOf(obligation).Where(d => !domain.Contains(d)).ToList();
        return extra.Count == 0 ? null
            : $"{what} needs {string.Join(", ", extra)}, which the statement does not: a lemma may use only terms defined wherever the statement is";
    }

    private HashSet<string> DomainOf(Obligation obligation) =>
        prover.Prepare(obligation).SelectMany(c => c.Problem.DomainStated).Select(d => d.ToString()).ToHashSet(StringComparer.Ordinal);
}
