namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// Per-component tolerances and Hairer's weighted RMS error norm
/// <c>‖e‖ = sqrt(mean_i (e_i / (atol_i + rtol_i·max(|y_i|, |ŷ_i|)))²)</c>; a step is acceptable when ‖e‖ ≤ 1.
/// </summary>
internal sealed class ToleranceScale
{
    private readonly double[] _relative;
    private readonly double[] _absolute;

    public ToleranceScale(int dimension, OdeOptions options)
    {
        _relative = Expand(options.RelativeTolerances, options.RelativeTolerance, dimension, "relative");
        _absolute = Expand(options.AbsoluteTolerances, options.AbsoluteTolerance, dimension, "absolute");
    }

    private static double[] Expand(IReadOnlyList<double>? perComponent, double scalar, int n, string what)
    {
        var r = new double[n];
        if (perComponent is not null && perComponent.Count != n)
            throw new ArgumentException($"{perComponent.Count} {what} tolerances given for {n} components");
        for (int i = 0; i < n; i++)
        {
            var v = perComponent?[i] ?? scalar;
            if (!(v >= 0) || double.IsInfinity(v))
                throw new ArgumentException($"{what} tolerance {v} of component {i} must be finite and non-negative");
            r[i] = v;
        }
        return r;
    }

    /// <summary>Weighted RMS norm of <paramref name="error"/> relative to the states before and after the step.</summary>
    public double Norm(ReadOnlySpan<double> error, ReadOnlySpan<double> before, ReadOnlySpan<double> after)
    {
        if (error.Length == 0) return 0;
        double sum = 0;
        for (int i = 0; i < error.Length; i++)
        {
            var scale = _absolute[i] + _relative[i] * Math.Max(Math.Abs(before[i]), Math.Abs(after[i]));
            var e = error[i] / scale;
            sum += e * e;
        }
        return Math.Sqrt(sum / error.Length);
    }

    /// <summary>Weighted RMS norm of a vector relative to one state (for the initial-step estimate).</summary>
    public double Norm(ReadOnlySpan<double> v, ReadOnlySpan<double> y) => Norm(v, y, y);

    /// <summary>
    /// Hairer's starting step (Solving ODEs I, II.4): a step whose explicit-Euler error estimate matches the
    /// tolerance for a method whose local error is of order <paramref name="errorOrder"/>.
    /// </summary>
    public double InitialStep(OdeFunction f, double t0, double[] y0, double[] f0, double tFinal, int errorOrder,
        double maxStep, Action countEvaluation)
    {
        var span = tFinal - t0;
        var d0 = Norm(y0, y0);
        var d1 = Norm(f0, y0);
        var h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
        h0 = Math.Min(h0, span);
        var y1 = new double[y0.Length];
        for (int i = 0; i < y0.Length; i++) y1[i] = y0[i] + h0 * f0[i];
        var f1 = new double[y0.Length];
        countEvaluation();
        f(t0 + h0, y1, f1);
        for (int i = 0; i < y0.Length; i++) y1[i] = f1[i] - f0[i];
        var d2 = Norm(y1, y0) / h0;
        double h1 = Math.Max(d1, d2) <= 1e-15
            ? Math.Max(1e-6, h0 * 1e-3)
            : Math.Pow(0.01 / Math.Max(d1, d2), 1.0 / (errorOrder + 1));
        var h = Math.Min(Math.Min(100 * h0, h1), Math.Min(maxStep, span));
        return double.IsFinite(h) && h > 0 ? h : Math.Min(span, 1e-6);
    }
}
