using System.Globalization;
using ImplicitReg.Experiments.Simulators.Runs;
using ImplicitReg.Symbolic.Printing;

namespace ImplicitReg.Experiments.Runs;

/// <summary>
/// How a run's recording is worded wherever a reader must know that the rows, not every step, were seen: a claim's
/// predicate sees only the recorded rows, and a run that its stopping loss ends early keeps few of them, because
/// the default period is a 200th of the step limit, not of the steps run.
/// </summary>
public static class RecordingText
{
    /// <summary>Below this many rows an early-stopped run's output says how to record more.</summary>
    public const int FewRows = 10;

    /// <summary>e.g. <c>2 rows recorded, one every 10000 steps</c>.</summary>
    public static string Rows(int rows, long every) =>
        $"{Plural.Count(rows, "row")} recorded, one every {every.ToString(CultureInfo.InvariantCulture)} {Plural.Noun(every, "step")}";

    /// <summary>
    /// A note when the run stopped before its step limit with fewer than <see cref="FewRows"/> rows (e.g. <c>only 2
    /// rows recorded, one every 10000 steps: the run stopped at step 1546 of 2000000; --record-every 7 would record
    /// about 221</c>), or null. <paramref name="option"/> names the setting to change (<c>--record-every</c>, or
    /// <c>run.record-every</c> in a claim file).
    /// </summary>
    public static string? FewRowsNote(RunResult result, long stepLimit, long every, int rows, string option) =>
        Suggestion(result, stepLimit, every, rows, option) is { } more
            ? $"only {Rows(rows, every)}: the run stopped at step {result.Steps.ToString(CultureInfo.InvariantCulture)} of {stepLimit.ToString(CultureInfo.InvariantCulture)}; {more}"
            : null;

    /// <summary>The fix alone (<c>--record-every 7 would record about 221</c>) under the conditions of <see cref="FewRowsNote"/>, or null.</summary>
    public static string? Suggestion(RunResult result, long stepLimit, long every, int rows, string option)
    {
        if (rows >= FewRows || result.Steps >= stepLimit || result.Status is RunStatus.StepLimit) return null;
        // About 200 rows over the steps actually run, as the default gives over the step limit (and never the period
        // already used, which is what gave too few).
        long suggested = Math.Min(Math.Max(1, result.Steps / 200), Math.Max(1, every / 2));
        long rowsThen = result.Steps / suggested + 1;
        return $"{option} {suggested.ToString(CultureInfo.InvariantCulture)} would record about {rowsThen.ToString(CultureInfo.InvariantCulture)}";
    }
}
