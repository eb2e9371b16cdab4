using System.Diagnostics;
using ImplicitReg.Experiments.Simulators.Optimizers;

namespace ImplicitReg.Experiments.Simulators.Runs;

/// <summary>Stopping rules and hooks of a run.</summary>
public sealed class RunOptions
{
    /// <summary>Most updates.</summary>
    public long MaxSteps { get; init; } = 10_000;

    /// <summary>Stop when the loss is at or below this (before updating); 0 never stops early.</summary>
    public double StopLoss { get; init; }

    /// <summary>Losses above this count as divergence (overflow is near in the next few steps).</summary>
    public double DivergenceLoss { get; init; } = 1e150;

    /// <summary>Call <see cref="OnRecord"/> every this many iterations (and at the first and last).</summary>
    public long RecordEvery { get; init; }

    /// <summary>Receives (iteration, loss at that iterate, time = Σ step sizes so far) at recording points.</summary>
    public Action<long, double, double>? OnRecord { get; init; }

    /// <summary>Receives the iteration count now and then (for progress bars).</summary>
    public Action<long>? OnProgress { get; init; }

    /// <summary>Stops the run at the next iteration when set; the result says it was interrupted and keeps what was recorded.</summary>
    public CancellationToken Cancel { get; init; }
}

/// <summary>
/// Runs gradient descent on a <see cref="GradientModel"/>: loss and gradient, stopping rules, then the update.
/// Iteration k's loss is the loss of the k-th iterate (before its update); divergence is reported with the
/// iteration where it was detected.
/// </summary>
public static class SimulationRunner
{
    /// <summary>Iterates <paramref name="model"/> with <paramref name="optimizer"/> until a stopping rule of <paramref name="options"/> holds (iterations, loss target, divergence, non-finite parameters, cancellation).</summary>
    public static RunResult Run(GradientModel model, Optimizer optimizer, RunOptions options)
    {
        long k = 0;
        double time = 0, loss = double.NaN;
        var clock = Stopwatch.StartNew();
        double recordSeconds = 0;
        var status = RunStatus.StepLimit;
        long? divergedAt = null;
        while (true)
        {
            loss = model.ComputeLossAndGradient();
            bool diverged = !double.IsFinite(loss) || loss > options.DivergenceLoss;
            bool stop = diverged || loss <= options.StopLoss || k >= options.MaxSteps || options.Cancel.IsCancellationRequested;
            if (options.OnRecord is { } record && (k == 0 || stop || (options.RecordEvery > 0 && k % options.RecordEvery == 0)))
            {
                var t0 = clock.Elapsed.TotalSeconds;
                record(k, loss, time);
                recordSeconds += clock.Elapsed.TotalSeconds - t0;
            }
            if (diverged)
            {
                status = RunStatus.Diverged;
                divergedAt = k;
                break;
            }
            if (loss <= options.StopLoss)
            {
                status = RunStatus.Converged;
                break;
            }
            if (options.Cancel.IsCancellationRequested)
            {
                status = RunStatus.Cancelled;
                break;
            }
            if (k >= options.MaxSteps) break;
            var step = optimizer.StepSize(optimizer.NeedsGradientNorm ? model.GradientNormSquared() : 0);
            model.ApplyGradient(step);
            time += step;
            k++;
            if (options.OnProgress is { } progress && (k & 1023) == 0) progress(k);
        }
        if (status != RunStatus.Diverged && !model.ParametersFinite())
        {
            status = RunStatus.Diverged;
            divergedAt = k;
        }
        var seconds = clock.Elapsed.TotalSeconds - recordSeconds;
        return new RunResult(status, k, loss, time, seconds, divergedAt);
    }
}
