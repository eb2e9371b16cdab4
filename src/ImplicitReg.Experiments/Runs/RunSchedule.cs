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
    public static RunSchedule From(RunSpec spec, string defaultOptimizer, double defaultLearningRate, double defaultStopLoss,
        double defaultEpsilon = GroupRmsprop.MatrixCompletionEpsilon)
    {
        var name = spec.Optimizer ?? defaultOptimizer;
        if (name is not ("gd" or GroupRmsprop.OptionName or GroupRmsprop.LegacyName))
            throw new RunSpecException("optimizer", $"must be gd or {GroupRmsprop.OptionName} (also spelled {GroupRmsprop.LegacyName}), got '{name}'");
        var eps = spec.Epsilon ?? defaultEpsilon;
        if (!(eps >= 0) || !double.IsFinite(eps)) throw new RunSpecException("eps", $"must be non-negative and finite, got {eps.ToString(CultureInfo.InvariantCulture)}");
        var lr = spec.LearningRate ?? defaultLearningRate;
        if (!(lr > 0) || !double.IsFinite(lr)) throw new RunSpecException("lr", $"must be positive, got {lr.ToString(CultureInfo.InvariantCulture)}");
        long steps = spec.Steps ?? 10_000;
        if (steps < 0) throw new RunSpecException("steps", "must be non-negative");
        long every = spec.RecordEvery ?? Math.Max(1, steps / 200);
        if (every < 1) throw new RunSpecException("record-every", "must be at least 1");
        int top = spec.Top ?? 5;
        if (top < 1) throw new RunSpecException("top", "must be at least 1");
        return new RunSchedule(Optimizer.Create(name, lr, eps),
            steps, spec.StopLoss ?? defaultStopLoss, every, top);
    }

    /// <summary>e.g. <c>gd lr 0.003</c>, or <c>group-rmsprop lr 0.01 eps 1e-06 (bias-corrected, alpha 0.99)</c>.</summary>
    public string DescribeOptimizer() => Optimizer is GroupRmsprop g
        ? $"{g.Name} lr {RunText.Short(g.LearningRate)} eps {RunText.Short(g.Epsilon)} (bias-corrected, alpha {RunText.Short(g.Decay)})"
        : $"{Optimizer.Name} lr {RunText.Short(Optimizer.LearningRate)}";
}

/// <summary>
/// Checks a run's predicted cost before anything large is allocated; each hook throws to refuse the run. The
/// command line passes its memory budget and work limit; without hooks nothing is checked. The verbs and the claim
/// files build their hooks with <see cref="LimitWording.Hooks"/>, which words every refusal.
/// </summary>
public sealed class RunLimits
{
    /// <summary>Receives (the options that imply it, e.g. <c>--shape/--hidden</c>; estimated bytes; what needs them).</summary>
    public Action<string, double, string>? Memory { get; init; }

    /// <summary>Receives the predicted multiply-adds of the whole run (<c>--steps</c> times the work of a step).</summary>
    public Action<double>? Work { get; init; }

    /// <summary>
    /// Receives the predicted multiply-adds of a flow-versus-descent comparison (every descent run of η, η/2, …,
    /// over the horizon), whose options are the time, rate and halvings rather than a step count.
    /// </summary>
    public Action<double>? ComparisonWork { get; init; }

    /// <summary>
    /// Receives the predicted multiply-adds of integrating a derived layer flow over a horizon (<c>compare
    /// singular-values</c>), whose options are the time and the tolerance rather than a step count.
    /// </summary>
    public Action<double>? IntegrationWork { get; init; }
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
