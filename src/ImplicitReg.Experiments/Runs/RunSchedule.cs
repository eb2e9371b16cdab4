using System.Globalization;
using ImplicitReg.Experiments.Simulators.Optimizers;

namespace ImplicitReg.Experiments.Runs;

/// <summary>The optimizer and stopping rules of a run, with each model's defaults applied.</summary>
public sealed record RunSchedule(Optimizer Optimizer, long Steps, double StopLoss, long RecordEvery, int Top)
{
    /// <summary>
    /// Applies <paramref name="spec"/> over the model's defaults: optimizer, learning rate and stopping loss
    /// (steps 10000, a record about every 1/200 of the steps, top 5).
    /// </summary>
    public static RunSchedule From(RunSpec spec, string defaultOptimizer, double defaultLearningRate, double defaultStopLoss)
    {
        var name = spec.Optimizer ?? defaultOptimizer;
        if (name is not ("gd" or "normalized")) throw new RunSpecException("optimizer", $"must be gd or normalized, got '{name}'");
        var lr = spec.LearningRate ?? defaultLearningRate;
        if (!(lr > 0) || !double.IsFinite(lr)) throw new RunSpecException("lr", $"must be positive, got {lr.ToString(CultureInfo.InvariantCulture)}");
        long steps = spec.Steps ?? 10_000;
        if (steps < 0) throw new RunSpecException("steps", "must be non-negative");
        long every = spec.RecordEvery ?? Math.Max(1, steps / 200);
        if (every < 1) throw new RunSpecException("record-every", "must be at least 1");
        int top = spec.Top ?? 5;
        if (top < 1) throw new RunSpecException("top", "must be at least 1");
        return new RunSchedule(name == "normalized" ? new NormalizedGradientDescent(lr) : new GradientDescent(lr),
            steps, spec.StopLoss ?? defaultStopLoss, every, top);
    }

    /// <summary>e.g. <c>gd lr 0.003</c>.</summary>
    public string DescribeOptimizer() => $"{Optimizer.Name} lr {RunText.Short(Optimizer.LearningRate)}";
}

/// <summary>Number formatting of run descriptions (the same as the command line's: six significant digits, no "-0").</summary>
public static class RunText
{
    /// <summary>Six significant digits for reading.</summary>
    public static string Short(double v) => (v == 0 ? 0.0 : v).ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Shortest text that parses back to the same double; NaN and ∞ spelled out.</summary>
    public static string Exact(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsPositiveInfinity(v) ? "Infinity" : double.IsNegativeInfinity(v) ? "-Infinity"
        : v.ToString("R", CultureInfo.InvariantCulture);
}
