namespace ImplicitReg.Claims.Results;

/// <summary>
/// Everything one <c>implicitreg verify</c> run produced: the claims in a deterministic order (by file path,
/// ordinal), how long it took and with how many jobs, and the exit code it implies.
/// </summary>
public sealed record VerificationResult(IReadOnlyList<ClaimResult> Claims, TimeSpan Elapsed, int Jobs)
{
    /// <summary>Exit code: everything as expected.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: some verdict did not match its expectation.</summary>
    public const int ExitMismatch = 1;

    /// <summary>Exit code: a claim file is broken (the others still ran).</summary>
    public const int ExitBroken = 2;

    /// <summary>Exit code: a check that should hold came back unknown (and nothing else went wrong).</summary>
    public const int ExitUnknown = 3;

    /// <summary>Every check of every loaded claim, in order.</summary>
    public IEnumerable<CheckResult> Checks => Claims.SelectMany(c => c.Checks);

    /// <summary>Every diagnostic of every broken file.</summary>
    public IEnumerable<ClaimDiagnostic> Diagnostics => Claims.SelectMany(c => c.Diagnostics);

    /// <summary>
    /// 0 when every verdict matches its expectation; 2 when a file is broken or a check's data was found bad when it
    /// ran (<see cref="CheckResult.BadInput"/>); else 1 when a verdict does not
    /// match (other than unknown where it should hold); else 3 when a check that should hold came back unknown.
    /// A broken file dominates because a claim that could not be read could hide anything.
    /// </summary>
    public int ExitCode
    {
        get
        {
            if (Claims.Any(c => c.Broken) || Checks.Any(c => c.BadInput)) return ExitBroken;
            var failed = Checks.Where(c => !c.Passed).ToList();
            if (failed.Count == 0) return ExitOk;
            return failed.All(c => c.UnknownWhereHolds) ? ExitUnknown : ExitMismatch;
        }
    }

    /// <summary>Counts for the summary line.</summary>
    public (int Claims, int Checks, int Passed, int Failed, int Broken) Counts =>
        (Claims.Count, Checks.Count(), Checks.Count(c => c.Passed), Checks.Count(c => !c.Passed), Claims.Count(c => c.Broken));
}
