using ImplicitReg.Experiments.Simulators.Runs;

namespace ImplicitReg.Experiments.Runs;

/// <summary>Hooks of a recorded run: progress, each record as it is measured (to stream a CSV), cancellation.</summary>
public sealed class RecordingHooks
{
    /// <summary>Receives the iteration count now and then.</summary>
    public Action<long>? OnProgress { get; init; }

    /// <summary>Receives every record as it is measured (one value per column).</summary>
    public Action<double[]>? OnRecord { get; init; }

    /// <summary>
    /// Whether every record is kept in <see cref="RecordedRunResult.Rows"/> (default); when false only the last one
    /// is, so a long run recorded at every step (streamed through <see cref="OnRecord"/>) does not fill the memory.
    /// </summary>
    public bool KeepRows { get; init; } = true;

    /// <summary>Stops the run (it ends as cancelled, keeping what was recorded).</summary>
    public CancellationToken Cancel { get; init; }
}

/// <summary>A finished run: how it ended and every record, one row per record with one value per column.</summary>
/// <param name="Result">How the run ended.</param>
/// <param name="Columns">The recorded columns, starting with step, time, loss.</param>
/// <param name="Rows">Every record, one value per column.</param>
/// <param name="EndedFinite">False when the state at the last recording point was not finite (nothing was recorded there).</param>
public sealed record RecordedRunResult(RunResult Result, IReadOnlyList<string> Columns, IReadOnlyList<double[]> Rows, bool EndedFinite)
{
    /// <summary>How many records were measured (all of them, also when <see cref="RecordingHooks.KeepRows"/> kept only the last).</summary>
    public int RecordCount { get; init; }

    /// <summary>The record at the end of the run, or null when the state there was not finite.</summary>
    public double[]? Last => EndedFinite && Rows.Count > 0 ? Rows[^1] : null;

    /// <summary>The values of one column along the run.</summary>
    public double[] Column(string name)
    {
        int i = Columns.ToList().IndexOf(name);
        if (i < 0) throw new ArgumentException($"no column '{name}'; the columns are {string.Join(", ", Columns)}", nameof(name));
        return Rows.Select(r => r[i]).ToArray();
    }
}

/// <summary>
/// The run every <c>simulate</c> model and every simulate check shares: gradient descent under the run's schedule,
/// a record measured every <see cref="RunSchedule.RecordEvery"/> iterations (and at the first and last), kept in
/// memory and handed to <see cref="RecordingHooks.OnRecord"/> as it comes.
/// </summary>
public static class RecordedRun
{
    /// <summary>Runs <paramref name="run"/> to its end (converged, step limit, diverged or cancelled).</summary>
    public static RecordedRunResult Execute(PreparedRun run, RecordingHooks? hooks = null)
    {
        var rows = new List<double[]>();
        bool endedFinite = false;
        int count = 0;
        var result = SimulationRunner.Run(run.Simulator, run.Schedule.Optimizer.Fresh(), new RunOptions
        {
            MaxSteps = run.Schedule.Steps,
            StopLoss = run.Schedule.StopLoss,
            RecordEvery = run.Schedule.RecordEvery,
            Cancel = hooks?.Cancel ?? default,
            OnProgress = hooks?.OnProgress,
            OnRecord = (step, loss, time) =>
            {
                var row = run.Measure(step, loss, time);
                endedFinite = row is not null;
                if (row is null) return;
                count++;
                if (hooks is { KeepRows: false }) rows.Clear();
                rows.Add(row);
                hooks?.OnRecord?.Invoke(row);
            },
        });
        return new RecordedRunResult(result, run.Columns, rows, endedFinite) { RecordCount = count };
    }
}
