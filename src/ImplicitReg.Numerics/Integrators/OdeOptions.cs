namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// Options shared by every method. Tolerances may be given per component
/// (<see cref="RelativeTolerances"/>, <see cref="AbsoluteTolerances"/>); the step is accepted when the RMS
/// over components of <c>error_i / (atol_i + rtol_i·max(|y_i|, |y_i,new|))</c> is at most 1 (Hairer's norm).
/// </summary>
public sealed class OdeOptions
{
    /// <summary>Scalar relative tolerance, used when <see cref="RelativeTolerances"/> is null.</summary>
    public double RelativeTolerance { get; init; } = 1e-6;

    /// <summary>Scalar absolute tolerance, used when <see cref="AbsoluteTolerances"/> is null.</summary>
    public double AbsoluteTolerance { get; init; } = 1e-9;

    /// <summary>Per-component relative tolerances (length n), or null.</summary>
    public IReadOnlyList<double>? RelativeTolerances { get; init; }

    /// <summary>Per-component absolute tolerances (length n), or null.</summary>
    public IReadOnlyList<double>? AbsoluteTolerances { get; init; }

    /// <summary>
    /// Step size for <see cref="OdeMethod.RungeKutta4"/> (required there). For the adaptive methods a fixed
    /// step disables error control, which is how their order is measured.
    /// </summary>
    public double? FixedStep { get; init; }

    /// <summary>First trial step of an adaptive method; chosen automatically (Hairer's estimate) when null.</summary>
    public double? InitialStep { get; init; }

    /// <summary>Largest step an adaptive method may take.</summary>
    public double MaxStep { get; init; } = double.PositiveInfinity;

    /// <summary>Most accepted steps before the run stops with <see cref="OdeStatus.TooManySteps"/>.</summary>
    public long MaxSteps { get; init; } = 50_000_000;

    /// <summary>
    /// Times at which to report the solution (sorted, inside [t0, t1]); when null every accepted step is
    /// reported (with the initial point).
    /// </summary>
    public IReadOnlyList<double>? OutputTimes { get; init; }

    /// <summary>Keep the reported points in <see cref="OdeSolution.Times"/>/<see cref="OdeSolution.States"/>.</summary>
    public bool StoreOutput { get; init; } = true;

    /// <summary>Called for every reported point (time, state); the state array is reused, copy it to keep it.</summary>
    public Action<double, double[]>? OnOutput { get; init; }

    /// <summary>Events to locate along the run.</summary>
    public IReadOnlyList<OdeEvent> Events { get; init; } = [];

    /// <summary>Jacobian for the stiff method; finite differences are used when null.</summary>
    public OdeJacobian? Jacobian { get; init; }

    /// <summary>Called after each accepted step with the new time (for progress bars).</summary>
    public Action<double>? OnStep { get; init; }

    /// <summary>Stops the run cleanly (status <see cref="OdeStatus.Cancelled"/>) with what was reported so far.</summary>
    public CancellationToken Cancel { get; init; }
}
