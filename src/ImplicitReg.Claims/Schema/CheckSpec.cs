using ImplicitReg.Claims.Results;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Models.Derivations;

namespace ImplicitReg.Claims.Schema;

/// <summary>A check of a claim: its id, what it expects and where it is written; one sealed record per kind.</summary>
public abstract record CheckSpec
{
    /// <summary>Unique within the claim.</summary>
    public required string Id { get; init; }

    /// <summary><c>holds</c> or <c>refuted</c>.</summary>
    public required Expectation Expect { get; init; }

    /// <summary>Where the check's mapping starts.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>An optional note (why the check exists, what a negative control gets wrong).</summary>
    public string? Note { get; init; }

    /// <summary>The kind.</summary>
    public abstract CheckKind Kind { get; }
}

/// <summary>A derivation of the kernel compared with the published formulas of the claim file.</summary>
/// <param name="Derivation">The registry entry.</param>
/// <param name="Options">The derivation's options (model fields applied), with <c>Published</c> set from the file.</param>
/// <param name="Published">The published formulas as written, key → formula.</param>
/// <param name="PublishedLocations">Where each published formula is written.</param>
/// <param name="Snapshot">Whether the whole derived text is pinned to <c>&lt;claim&gt;.&lt;check&gt;.verified.txt</c>.</param>
public sealed record DeriveCheckSpec(
    DerivationInfo Derivation,
    DerivationOptions Options,
    IReadOnlyDictionary<string, string> Published,
    IReadOnlyDictionary<string, SourceLocation> PublishedLocations,
    bool Snapshot) : CheckSpec
{
    /// <inheritdoc/>
    public override CheckKind Kind => CheckKind.Derive;
}

/// <summary>Statements for the solver, each proved under the assumptions.</summary>
/// <param name="Statements">One obligation each.</param>
/// <param name="Assume">Assumptions of every statement.</param>
/// <param name="TimeoutMs">Time limit of each solver call.</param>
public sealed record ProveCheckSpec(IReadOnlyList<FormulaSpec> Statements, IReadOnlyList<FormulaSpec> Assume, int TimeoutMs) : CheckSpec
{
    /// <summary>
    /// Lemmas of a proof by lemmas (empty: none): lemma k is proved under the assumptions and lemmas 1..k−1 (or the
    /// earlier ones it uses), each statement under the assumptions and all lemmas (or <see cref="Uses"/>). A lemma
    /// never adds an assumption: it is proved first.
    /// </summary>
    public IReadOnlyList<LemmaSpec> Lemmas { get; init; } = [];

    /// <summary>The lemmas (1-based) the last step of each statement assumes; null: all of them.</summary>
    public IReadOnlyList<int>? Uses { get; init; }

    /// <inheritdoc/>
    public override CheckKind Kind => CheckKind.Prove;
}

/// <summary>A lemma of a prove check.</summary>
/// <param name="Statement">The lemma, in the kernel's syntax.</param>
/// <param name="Uses">The earlier lemmas (1-based) its obligation assumes; null: every earlier one.</param>
public sealed record LemmaSpec(FormulaSpec Statement, IReadOnlyList<int>? Uses);

/// <summary>Gradient descent against the derived flow (flow-vs-gd) or the σ-equation (singular-values).</summary>
/// <param name="Comparison"><c>flow-vs-gd</c> or <c>singular-values</c>.</param>
/// <param name="Run">The model options (problem, depth, init, seed …) as a dmf run specification.</param>
/// <param name="LearningRate">The largest step η.</param>
/// <param name="Halvings">η, η/2, …, η/2^Halvings.</param>
/// <param name="Horizon">The time T compared.</param>
/// <param name="Samples">Times compared by singular-values.</param>
/// <param name="OrderBand">flow-vs-gd: the band the observed order must fall in.</param>
/// <param name="OrderLocation">Where the band is written.</param>
/// <param name="Tolerance">singular-values: the largest relative deviation accepted.</param>
/// <param name="RelativeTolerance">Relative tolerance.</param>
/// <param name="AbsoluteTolerance">Absolute tolerance.</param>
public sealed record CompareCheckSpec(
    string Comparison,
    RunSpec Run,
    double LearningRate,
    int Halvings,
    double Horizon,
    int Samples,
    double RelativeTolerance,
    double AbsoluteTolerance,
    (double Low, double High)? OrderBand,
    SourceLocation? OrderLocation,
    double Tolerance) : CheckSpec
{
    /// <inheritdoc/>
    public override CheckKind Kind => CheckKind.Compare;
}

/// <summary>A recorded run and predicates over its series.</summary>
public sealed record SimulateCheckSpec(RunSpec Run, IReadOnlyList<PredicateSpec> Predicates) : CheckSpec
{
    /// <inheritdoc/>
    public override CheckKind Kind => CheckKind.Simulate;
}

/// <summary>When a predicate is evaluated.</summary>
public enum PredicateAt
{
    /// <summary>At every record (where its condition holds).</summary>
    Every,

    /// <summary>At the last record.</summary>
    End,
}

/// <summary>What a predicate asserts.</summary>
public enum PredicateKind
{
    /// <summary>The statement <c>holds</c> is true.</summary>
    Holds,

    /// <summary>The quantity never decreases while the loss falls, and ends larger than it started.</summary>
    GrowsAsLossFalls,
}

/// <summary>A predicate over the recorded columns.</summary>
/// <param name="Where">The condition selecting records, or null.</param>
/// <param name="Holds">The statement (kind holds).</param>
/// <param name="Quantity">The quantity (kind grows-as-loss-falls).</param>
/// <param name="Name">Name.</param>
/// <param name="At">At.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Location">Location.</param>
public sealed record PredicateSpec(
    string Name,
    PredicateAt At,
    PredicateKind Kind,
    FormulaSpec? Where,
    FormulaSpec? Holds,
    FormulaSpec? Quantity,
    SourceLocation Location);
