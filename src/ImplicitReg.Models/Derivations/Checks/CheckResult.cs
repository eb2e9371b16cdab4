namespace ImplicitReg.Models.Derivations.Checks;

/// <summary>The outcome of comparing two sides: the verdict, an exact witness for a disproof, and how it was decided.</summary>
public sealed record CheckResult(Verdict Verdict, string? Witness, string Explanation)
{
    /// <summary>A proved check (no witness), with <paramref name="how"/> saying how the kernel decided it.</summary>
    public static CheckResult Proved(string how) => new(Verdict.Proved, null, how);

    /// <summary>Combines checks of several equations: proved only when all are; the first disproof's witness is kept.</summary>
    public static CheckResult All(IReadOnlyList<CheckResult> checks, string how)
    {
        var verdict = Verdicts.Weakest(checks.Select(c => c.Verdict));
        var first = checks.FirstOrDefault(c => c.Verdict == verdict && verdict != Verdict.Proved);
        return first is null ? Proved(how) : new CheckResult(verdict, first.Witness, first.Explanation);
    }
}
