using System.Runtime.CompilerServices;
using ImplicitReg.Symbolic.Core;
using ImplicitReg.Symbolic.Operations;

namespace ImplicitReg.Models.Problems;

/// <summary>
/// One step of a <see cref="ProofChain"/>: <see cref="Claim"/> follows from the facts named in
/// <see cref="Uses"/> (hypotheses or earlier steps). A step is proved either <see cref="Abstract"/>ly, with
/// the named quantities as free real variables (a stronger statement: it holds whatever their values), or
/// concretely, with each named quantity replaced by its definition. <see cref="Lemmas"/> (optional) is a proof of the
/// step by lemmas (the claim files' <c>lemmas:</c>): each is proved under the facts the step uses and the lemmas
/// before it, then the claim under all of them. It never adds an assumption, it only cuts the obligation into pieces a
/// solver decides at once (why: cvc5 1.0.3 without libpoly does not decide some degree-4 products in one go).
/// <see cref="ByDefinitions"/> marks a step that relates named quantities to each other (e.g. <c>D = t1 - t2</c>): it
/// is proved with them as free variables and their definitions (<c>name = value</c>) as assumptions. Expanded, both
/// sides of such a claim become the same text (<c>x = x</c>), which shows a reviewer nothing; stated this way the
/// check shows which named quantities it relates, and it still fails if the generator splits a quantity wrongly.
/// </summary>
public sealed record ProofStep(string Name, Statement Claim, IReadOnlyList<string> Uses, bool Abstract = false,
    IReadOnlyList<Statement>? Lemmas = null, bool ByDefinitions = false);

/// <summary>
/// A theorem too large for one solver call, stated as a chain of small obligations (data: the claim files carry
/// each step as a prove check whose assumptions are the facts it uses). Facts are stated in the
/// theorem's variables plus named quantities (e.g. <c>D</c> := the (1,1) minor); every step is a separate
/// obligation. If every step is proved, then for every point satisfying the hypotheses (with the named
/// quantities at their defined values) every step's claim holds, by induction along the chain, so the last
/// claim, <see cref="Conclusion"/>, holds: the <see cref="Theorem"/> is proved. <see cref="Validate"/> checks the
/// chain's bookkeeping (names, order, conclusion) so a reviewer only has to read the statements.
/// </summary>
public sealed record ProofChain(
    string Id,
    string Title,
    IReadOnlyList<KeyValuePair<string, Statement>> Hypotheses,
    IReadOnlyList<KeyValuePair<Sym, Expr>> Definitions,
    IReadOnlyList<ProofStep> Steps,
    Statement Conclusion)
{
    /// <summary>The theorem in the original variables: hypotheses imply the conclusion, named quantities expanded.</summary>
    public Statement Theorem => Expand(Expr.Implication(Expr.And([.. Hypotheses.Select(h => h.Value)]), Conclusion));

    /// <summary>Replaces every named quantity by its definition.</summary>
    public Statement Expand(Statement s) =>
        (Statement)Algebra.Substitute(s, Expansions.GetValue(this, c => c.Definitions.ToDictionary(d => (Expr)d.Key, d => d.Value)));

    // Each chain's definitions as a substitution map, built on its first expansion. Kept beside the chain rather than in
    // a field: a record compares and copies its fields, so a cached map would make equal chains unequal and would follow
    // a `with` copy that replaces the definitions. The table holds the map only as long as the chain lives.
    private static readonly ConditionalWeakTable<ProofChain, Dictionary<Expr, Expr>> Expansions = new();

    /// <summary>
    /// What a step asks the prover: the facts it uses imply its claim (named quantities expanded unless abstract; a step
    /// <see cref="ProofStep.ByDefinitions"/> also assumes the definitions of the named quantities in its claim).
    /// </summary>
    public (IReadOnlyList<Statement> Assume, Statement Claim) StepObligation(ProofStep step)
    {
        var facts = Facts();
        var uses = step.Uses.Select(u => facts[u]).ToList();
        if (step.ByDefinitions)
        {
            var named = Algebra.FreeSymbols(step.Claim).ToHashSet();
            return ([.. uses, .. Definitions.Where(d => named.Contains(d.Key)).Select(d => Expr.Eq(d.Key, d.Value))], step.Claim);
        }
        if (step.Abstract) return (uses, step.Claim);
        return ([.. uses.Select(Expand)], Expand(step.Claim));
    }

    /// <summary>The step's lemmas as the prover gets them (named quantities expanded unless the step is abstract).</summary>
    public IReadOnlyList<Statement> StepLemmas(ProofStep step) =>
        step.Lemmas is null ? [] : step.Abstract ? step.Lemmas : [.. step.Lemmas.Select(Expand)];

    /// <summary>Throws when a step uses an unknown or later fact, a name repeats, or the last claim is not the conclusion.</summary>
    public void Validate()
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in Hypotheses)
            if (!known.Add(name)) throw new InvalidOperationException($"{Id}: hypothesis name '{name}' repeats");
        foreach (var d in Definitions)
            if (Algebra.FreeSymbols(d.Value).Any(s => Definitions.Any(o => o.Key.Equals(s))))
                throw new InvalidOperationException($"{Id}: the definition of {d.Key} uses another named quantity");
        foreach (var step in Steps)
        {
            foreach (var u in step.Uses)
                if (!known.Contains(u)) throw new InvalidOperationException($"{Id}: step '{step.Name}' uses '{u}', which is not a hypothesis or an earlier step");
            if (!known.Add(step.Name)) throw new InvalidOperationException($"{Id}: step name '{step.Name}' repeats");
        }
        if (Steps.Count == 0 || !Steps[^1].Claim.Equals(Conclusion))
            throw new InvalidOperationException($"{Id}: the last step must claim the conclusion '{Conclusion}'");
    }

    private Dictionary<string, Statement> Facts()
    {
        var facts = new Dictionary<string, Statement>(StringComparer.Ordinal);
        foreach (var (name, s) in Hypotheses) facts[name] = s;
        foreach (var step in Steps) facts[step.Name] = step.Claim;
        return facts;
    }
}
