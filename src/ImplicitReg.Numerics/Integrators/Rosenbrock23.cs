namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// The modified Rosenbrock triple of Shampine and Reichelt ("The MATLAB ODE Suite", SIAM J. Sci. Comput. 18,
/// 1997, §4.1; MATLAB's ode23s): an L-stable, linearly implicit formula of order 2 with a 3rd-order error
/// estimate and a free quadratic interpolant, for stiff problems. With W = I − h·d·J, d = 1/(2 + √2):
/// <code>
/// k1 = W⁻¹(F0 + h·d·∂f/∂t)
/// F1 = f(t + h/2, y + h/2·k1);   k2 = W⁻¹(F1 − k1) + k1;   y_new = y + h·k2
/// F2 = f(t + h, y_new);          k3 = W⁻¹(F2 − e32·(k2 − F1) − 2(k1 − F0) + h·d·∂f/∂t),  e32 = 6 + √2
/// error = h/6·(k1 − 2k2 + k3)
/// </code>
/// The Jacobian and ∂f/∂t come from <see cref="OdeOptions.Jacobian"/> or forward differences, once per step
/// (reused when the step is retried).
/// </summary>
internal sealed class Rosenbrock23 : OdeStepper
{
    private static readonly double D = 1 / (2 + Math.Sqrt(2));
    private static readonly double E32 = 6 + Math.Sqrt(2);
    private const double Safety = 0.8;
    private const double MinFactor = 0.2;
    private const double MaxFactor = 5;

    private readonly DenseLu _lu;
    private readonly double[] _jacobian;
    private readonly double[] _dfdt;
    private readonly double[] _f0;
    private readonly double[] _f1;
    private readonly double[] _f2;
    private readonly double[] _k1;
    private readonly double[] _k2;
    private readonly double[] _k3;
    private readonly double[] _work;
    private readonly double[] _yNew;
    private readonly double[] _denseK1;
    private readonly double[] _denseK2;
    private double _h;
    private double _hAccepted;

    public Rosenbrock23(OdeFunction function, int dimension, OdeOptions options)
        : base(function, dimension, options)
    {
        int n = dimension;
        _lu = new DenseLu(n);
        _jacobian = new double[n * n];
        _dfdt = new double[n];
        _f0 = new double[n];
        _f1 = new double[n];
        _f2 = new double[n];
        _k1 = new double[n];
        _k2 = new double[n];
        _k3 = new double[n];
        _work = new double[n];
        _yNew = new double[n];
        _denseK1 = new double[n];
        _denseK2 = new double[n];
    }

    public override void Initialize(double t0, ReadOnlySpan<double> y0, double tFinal)
    {
        T = TOld = t0;
        y0.CopyTo(Y);
        y0.CopyTo(YOld);
        Evaluate(t0, Y, _f0);
        if (Options.FixedStep is { } fixedStep)
        {
            if (!(fixedStep > 0)) throw new ArgumentException("the fixed step must be positive");
            _h = fixedStep;
        }
        else
        {
            _h = Options.InitialStep ?? Tolerances.InitialStep(Function, t0, Y, _f0, tFinal, 2, Options.MaxStep,
                () => Evaluations++);
        }
    }

    public override StepOutcome Step(double tEnd)
    {
        var fixedStep = Options.FixedStep is not null;
        FormJacobian();
        bool sawNonFinite = false;
        while (true)
        {
            var h = fixedStep ? Options.FixedStep!.Value : Math.Min(_h, Options.MaxStep);
            var reachesEnd = T + h >= tEnd - (fixedStep ? 1e-7 * h : MinimumStep(tEnd));
            if (reachesEnd) h = tEnd - T;
            if (h < MinimumStep(T)) return sawNonFinite ? StepOutcome.NonFinite : StepOutcome.StepTooSmall;

            bool factored = TryStep(h, out var err);
            if (!factored || !AllFinite(_yNew) || !double.IsFinite(err))
            {
                if (fixedStep) return StepOutcome.NonFinite;
                sawNonFinite = true;
                Rejected++;
                _h = h * 0.1;
                continue;
            }
            if (fixedStep || err <= 1)
            {
                Accepted++;
                TOld = T;
                T = reachesEnd ? tEnd : T + h;
                Array.Copy(Y, YOld, Dimension);
                Array.Copy(_yNew, Y, Dimension);
                Array.Copy(_k1, _denseK1, Dimension);
                Array.Copy(_k2, _denseK2, Dimension);
                Array.Copy(_f2, _f0, Dimension); // f at the new point starts the next step
                _hAccepted = h;
                if (!fixedStep)
                    _h = h * Math.Clamp(err == 0 ? MaxFactor : Safety * Math.Pow(err, -1.0 / 3), MinFactor, MaxFactor);
                return StepOutcome.Accepted;
            }
            Rejected++;
            _h = h * Math.Max(MinFactor, Safety * Math.Pow(err, -1.0 / 3));
        }
    }

    private bool TryStep(double h, out double err)
    {
        int n = Dimension;
        var m = _lu.Matrix;
        var hd = h * D;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                m[i * n + j] = (i == j ? 1 : 0) - hd * _jacobian[i * n + j];
        Factorizations++;
        err = double.NaN;
        if (!_lu.Factor()) return false;

        for (int i = 0; i < n; i++) _k1[i] = _f0[i] + hd * _dfdt[i];
        _lu.Solve(_k1);
        for (int i = 0; i < n; i++) _work[i] = Y[i] + 0.5 * h * _k1[i];
        Evaluate(T + 0.5 * h, _work, _f1);
        for (int i = 0; i < n; i++) _k2[i] = _f1[i] - _k1[i];
        _lu.Solve(_k2);
        for (int i = 0; i < n; i++)
        {
            _k2[i] += _k1[i];
            _yNew[i] = Y[i] + h * _k2[i];
        }
        Evaluate(T + h, _yNew, _f2);
        for (int i = 0; i < n; i++)
            _k3[i] = _f2[i] - E32 * (_k2[i] - _f1[i]) - 2 * (_k1[i] - _f0[i]) + hd * _dfdt[i];
        _lu.Solve(_k3);
        for (int i = 0; i < n; i++) _work[i] = h / 6 * (_k1[i] - 2 * _k2[i] + _k3[i]);
        err = Tolerances.Norm(_work, Y, _yNew);
        return true;
    }

    private void FormJacobian()
    {
        JacobianEvaluations++;
        if (Options.Jacobian is { } jacobian)
        {
            jacobian(T, Y, _jacobian, _dfdt);
            return;
        }
        // Forward differences with steps √ε·max(1, |·|): error O(√ε) in J, harmless to the order-2 formula.
        int n = Dimension;
        var sqrtEps = Math.Sqrt(2.220446049250313e-16);
        Array.Copy(Y, _work, n);
        for (int j = 0; j < n; j++)
        {
            var keep = _work[j];
            var delta = sqrtEps * Math.Max(1, Math.Abs(keep));
            _work[j] = keep + delta;
            delta = _work[j] - keep; // the step actually representable
            Evaluate(T, _work, _f1);
            for (int i = 0; i < n; i++) _jacobian[i * n + j] = (_f1[i] - _f0[i]) / delta;
            _work[j] = keep;
        }
        var dt = sqrtEps * Math.Max(1, Math.Abs(T));
        Evaluate(T + dt, Y, _f1);
        for (int i = 0; i < n; i++) _dfdt[i] = (_f1[i] - _f0[i]) / dt;
    }

    /// <summary>Shampine–Reichelt interpolant: y + h·(s(1−s)/(1−2d)·k1 + s(s−2d)/(1−2d)·k2), s = (t − t_old)/h.</summary>
    public override void Interpolate(double t, double[] result)
    {
        if (_hAccepted == 0 || t == T)
        {
            Array.Copy(Y, result, Dimension);
            return;
        }
        var h = _hAccepted;
        var s = (t - TOld) / h;
        var w1 = s * (1 - s) / (1 - 2 * D);
        var w2 = s * (s - 2 * D) / (1 - 2 * D);
        for (int i = 0; i < Dimension; i++) result[i] = YOld[i] + h * (w1 * _denseK1[i] + w2 * _denseK2[i]);
    }
}
