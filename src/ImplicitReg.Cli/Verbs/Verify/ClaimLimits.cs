using ImplicitReg.Cli.Hosting;
using ImplicitReg.Cli.Verbs.Simulate;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Cli.Verbs.Verify;

/// <summary>
/// The limits of <c>implicitreg simulate</c> and <c>compare</c> (the memory budget, <c>--max-memory</c>, and the
/// fixed work limit of a few minutes), worded for a claim file: the loader reports a run over them as a load error
/// at the key that implies it (<c>run.steps</c>, <c>options.shape</c>, …), so <c>verify</c> exits 2 before any check runs.
/// </summary>
internal static class ClaimLimits
{
    /// <summary>The hooks that refuse a simulate or compare check's run over <paramref name="budget"/> or the work limit.</summary>
    public static RunLimits For(Budget budget) => LimitWording.ClaimFile.Hooks(budget.Exceeded, SimulateRun.Work);
}
