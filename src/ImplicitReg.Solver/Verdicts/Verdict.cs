using ImplicitReg.Solver.Backends;
using ImplicitReg.Solver.Translation;

namespace ImplicitReg.Solver.Verdicts;

/// <summary>How an obligation was decided.</summary>
public enum VerdictKind
{
    /// <summary>The negation is unsatisfiable (in every case).</summary>
    Proved,
    /// <summary>A counterexample exists, and the kernel confirmed it falsifies the original statement.</summary>
    Refuted,
    /// <summary>Undecided: the solver's reason is attached. Never reported as proved.</summary>
    Unknown,
    /// <summary>The solver's counterexample does not falsify the statement: a bug in the toolkit or the solver.</summary>
    InvalidCounterexample,
}

/// <summary>One case of an obligation (after abs case splitting), as lowered and as answered.</summary>
public sealed record CaseResult(Obligation Case, LoweredProblem Problem, IReadOnlyList<Elimination> Eliminated, SolverAnswer Answer)
{
    /// <summary>The problem as its certificate states it: assertions in the order the solver decided it.</summary>
    public LoweredProblem Certified => Problem with { PreferredOrder = Answer.Order };
}

/// <summary>The outcome of proving an obligation, with every case and its lowered problem for certificates.</summary>
public sealed record Verdict(
    VerdictKind Kind,
    Obligation Obligation,
    IReadOnlyList<CaseResult> Cases,
    Counterexample? Counterexample,
    string? Reason,
    TimeSpan Elapsed)
{
    /// <summary>The lemmas of a proof by lemmas, each decided under the assumptions and the earlier lemmas it uses (empty without lemmas).</summary>
    public IReadOnlyList<Verdict> Lemmas { get; init; } = [];

    /// <summary>
    /// The statement under the assumptions and every lemma, when <see cref="Cases"/> are that step of a lemma chain;
    /// null when the cases are the statement's alone (no lemmas, or the chain failed and the statement was tried alone).
    /// </summary>
    public Obligation? Step { get; init; }

    /// <summary>
    /// For a step of a lemma chain (a lemma's verdict, or the statement's when <see cref="Step"/> is set): the lemma
    /// numbers (1-based) its obligation assumes, the ones its certificates' headers list. Empty otherwise.
    /// </summary>
    public IReadOnlyList<int> Assumes { get; init; } = [];

    /// <summary>Why the lemma chain did not prove the statement (then the statement was tried alone); null otherwise.</summary>
    public string? ChainFailure { get; init; }

    /// <summary>
    /// True when no case has a counterexample only because the premises of every case (assumptions, sign condition,
    /// where the terms are defined) were proved inconsistent: the kind is then <see cref="VerdictKind.Unknown"/>.
    /// </summary>
    public bool Vacuous { get; init; }

    /// <summary>True for <see cref="VerdictKind.Proved"/>.</summary>
    public bool IsProved => Kind == VerdictKind.Proved;

    /// <summary>The symbols eliminated by equations before solving, as <c>symbol = value</c> (over all cases).</summary>
    public IReadOnlyList<string> Eliminated =>
        Cases.SelectMany(c => c.Eliminated).Select(e => $"{e.Symbol} = {e.Definition}").Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// The definedness conditions (roots of non-negatives, non-zero denominators) of every case, merged: the union of
    /// <see cref="DomainByCase"/>. When the cases differ this list is not one domain (<c>x >= 0, -x >= 0</c> for the
    /// two sign cases of <c>abs(x)^(2/3)</c>): print <see cref="DomainByCase"/> then.
    /// </summary>
    public IReadOnlyList<string> DomainConditions =>
        Cases.SelectMany(c => c.Problem.DomainStated).Select(d => d.ToString()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Each case's definedness conditions, which hold together within that case (in case order).</summary>
    public IReadOnlyList<(string Case, IReadOnlyList<string> Conditions)> DomainByCase =>
        [.. Cases.Select(c => (c.Case.Name, (IReadOnlyList<string>)[.. c.Problem.DomainStated.Select(d => d.ToString()).Distinct(StringComparer.Ordinal)]))];

    /// <summary>
    /// True when every case has the same definedness conditions, so <see cref="DomainConditions"/> is the domain of
    /// the whole proof; false when they differ by case, and only <see cref="DomainByCase"/> states what is true.
    /// </summary>
    public bool DomainIsUniform =>
        DomainByCase.Select(c => c.Conditions.Order(StringComparer.Ordinal)).Distinct(SequenceComparer.Instance).Count() <= 1;

    // Compares condition lists element by element (the cases' lists, sorted).
    private sealed class SequenceComparer : IEqualityComparer<IEnumerable<string>>
    {
        public static readonly SequenceComparer Instance = new();
        public bool Equals(IEnumerable<string>? x, IEnumerable<string>? y) => x is null ? y is null : y is not null && x.SequenceEqual(y, StringComparer.Ordinal);
        public int GetHashCode(IEnumerable<string> obj) => string.Join("\n", obj).GetHashCode(StringComparison.Ordinal);
    }
}
