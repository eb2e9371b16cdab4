namespace ImplicitReg.Claims.Results;

/// <summary>
/// The outcome of one check: its verdict against its expectation, its time, one line of evidence for the
/// table, the reason of a mismatch, and the structured evidence the reports render (steps, obligations,
/// gaps, series).
/// </summary>
public sealed record CheckResult
{
    /// <summary>The claim's id.</summary>
    public required string ClaimId { get; init; }

    /// <summary>The check's id, unique within the claim.</summary>
    public required string CheckId { get; init; }

    /// <summary>derive, prove, compare or simulate.</summary>
    public required CheckKind Kind { get; init; }

    /// <summary>What the claim file expects.</summary>
    public required Expectation Expected { get; init; }

    /// <summary>What the check found.</summary>
    public required CheckVerdict Verdict { get; init; }

    /// <summary>Wall-clock time of the check.</summary>
    public required TimeSpan Time { get; init; }

    /// <summary>One line of evidence (the table's last column), e.g. <c>order 1.0012 in [0.9, 1.1]</c>.</summary>
    public required string Evidence { get; init; }

    /// <summary>
    /// Why the verdict is what it is when it is not a plain success: the failed derivation step, the gaps and
    /// observed order, the counterexample, the predicate and its first failing record, the error. Null when
    /// there is nothing more to say than <see cref="Evidence"/>.
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>Where the check is written in its claim file.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The structured evidence (null for an error before anything ran).</summary>
    public CheckEvidence? Details { get; init; }

    /// <summary>
    /// True when the check could not run because of its claim file's data, found only when it ran (a derivation's
    /// options outside its cases, a published formula naming what the derivation does not bind): bad input, so
    /// <c>verify</c> exits 2 as for a broken file. The verdict is then an error.
    /// </summary>
    public bool BadInput { get; init; }

    /// <summary>
    /// True when the verdict is the expected one: verified for <c>expect: holds</c>, refuted for
    /// <c>expect: refuted</c>. Unknown and error never pass.
    /// </summary>
    public bool Passed => Verdict == (Expected == Expectation.Holds ? CheckVerdict.Verified : CheckVerdict.Refuted);

    /// <summary>True when a check that should hold came back unknown (exit code 3 when nothing worse happened).</summary>
    public bool UnknownWhereHolds => Expected == Expectation.Holds && Verdict == CheckVerdict.Unknown;
}
