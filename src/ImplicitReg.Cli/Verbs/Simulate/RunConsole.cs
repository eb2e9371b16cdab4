using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The command line around ImplicitReg.Experiments' <see cref="RecordedRun"/>: a progress bar on stderr and the
/// recorded metrics written to the <c>--out</c> CSV as they come.
/// </summary>
internal static class RunConsole
{
    /// <summary>Runs <paramref name="run"/> to its end (converged, step limit, diverged or interrupted).</summary>
    public static RecordedRunResult Execute(PreparedRun run, RunSettings settings, CliIO io)
    {
        using var csv = new CsvRecorder(settings.OutPath,
            $"implicitreg simulate {run.Model} seed={run.Seed} problem=\"{run.ProblemName}\" loss={run.LossName} {run.CommentFields} optimizer=\"{run.Schedule.DescribeOptimizer()}\"",
            run.Columns);
        var bar = new ProgressBar(io, $"simulate {run.Model}", run.Schedule.Steps);
        var result = RecordedRun.Execute(run, new RecordingHooks
        {
            Cancel = io.Cancel,
            OnProgress = s => bar.Report(s, "steps"),
            OnRecord = csv.Row,
        });
        bar.Finish();
        return result;
    }

    /// <summary>The run's identity for reports.</summary>
    public static RunIdentity Identity(PreparedRun run) => new(run.Model, run.Seed, run.ProblemName, run.LossName);
}
