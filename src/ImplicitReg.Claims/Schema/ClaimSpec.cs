using ImplicitReg.Claims.Results;
using ImplicitReg.Symbolic.Core;

namespace ImplicitReg.Claims.Schema;

/// <summary>
/// A claim file as loaded: what is claimed (id, title, source, statement, assumptions), the model its checks
/// share, and its checks. Every formula is already parsed by the kernel; every part keeps its place in the file.
/// The format is documented in proofs/README.md.
/// </summary>
public sealed record ClaimSpec
{
    /// <summary>The id; equals the file name without <c>.yaml</c>.</summary>
    public required string Id { get; init; }

    /// <summary>One-line title.</summary>
    public required string Title { get; init; }

    /// <summary>The claim file.</summary>
    public required string File { get; init; }

    /// <summary>The paper and the place in it.</summary>
    public SourceSpec? Source { get; init; }

    /// <summary>Which statement of docs/theory.md (M1..M9, E1..E4).</summary>
    public string? Theory { get; init; }

    /// <summary>The statement in prose.</summary>
    public string? Prose { get; init; }

    /// <summary>The statement as formulas.</summary>
    public IReadOnlyList<FormulaSpec> Formulas { get; init; } = [];

    /// <summary>Assumptions: formulas, or prose.</summary>
    public IReadOnlyList<AssumptionSpec> Assumptions { get; init; } = [];

    /// <summary>What the checks share.</summary>
    public ModelSpec Model { get; init; } = new();

    /// <summary>The checks, in file order.</summary>
    public IReadOnlyList<CheckSpec> Checks { get; init; } = [];
}

/// <summary>The paper (authors, title, venue, year) and where in it (section, theorem).</summary>
public sealed record SourceSpec(string Paper, string? Where);

/// <summary>A formula as written and as parsed by the kernel, with its place in the file.</summary>
/// <param name="Text">The text as written.</param>
/// <param name="Expr">The parsed expression or statement.</param>
/// <param name="Domain">Where the terms of <paramref name="Expr"/> are defined, as the parser reports it.</param>
public sealed record FormulaSpec(string Text, Expr Expr, IReadOnlyList<Statement> Domain, SourceLocation Location)
{
    /// <inheritdoc/>
    public override string ToString() => Text;
}

/// <summary>An assumption: a formula (parsed) or prose (a <c>{prose: …}</c> item).</summary>
public sealed record AssumptionSpec(FormulaSpec? Formula, string? Prose);

/// <summary>One observed entry of the matrix and its target.</summary>
/// <param name="Row">1-based row.</param>
/// <param name="Column">1-based column.</param>
public sealed record ObservationSpec(int Row, int Column, double Target);

/// <summary>
/// What the checks of a claim share; every field is optional and a check's own options override it.
/// </summary>
public sealed record ModelSpec
{
    /// <summary>deep-matrix, cp-tensor, symmetric or nonnegative.</summary>
    public string? Factorization { get; init; }

    /// <summary>The depth N.</summary>
    public int? Depth { get; init; }

    /// <summary>Several depths; a check picks one.</summary>
    public IReadOnlyList<int>? Depths { get; init; }

    /// <summary>d_0 … d_N.</summary>
    public IReadOnlyList<int>? Dims { get; init; }

    /// <summary>half-sse, mse or sse.</summary>
    public string? Loss { get; init; }

    /// <summary>A named problem (the runs' <c>problem</c> option), e.g. <c>2x2</c>.</summary>
    public string? Problem { get; init; }

    /// <summary>Explicit observations.</summary>
    public IReadOnlyList<ObservationSpec>? Observations { get; init; }
}
