namespace ImplicitReg.Numerics.Integrators;

/// <summary>Outcome of one attempt to take an accepted step.</summary>
internal enum StepOutcome
{
    Accepted,
    StepTooSmall,
    NonFinite,
}

/// <summary>
/// One method's single-step machinery: advance by one accepted step (retrying rejected ones) and
/// interpolate inside the last step. <see cref="OdeDriver"/> handles output times, events, cancellation
/// and counting, so each method is only its formulas and step-size rule.
/// </summary>
internal abstract class OdeStepper
{
    protected OdeStepper(OdeFunction function, int dimension, OdeOptions options)
    {
        Function = function;
        Dimension = dimension;
        Options = options;
        Y = new double[dimension];
        YOld = new double[dimension];
        Tolerances = new ToleranceScale(dimension, options);
    }

    protected OdeFunction Function { get; }
    protected OdeOptions Options { get; }
    protected ToleranceScale Tolerances { get; }

    public int Dimension { get; }

    /// <summary>Start and end of the last accepted step.</summary>
    public double TOld { get; protected set; }

    public double T { get; protected set; }

    /// <summary>State at <see cref="T"/> (owned by the stepper; read only).</summary>
    public double[] Y { get; protected set; }

    /// <summary>State at <see cref="TOld"/>.</summary>
    public double[] YOld { get; protected set; }

    public long Accepted { get; protected set; }
    public long Rejected { get; protected set; }
    public long Evaluations { get; protected set; }
    public long JacobianEvaluations { get; protected set; }
    public long Factorizations { get; protected set; }

    /// <summary>True when steps are clipped to land on every output time (fixed-step methods).</summary>
    public virtual bool LandsOnOutputTimes => false;

    /// <summary>Sets the initial point; <paramref name="tFinal"/> bounds the first step.</summary>
    public abstract void Initialize(double t0, ReadOnlySpan<double> y0, double tFinal);

    /// <summary>Takes one accepted step that ends at or before <paramref name="tEnd"/> (exactly on it when it reaches it).</summary>
    public abstract StepOutcome Step(double tEnd);

    /// <summary>The solution at <paramref name="t"/> in [<see cref="TOld"/>, <see cref="T"/>] from the method's dense output.</summary>
    public abstract void Interpolate(double t, double[] result);

    protected void Evaluate(double t, double[] y, double[] dydt)
    {
        Evaluations++;
        Function(t, y, dydt);
    }

    /// <summary>True when every entry is finite.</summary>
    protected static bool AllFinite(double[] v)
    {
        foreach (var x in v)
            if (!double.IsFinite(x)) return false;
        return true;
    }

    /// <summary>Smallest step that still changes t: below it the run cannot progress.</summary>
    protected static double MinimumStep(double t) => 16 * Math.Max(double.Epsilon, Math.Abs(Math.BitIncrement(t) - t));
}
