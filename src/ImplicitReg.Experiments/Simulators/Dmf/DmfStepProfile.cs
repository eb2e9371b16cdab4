using System.Diagnostics;

namespace ImplicitReg.Experiments.Simulators.Dmf;

/// <summary>
/// Where a one-thread completion step of <see cref="DmfSimulator"/> spends its time, phase by phase (switched on
/// with <see cref="DmfSimulator.EnableProfile"/>; the <c>numerics-gd</c> benchmark's <c>--profile</c> option prints it).
/// Each phase is timed with <see cref="Stopwatch.GetTimestamp"/> between marks, so the figures include the marks'
/// own cost (tens of nanoseconds each).
/// </summary>
public sealed class DmfStepProfile
{
    /// <summary>The phases, in step order.</summary>
    public static readonly IReadOnlyList<string> Phases =
    [
        "prefix products R_j = W_{j+1}...W_1 (dense; depth 3: W2*W1)",
        "transpose R_{N-2}",
        "suffix products S_j = W_N...W_j (dense; depth 3: W3*W2)",
        "fused sparse rows: sampled dots + residuals + G*R_{N-2}^T (top gradient)",
        "loss sum + weights in column order",
        "sparse columns: G^T*S_1 (bottom gradient)",
        "sparse columns: G^T*S_{j+1} (middle layers)",
        "middle gradients R_{j-1}*(G^T*S_{j+1}) (dense; depth 3: W1*(G^T*W3))",
        "updates W_j -= lr*grad_j",
    ];

    private readonly long[] _ticks = new long[Phases.Count];
    private readonly long[] _fewest = Enumerable.Repeat(long.MaxValue, Phases.Count).ToArray();
    private readonly long[] _current = new long[Phases.Count]; // this step's time per phase (a phase may run as two shares)
    private long _last;
    private long _steps;

    /// <summary>Starts timing a step.</summary>
    internal void Start() => _last = Stopwatch.GetTimestamp();

    /// <summary>Charges the time since the last mark to <paramref name="phase"/>.</summary>
    internal void Mark(int phase)
    {
        long now = Stopwatch.GetTimestamp();
        _current[phase] += now - _last;
        _last = now;
    }

    /// <summary>Closes the phases [first, end) of a step: adds their times to the totals and the fewest.</summary>
    internal void Close(int first, int end)
    {
        for (int p = first; p < end; p++)
        {
            _ticks[p] += _current[p];
            _fewest[p] = Math.Min(_fewest[p], _current[p]);
            _current[p] = 0;
        }
    }

    /// <summary>Closes the gradient phases of a step and counts the step.</summary>
    internal void CountStep()
    {
        Close(0, Phases.Count - 1);
        _steps++;
    }

    /// <summary>Mean microseconds per step of each phase (in <see cref="Phases"/> order).</summary>
    public double[] MicrosecondsPerStep() =>
        _ticks.Select(t => _steps == 0 ? 0 : t * 1e6 / Stopwatch.Frequency / _steps).ToArray();

    /// <summary>
    /// The fewest microseconds each phase took in any one step: on a loaded machine, where preemption inflates the
    /// means, the closest figure to the phase's own cost.
    /// </summary>
    public double[] FewestMicroseconds() =>
        _fewest.Select(t => t == long.MaxValue ? 0 : t * 1e6 / Stopwatch.Frequency).ToArray();

    /// <summary>Steps timed so far.</summary>
    public long Steps => _steps;
}
