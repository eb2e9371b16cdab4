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

    /// <summary>The definedness conditions under which the proof holds (roots of non-negatives, non-zero denominators).</summary>
    public IReadOnlyList<string> DomainConditions =>
        Cases.SelectMany(c => c.Problem.DomainStated).Select(d => d.ToString()).Distinct(StringComparer.Ordinal).ToList();
}
