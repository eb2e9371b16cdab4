namespace ImplicitReg.Numerics.Integrators;

/// <summary>How a run ended.</summary>
public enum OdeStatus
{
    /// <summary>Reached t1.</summary>
    Completed,

    /// <summary>A terminal event fired; the run ends at its root.</summary>
    StoppedAtEvent,

    /// <summary>The step size fell below the resolution of t (stiffness or a singularity).</summary>
    StepTooSmall,

    /// <summary><see cref="OdeOptions.MaxSteps"/> accepted steps were taken.</summary>
    TooManySteps,

    /// <summary>The state or the right-hand side became NaN or infinite.</summary>
    NonFinite,

    /// <summary>Stopped through <see cref="OdeOptions.Cancel"/>.</summary>
    Cancelled,
}

/// <summary>Work counters of a run.</summary>
/// <param name="AcceptedSteps">Steps kept.</param>
/// <param name="RejectedSteps">Steps retried with a smaller step because the error estimate was too large.</param>
/// <param name="FunctionEvaluations">Calls of the right-hand side (including those for finite-difference Jacobians).</param>
/// <param name="JacobianEvaluations">Jacobians formed (stiff method).</param>
/// <param name="Factorizations">LU factorizations (stiff method).</param>
public sealed record OdeStatistics(
    long AcceptedSteps,
    long RejectedSteps,
    long FunctionEvaluations,
    long JacobianEvaluations,
    long Factorizations);

/// <summary>The result of <see cref="Ode.Solve"/>.</summary>
public sealed class OdeSolution
{
    internal OdeSolution(
        OdeStatus status, string message, double finalTime, double[] finalState,
        List<double> times, List<double[]> states, List<EventHit> events, OdeStatistics statistics)
    {
        Status = status;
        Message = message;
        FinalTime = finalTime;
        FinalState = finalState;
        Times = times;
        States = states;
        Events = events;
        Statistics = statistics;
    }

    /// <summary>How the run ended.</summary>
    public OdeStatus Status { get; }

    /// <summary>A sentence describing the end of the run (why it stopped early, when it did).</summary>
    public string Message { get; }

    /// <summary>Time reached (t1, an event root, or where the run stopped).</summary>
    public double FinalTime { get; }

    /// <summary>The state at <see cref="FinalTime"/>.</summary>
    public double[] FinalState { get; }

    /// <summary>Reported times (empty when <see cref="OdeOptions.StoreOutput"/> is false).</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>Reported states, one array per time.</summary>
    public IReadOnlyList<double[]> States { get; }

    /// <summary>Located events in time order.</summary>
    public IReadOnlyList<EventHit> Events { get; }

    /// <summary>Step and evaluation counts.</summary>
    public OdeStatistics Statistics { get; }

    /// <summary>True when the run reached t1 or stopped at a terminal event.</summary>
    public bool Succeeded => Status is OdeStatus.Completed or OdeStatus.StoppedAtEvent;
}
