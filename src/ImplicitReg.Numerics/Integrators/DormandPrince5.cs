namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// Adaptive Dormand–Prince 5(4): advances with the 5th-order solution (local extrapolation), controls the
/// step with the embedded 4th-order one through a PI controller (Gustafsson; Hairer's β = 0.04), and
/// interpolates with Shampine's 4th-order dense output. With <see cref="OdeOptions.FixedStep"/> it takes
/// equal steps without error control (how its order is measured).
/// </summary>
internal sealed partial class DormandPrince5 : OdeStepper
{
    private const int Stages = 7;
    private const double Safety = 0.9;
    private const double MinFactor = 0.2;
    private const double MaxFactor = 10;
    private const double Beta = 0.04;             // PI controller memory (Hairer's DOPRI5 default)
    private const double Alpha = 0.2 - 0.75 * Beta; // 1/5 for the order-4 estimate, less the PI share

    private double[][] _k;        // stages of the step being tried
    private double[][] _kDense;   // stages of the last accepted step (dense output)
    private readonly double[] _yNew;
    private readonly double[] _stage;
    private readonly double[] _error;
    private double _h;
    private double _hAccepted;
    private double _previousError = 1e-4;
    private bool _lastRejected;

    public DormandPrince5(OdeFunction function, int dimension, OdeOptions options)
        : base(function, dimension, options)
    {
        _k = NewStages(dimension);
        _kDense = NewStages(dimension);
        _yNew = new double[dimension];
        _stage = new double[dimension];
        _error = new double[dimension];
    }

    private static double[][] NewStages(int n)
    {
        var k = new double[Stages][];
        for (int i = 0; i < Stages; i++) k[i] = new double[n];
        return k;
    }

    public override void Initialize(double t0, ReadOnlySpan<double> y0, double tFinal)
    {
        T = TOld = t0;
        y0.CopyTo(Y);
        y0.CopyTo(YOld);
        Evaluate(t0, Y, _k[0]);
        if (Options.FixedStep is { } fixedStep)
        {
            if (!(fixedStep > 0)) throw new ArgumentException("the fixed step must be positive");
            _h = fixedStep;
        }
        else
        {
            _h = Options.InitialStep ?? Tolerances.InitialStep(Function, t0, Y, _k[0], tFinal, 4, Options.MaxStep,
                () => Evaluations++);
        }
    }

    public override StepOutcome Step(double tEnd)
    {
        var fixedStep = Options.FixedStep is not null;
        bool sawNonFinite = false;
        while (true)
        {
            var h = fixedStep ? Options.FixedStep!.Value : Math.Min(_h, Options.MaxStep);
            // Equal steps drift from the grid by rounding; snap to the end instead of taking a sliver step.
            var reachesEnd = T + h >= tEnd - (fixedStep ? 1e-7 * h : MinimumStep(tEnd));
            if (reachesEnd) h = tEnd - T;
            if (h < MinimumStep(T)) return sawNonFinite ? StepOutcome.NonFinite : StepOutcome.StepTooSmall;

            TryStep(h);
            double err = fixedStep ? 0 : ErrorNorm(h);
            if (!AllFinite(_yNew) || double.IsNaN(err) || double.IsInfinity(err))
            {
                if (fixedStep) return StepOutcome.NonFinite;
                // Overflow inside the stages: shrink hard and retry; a real blow-up ends as StepTooSmall/NonFinite.
                sawNonFinite = true;
                Rejected++;
                _h = h * 0.1;
                _lastRejected = true;
                continue;
            }
            if (err <= 1)
            {
                Accept(h, reachesEnd ? tEnd : T + h);
                if (!fixedStep) _h = h * NextFactor(err);
                return StepOutcome.Accepted;
            }
            Rejected++;
            _lastRejected = true;
            _h = h * Math.Max(MinFactor, Safety * Math.Pow(err, -0.2));
        }
    }

    /// <summary>PI step-size factor after an accepted step with error norm <paramref name="err"/>.</summary>
    private double NextFactor(double err)
    {
        double factor = err == 0
            ? MaxFactor
            : Safety * Math.Pow(err, -Alpha) * Math.Pow(_previousError, Beta);
        factor = Math.Clamp(factor, MinFactor, MaxFactor);
        if (_lastRejected) factor = Math.Min(factor, 1); // never grow right after a rejection
        _previousError = Math.Max(err, 1e-4);
        _lastRejected = false;
        return factor;
    }

    /// <summary>The six new stages of a step of size h (written out: the generic tableau loop cost more than the
    /// right-hand side on small systems).</summary>
    private void TryStep(double h)
    {
        int n = Dimension;
        var y = Y;
        var st = _stage;
        double[] k0 = _k[0], k1 = _k[1], k2 = _k[2], k3 = _k[3], k4 = _k[4], k5 = _k[5], k6 = _k[6];
        var a = A;
        double a10 = a[1][0];
        double a20 = a[2][0], a21 = a[2][1];
        double a30 = a[3][0], a31 = a[3][1], a32 = a[3][2];
        double a40 = a[4][0], a41 = a[4][1], a42 = a[4][2], a43 = a[4][3];
        double a50 = a[5][0], a51 = a[5][1], a52 = a[5][2], a53 = a[5][3], a54 = a[5][4];
        double a60 = a[6][0], a62 = a[6][2], a63 = a[6][3], a64 = a[6][4], a65 = a[6][5];
        for (int i = 0; i < n; i++) st[i] = y[i] + h * (a10 * k0[i]);
        Evaluate(T + C[1] * h, st, k1);
        for (int i = 0; i < n; i++) st[i] = y[i] + h * (a20 * k0[i] + a21 * k1[i]);
        Evaluate(T + C[2] * h, st, k2);
        for (int i = 0; i < n; i++) st[i] = y[i] + h * (a30 * k0[i] + a31 * k1[i] + a32 * k2[i]);
        Evaluate(T + C[3] * h, st, k3);
        for (int i = 0; i < n; i++) st[i] = y[i] + h * (a40 * k0[i] + a41 * k1[i] + a42 * k2[i] + a43 * k3[i]);
        Evaluate(T + C[4] * h, st, k4);
        for (int i = 0; i < n; i++) st[i] = y[i] + h * (a50 * k0[i] + a51 * k1[i] + a52 * k2[i] + a53 * k3[i] + a54 * k4[i]);
        Evaluate(T + C[5] * h, st, k5);
        var yNew = _yNew;
        for (int i = 0; i < n; i++) yNew[i] = y[i] + h * (a60 * k0[i] + a62 * k2[i] + a63 * k3[i] + a64 * k4[i] + a65 * k5[i]);
        Evaluate(T + h, yNew, k6);
    }

    private double ErrorNorm(double h)
    {
        double[] k0 = _k[0], k2 = _k[2], k3 = _k[3], k4 = _k[4], k5 = _k[5], k6 = _k[6];
        double e0 = E[0], e2 = E[2], e3 = E[3], e4 = E[4], e5 = E[5], e6 = E[6];
        var err = _error;
        for (int i = 0; i < Dimension; i++)
            err[i] = h * (e0 * k0[i] + e2 * k2[i] + e3 * k3[i] + e4 * k4[i] + e5 * k5[i] + e6 * k6[i]);
        return Tolerances.Norm(err, Y, _yNew);
    }

    private void Accept(double h, double tNew)
    {
        Accepted++;
        (YOld, Y) = (Y, YOld);
        Array.Copy(_yNew, Y, Dimension);
        TOld = T;
        T = tNew;
        _hAccepted = h;
        (_kDense, _k) = (_k, _kDense);
        Array.Copy(_kDense[Stages - 1], _k[0], Dimension); // first same as last
    }

    public override void Interpolate(double t, double[] result)
    {
        if (_hAccepted == 0 || t == T)
        {
            Array.Copy(Y, result, Dimension);
            return;
        }
        var h = _hAccepted;
        var theta = (t - TOld) / h;
        Span<double> w = stackalloc double[Stages];
        for (int j = 0; j < Stages; j++)
        {
            var p = P[j];
            w[j] = theta * (p[0] + theta * (p[1] + theta * (p[2] + theta * p[3])));
        }
        for (int i = 0; i < Dimension; i++)
        {
            double acc = 0;
            for (int j = 0; j < Stages; j++) acc += w[j] * _kDense[j][i];
            result[i] = YOld[i] + h * acc;
        }
    }
}
