using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Dmf;

namespace ImplicitReg.Cli.Verbs.Verify;

/// <summary>
/// The limits of <c>implicitreg simulate</c> and <c>compare</c> (the memory budget, <c>--max-memory</c>, and the
/// fixed work limit of a few minutes), worded for a claim file: the loader reports a run over them as a load error
/// at the key that implies it (<c>run.steps</c>, <c>options.shape</c>, …), so <c>verify</c> exits 2 before any check runs.
/// </summary>
internal static class ClaimLimits
{
    /// <summary>The hooks that refuse a simulate or compare check's run over <paramref name="budget"/> or the work limit.</summary>
    public static RunLimits For(Budget budget) => new()
    {
        // The option names arrive as the verbs spell them (--shape/--hidden); a claim file spells its keys without dashes.
        Memory = (option, bytes, what) =>
        {
            if (budget.Exceeded(bytes, what) is { } problem)
                throw new RunSpecException(option.Replace("--", "", StringComparison.Ordinal), $"is too large: {problem}; choose smaller sizes");
        },
        Work = work => RequireWork("steps", work, "choose fewer steps, a larger record-every (each record of a matrix run takes an SVD) or smaller sizes"),
        ComparisonWork = work => RequireWork("time/lr/halvings", work, "choose a shorter time, a larger lr or fewer halvings"),
    };

    /// <summary>Refuses <paramref name="work"/> multiply-adds over the work limit, naming the claim file's <paramref name="key"/>.</summary>
    private static void RequireWork(string key, double work, string fix)
    {
        if (Budget.WorkExceeded(work, DmfCost.WorkLimit, "multiply-adds") is { } problem)
            throw new RunSpecException(key, $"is too large: {problem}; {fix}");
    }
}
