namespace ImplicitReg.Claims.Results;

/// <summary>
/// The outcome of one claim file: what it claims (id, title, source, the statement of the theory it
/// belongs to) and the result of each of its checks, in file order. A file that could not be loaded has
/// no checks and carries its <see cref="Diagnostics"/>.
/// </summary>
public sealed record ClaimResult
{
    /// <summary>The claim id (the file name without <c>.yaml</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The one-line title of the claim (empty when the file is broken before it).</summary>
    public required string Title { get; init; }

    /// <summary>The claim file, as given to the runner (relative when the path given was relative).</summary>
    public required string File { get; init; }

    /// <summary>The paper the claim comes from, or null.</summary>
    public string? Paper { get; init; }

    /// <summary>Where in the paper (section, theorem), or null.</summary>
    public string? Where { get; init; }

    /// <summary>Which statement of docs/theory.md (M1..M9, E1..E4), or null.</summary>
    public string? Theory { get; init; }

    /// <summary>The claim's prose statement, or null.</summary>
    public string? Prose { get; init; }

    /// <summary>The claim's formulas (kernel syntax), as written.</summary>
    public IReadOnlyList<string> Formulas { get; init; } = [];

    /// <summary>Every check, in the order of the file.</summary>
    public IReadOnlyList<CheckResult> Checks { get; init; } = [];

    /// <summary>Why the file could not be loaded (empty when it was).</summary>
    public IReadOnlyList<ClaimDiagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the file could not be loaded.</summary>
    public bool Broken => Diagnostics.Count > 0;

    /// <summary>True when the file loaded and every check came back as expected.</summary>
    public bool Passed => !Broken && Checks.All(c => c.Passed);

    /// <summary>Sum of the checks' times.</summary>
    public TimeSpan Time => Checks.Aggregate(TimeSpan.Zero, (t, c) => t + c.Time);
}
