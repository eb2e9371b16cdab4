namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// The classical fixed-step Runge–Kutta method of order 4. Steps are clipped to land exactly on output
/// times (so reported values carry the method's own order); between steps, for events, the solution is the
/// cubic Hermite interpolant of the end values and slopes (error O(h⁴), matching the method).
/// </summary>
internal sealed class RungeKutta4 : OdeStepper
{
    private readonly double[] _k1;
    private readonly double[] _k2;
    private readonly double[] _k3;
    private readonly double[] _k4;
    private readonly double[] _stage;
    private readonly double[] _fOld;
    private double _h;

    public RungeKutta4(OdeFunction function, int dimension, OdeOptions options)
        : base(function, dimension, options)
    {
        _k1 = new double[dimension];
        _k2 = new double[dimension];
        _k3 = new double[dimension];
        _k4 = new double[dimension];
        _stage = new double[dimension];
        _fOld = new double[dimension];
    }

    public override bool LandsOnOutputTimes => true;

    public override void Initialize(double t0, ReadOnlySpan<double> y0, double tFinal)
    {
        _h = Options.FixedStep
             ?? throw new ArgumentException("the RK4 method needs a step size (OdeOptions.FixedStep)");
        if (!(_h > 0) || double.IsInfinity(_h)) throw new ArgumentException($"the RK4 step {_h} must be positive and finite");
        T = TOld = t0;
        y0.CopyTo(Y);
        y0.CopyTo(YOld);
        Evaluate(t0, Y, _k1);
    }

    public override StepOutcome Step(double tEnd)
    {
        var h = _h;
        var reachesEnd = T + h >= tEnd - 1e-7 * h; // snap to the target instead of a sliver step
        if (reachesEnd) h = tEnd - T;
        if (h < MinimumStep(T)) return StepOutcome.StepTooSmall;
        int n = Dimension;
        var y = Y;
        for (int i = 0; i < n; i++) _stage[i] = y[i] + 0.5 * h * _k1[i];
        Evaluate(T + 0.5 * h, _stage, _k2);
        for (int i = 0; i < n; i++) _stage[i] = y[i] + 0.5 * h * _k2[i];
        Evaluate(T + 0.5 * h, _stage, _k3);
        for (int i = 0; i < n; i++) _stage[i] = y[i] + h * _k3[i];
        Evaluate(T + h, _stage, _k4);
        Array.Copy(Y, YOld, n);
        for (int i = 0; i < n; i++) Y[i] = YOld[i] + h / 6 * (_k1[i] + 2 * _k2[i] + 2 * _k3[i] + _k4[i]);
        TOld = T;
        T = reachesEnd ? tEnd : T + h;
        Accepted++;
        if (!AllFinite(Y)) return StepOutcome.NonFinite;
        Array.Copy(_k1, _fOld, n);
        Evaluate(T, Y, _k1); // slope at the new point: the next step's first stage and the Hermite end slope
        return StepOutcome.Accepted;
    }

    public override void Interpolate(double t, double[] result)
    {
        var h = T - TOld;
        if (h == 0 || t == T)
        {
            Array.Copy(Y, result, Dimension);
            return;
        }
        var s = (t - TOld) / h;
        // Cubic Hermite basis on [0, 1].
        var h00 = (1 + 2 * s) * (1 - s) * (1 - s);
        var h10 = s * (1 - s) * (1 - s);
        var h01 = s * s * (3 - 2 * s);
        var h11 = s * s * (s - 1);
        for (int i = 0; i < Dimension; i++)
            result[i] = h00 * YOld[i] + h10 * h * _fOld[i] + h01 * Y[i] + h11 * h * _k1[i];
    }
}
