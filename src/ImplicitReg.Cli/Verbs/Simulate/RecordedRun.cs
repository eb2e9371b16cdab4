using ImplicitReg.Cli.Hosting;
using ImplicitReg.Experiments.Simulators;
using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Cli.Verbs.Simulate;

/// <summary>
/// The run every <c>simulate</c> model shares: gradient descent under the run settings, a progress bar on
/// stderr, and the recorded metrics written to the <c>--out</c> CSV as they come.
/// </summary>
internal static class RecordedRun
{
    /// <summary>Runs <paramref name="sim"/> to its end (converged, step limit, diverged or interrupted).</summary>
    /// <param name="commentFields">the model's own <c>key=value</c> fields of the CSV comment line, between the
    /// loss and the optimizer.</param>
    /// <param name="metricColumns">the model's CSV columns after <c>step,time,loss</c>.</param>
    /// <param name="record">called at every record; returns the CSV row (starting with step, time, loss), or
    /// null when the state is not finite and nothing is recorded.</param>
    public static RunResult Execute(GradientModel sim, RunSettings settings, CliIO io, RunIdentity id, string commentFields,
        IEnumerable<string> metricColumns, Func<long, double, double, IEnumerable<double>?> record)
    {
        using var csv = new CsvRecorder(settings.OutPath,
            $"implicitreg simulate {id.Model} seed={id.Seed} problem=\"{id.Problem}\" loss={id.Loss} {commentFields} optimizer=\"{settings.DescribeOptimizer()}\"",
            ["step", "time", "loss", .. metricColumns]);
        return CliProgress.Run(io, $"simulate {id.Model}", settings.Steps, report => SimulationRunner.Run(sim, settings.Optimizer, new RunOptions
        {
            MaxSteps = settings.Steps,
            StopLoss = settings.StopLoss,
            RecordEvery = settings.RecordEvery,
            Cancel = io.Cancel,
            OnProgress = s => report(s),
            OnRecord = (step, loss, time) =>
            {
                if (record(step, loss, time) is { } row) csv.Row(row);
            },
        }));
    }
}
