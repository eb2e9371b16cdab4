namespace ImplicitReg.Experiments.Simulators.Runs;

/// <summary>Why a gradient-descent run stopped.</summary>
public enum RunStatus
{
    /// <summary>The loss fell to the stopping tolerance.</summary>
    Converged,

    /// <summary>The step limit was reached.</summary>
    StepLimit,

    /// <summary>The loss or a parameter became NaN or overflowed.</summary>
    Diverged,

    /// <summary>Stopped on request (Ctrl-C).</summary>
    Cancelled,
}

/// <summary>The outcome of <see cref="SimulationRunner.Run"/>.</summary>
/// <param name="Status">Why it stopped.</param>
/// <param name="Steps">Updates applied.</param>
/// <param name="FinalLoss">Loss at the last iterate (NaN or ∞ when diverged).</param>
/// <param name="Time">Σ of step sizes: the gradient-flow time the run corresponds to.</param>
/// <param name="Seconds">Wall-clock time of the stepping loop (recording excluded).</param>
/// <param name="DivergedAt">The iteration whose loss or parameters were not finite, or null.</param>
public sealed record RunResult(RunStatus Status, long Steps, double FinalLoss, double Time, double Seconds, long? DivergedAt)
{
    /// <summary>Updates per second of wall-clock time.</summary>
    public double StepsPerSecond => Seconds > 0 ? Steps / Seconds : double.PositiveInfinity;
}
