using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;
using ImplicitReg.Experiments.Simulators.Dmf;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// What every <c>simulate</c> model does with its <see cref="RunSpec"/>: prepare the run under the memory budget
/// and work limit, execute it with a progress bar on stderr and the records streamed to the <c>--out</c> CSV.
/// </summary>
internal static class SimulateRun
{
    /// <summary>The command line's checks of a run's predicted memory (<paramref name="budget"/>) and work, worded with its options (<c>--steps</c>).</summary>
    public static RunLimits Limits(Budget budget) => Wording.Hooks(budget.Exceeded, Work);

    /// <summary>How the verbs word a refusal: <c>--steps: …</c>, a usage error (exit 2).</summary>
    public static LimitWording Wording { get; } = LimitWording.CommandLine(text => new CliUsageException(text));

    /// <summary>What is wrong with predicted multiply-adds over the work limit of the verbs and claim files, or null.</summary>
    public static string? Work(double multiplyAdds) => Budget.WorkExceeded(multiplyAdds, DmfCost.WorkLimit, "multiply-adds");

    /// <summary>Runs <paramref name="build"/>, turning an invalid option into a usage error (exit 2).</summary>
    public static T Usage<T>(Func<T> build)
    {
        try
        {
            return build();
        }
        catch (RunSpecException e)
        {
            throw new CliUsageException(e.Message);
        }
    }

    /// <summary>Prepares the run of <paramref name="spec"/>, refusing (exit 2) invalid options and runs over the budget.</summary>
    public static PreparedRun Prepare(RunSpec spec, Budget budget) => Usage(() => PreparedRun.Prepare(spec, Limits(budget)));

    /// <summary>Runs <paramref name="run"/> to its end (converged, step limit, diverged or interrupted).</summary>
    public static RecordedRunResult Execute(PreparedRun run, string? outPath, CliIO io)
    {
        using var csv = Usage(() => new RunCsvWriter(outPath, run));
        return CliProgress.Run(io, $"simulate {run.Model}", run.Schedule.Steps, report => RecordedRun.Execute(run, new RecordingHooks
        {
            Cancel = io.Cancel,
            OnProgress = s => report(s),
            OnRecord = csv.Row,
            KeepRows = false,
        }));
    }
}
