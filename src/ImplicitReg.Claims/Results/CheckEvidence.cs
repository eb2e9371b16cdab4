using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Claims.Results;

/// <summary>The structured evidence of a check; one sealed record per check kind.</summary>
public abstract record CheckEvidence;

/// <summary>
/// A derivation: each step with its equations and verdict, the published formulas it was compared with, the
/// conclusion, and the snapshot comparison when the check pins one.
/// </summary>
/// <param name="Derivation">The derivation's registry name, e.g. <c>layer-flow</c>.</param>
/// <param name="Setting">The setting lines (depth, shapes, loss).</param>
/// <param name="Steps">Every step in order.</param>
/// <param name="Published">The published formulas of the claim file, key → formula text.</param>
/// <param name="Conclusion">The derivation's conclusion verdict (proved, disproved, numeric only).</param>
/// <param name="ConclusionText">Its one-line conclusion.</param>
/// <param name="Snapshot">The snapshot comparison, or null when the check has none.</param>
public sealed record DerivationEvidence(
    string Derivation,
    IReadOnlyList<string> Setting,
    IReadOnlyList<DerivationStepEvidence> Steps,
    IReadOnlyDictionary<string, string> Published,
    string Conclusion,
    string ConclusionText,
    SnapshotEvidence? Snapshot) : CheckEvidence;

/// <summary>One derivation step: its equations, the rule or check that justifies them and its verdict.</summary>
/// <param name="Verdict">definition, assumed, derived, proved, disproved or numeric only.</param>
/// <param name="Witness">The exact point where a disproved step's sides differ, or null.</param>
/// <param name="Reason">Reason.</param>
/// <param name="Name">Name.</param>
/// <param name="Equations">Equations.</param>
public sealed record DerivationStepEvidence(string Name, IReadOnlyList<FormulaEvidence> Equations, string Reason, string Verdict, string? Witness);

/// <summary>One equation of a step, as text (parses back with the kernel) and as expressions for typesetting.</summary>
/// <param name="Lhs">Left side text, e.g. <c>d/dt W2[1,3]</c>.</param>
/// <param name="Relation">The relation symbol, e.g. <c>=</c>.</param>
/// <param name="Rhs">Right side text.</param>
/// <param name="LhsExpr">Left side expression (for a rate, the quantity differentiated).</param>
/// <param name="RhsExpr">Right side expression.</param>
/// <param name="IsRate">True when the left side is read as <c>d/dt LhsExpr</c>.</param>
public sealed record FormulaEvidence(string Lhs, string Relation, string Rhs, Expr LhsExpr, Expr RhsExpr, bool IsRate)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Lhs} {Relation} {Rhs}";
}

/// <summary>How the derived text compared with its <c>.verified.txt</c> snapshot.</summary>
public enum SnapshotOutcome
{
    /// <summary>Identical after scrubbing.</summary>
    Matched,

    /// <summary>Different: the received text was written beside the verified file.</summary>
    Mismatched,

    /// <summary>No verified file yet: the received text was written for approval.</summary>
    New,
}

/// <summary>A snapshot comparison: the verified file, the received file written on mismatch, and the first differing line.</summary>
public sealed record SnapshotEvidence(string VerifiedPath, string? ReceivedPath, SnapshotOutcome Outcome, string? FirstDifference);

/// <summary>A solver check: every obligation (the statement with its assumptions) and its verdict.</summary>
public sealed record ProofEvidence(IReadOnlyList<ObligationEvidence> Obligations) : CheckEvidence;

/// <summary>
/// One solver obligation: the statement, its assumptions, the verdict, the counterexample (confirmed by the
/// kernel) when refuted, the solver's reason when unknown, and the SMT-LIB certificate files written.
/// </summary>
/// <param name="Verdict">proved, refuted, unknown or invalid-counterexample.</param>
/// <param name="Statement">Statement.</param>
/// <param name="Assumptions">Assumptions.</param>
/// <param name="Counterexample">Counterexample.</param>
/// <param name="Reason">Reason.</param>
/// <param name="CertificateFiles">Certificate files.</param>
/// <param name="Time">Time.</param>
public sealed record ObligationEvidence(
    string Statement,
    IReadOnlyList<string> Assumptions,
    string Verdict,
    IReadOnlyList<KeyValuePair<string, string>>? Counterexample,
    string? Reason,
    IReadOnlyList<string> CertificateFiles,
    TimeSpan Time)
{
    /// <summary>The lemmas of a proof by lemmas, in order, each with its verdict (empty without lemmas).</summary>
    public IReadOnlyList<LemmaEvidence> Lemmas { get; init; } = [];

    /// <summary>Why the lemma chain did not prove the statement (it was then tried alone), or null.</summary>
    public string? ChainFailure { get; init; }

    /// <summary>
    /// How the kernel confirmed the counterexample (exact arithmetic at a rational point, interval arithmetic at an
    /// algebraic one), or null without a counterexample.
    /// </summary>
    public string? Confirmation { get; init; }
}

/// <summary>One lemma of a proof by lemmas.</summary>
/// <param name="Lemma">The lemma's conclusion (kernel syntax).</param>
/// <param name="Verdict">proved, refuted, unknown or invalid-counterexample.</param>
/// <param name="Reason">The solver's reason or the counterexample, when not proved.</param>
public sealed record LemmaEvidence(string Lemma, string Verdict, string? Reason);

/// <summary>
/// A comparison of gradient descent with the derived flow: the gap per step size, the observed order and the
/// band it had to fall in; or, for singular values, the largest deviation. <see cref="Series"/> holds the
/// curves (gap against step size; σ along the trajectory) for plots.
/// </summary>
/// <param name="Comparison"><c>flow-vs-gd</c> or <c>singular-values</c>.</param>
/// <param name="Gaps">One row per step size (empty for singular-values).</param>
/// <param name="ObservedOrder">The last observed order, or null.</param>
/// <param name="OrderBand">The band [low, high] of the claim file, or null.</param>
/// <param name="Deviation">For singular-values: the largest relative deviation of σ from the equation and from the closed form.</param>
/// <param name="Series">Series.</param>
public sealed record CompareEvidence(
    string Comparison,
    IReadOnlyList<GapEvidence> Gaps,
    double? ObservedOrder,
    (double Low, double High)? OrderBand,
    double? Deviation,
    IReadOnlyList<Series> Series) : CheckEvidence;

/// <summary>The gap max_k |θ_GD(t_k) − θ_GF(t_k)|∞ at one step size, and the order observed against the previous one.</summary>
public sealed record GapEvidence(double StepSize, long Steps, double Gap, double? Order);

/// <summary>A recorded run and its predicates.</summary>
/// <param name="Run">One line describing the run (model, problem, seed, how it ended).</param>
/// <param name="Seed">The seed of every random choice of the run.</param>
/// <param name="Status">converged, step-limit, diverged or interrupted.</param>
/// <param name="Predicates">Every predicate with its outcome.</param>
/// <param name="Series">The recorded columns (step, time, loss, det, W11, …).</param>
public sealed record SimulateEvidence(string Run, int Seed, string Status, IReadOnlyList<PredicateEvidence> Predicates, Series Series) : CheckEvidence;

/// <summary>
/// One predicate over a recorded series: its formula and mode, whether it held, and the first record where it
/// failed (all columns of that record).
/// </summary>
/// <param name="At"><c>every</c> or <c>end</c>.</param>
/// <param name="Kind"><c>holds</c> or <c>grows-as-loss-falls</c>.</param>
/// <param name="Formula">The formula (a statement for <c>holds</c>, the quantity for <c>grows-as-loss-falls</c>).</param>
/// <param name="Where">The condition restricting the records, or null.</param>
/// <param name="Checked">How many records the predicate was evaluated at.</param>
/// <param name="FailingRecord">The index in <see cref="SimulateEvidence.Series"/> of the first failing record, or null.</param>
/// <param name="Name">Name.</param>
/// <param name="Held">Held.</param>
/// <param name="Explanation">Explanation.</param>
public sealed record PredicateEvidence(
    string Name,
    string At,
    string Kind,
    string Formula,
    string? Where,
    bool Held,
    int Checked,
    int? FailingRecord,
    string? Explanation);

/// <summary>Named columns of doubles of equal length: what a plot draws.</summary>
/// <param name="Name">What the series is, e.g. <c>run</c>, <c>gaps</c>, <c>singular values</c>.</param>
/// <param name="Columns">Column name → values, in display order; every column has <see cref="Length"/> values.</param>
public sealed record Series(string Name, IReadOnlyList<SeriesColumn> Columns)
{
    /// <summary>Number of records.</summary>
    public int Length => Columns.Count == 0 ? 0 : Columns[0].Values.Count;

    /// <summary>The column with this name, or null.</summary>
    public SeriesColumn? Column(string name) => Columns.FirstOrDefault(c => c.Name == name);
}

/// <summary>One named column of a <see cref="Series"/>.</summary>
public sealed record SeriesColumn(string Name, IReadOnlyList<double> Values);
