namespace ImplicitReg.Numerics.Integrators;

/// <summary>
/// Integrates <c>y' = f(t, y)</c> from t0 to t1 (t1 ≥ t0) with one of the <see cref="OdeMethod"/>s, reporting
/// the solution at requested times (dense output) or at every accepted step, locating events, and counting
/// work.
/// </summary>
/// <example>
/// <code>
/// var sol = Ode.Solve(OdeMethod.DormandPrince5, (t, y, dy) => { dy[0] = -y[1]; dy[1] = y[0]; },
///     0, [1.0, 0.0], 10, new OdeOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 });
/// </code>
/// </example>
public static class Ode
{
    /// <summary>Integrates y' = f(t, y) from (<paramref name="t0"/>, <paramref name="y0"/>) to <paramref name="t1"/> with <paramref name="method"/>.</summary>
    public static OdeSolution Solve(OdeMethod method, OdeFunction function, double t0, IReadOnlyList<double> y0,
        double t1, OdeOptions? options = null)
    {
        options ??= new OdeOptions();
        if (!double.IsFinite(t0) || !double.IsFinite(t1)) throw new ArgumentException("t0 and t1 must be finite");
        if (t1 < t0) throw new ArgumentException($"t1 = {t1} is before t0 = {t0}; integrate forward in time");
        var initial = y0.ToArray();
        if (!initial.All(double.IsFinite)) throw new ArgumentException("the initial state must be finite");
        OdeStepper stepper = method switch
        {
            OdeMethod.DormandPrince5 => new DormandPrince5(function, initial.Length, options),
            OdeMethod.RungeKutta4 => new RungeKutta4(function, initial.Length, options),
            OdeMethod.Rosenbrock23 => new Rosenbrock23(function, initial.Length, options),
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
        return OdeDriver.Run(stepper, t0, initial, t1, options);
    }

    /// <summary>The order of the solution each method advances with.</summary>
    public static int OrderOf(OdeMethod method) => method switch
    {
        OdeMethod.DormandPrince5 => 5,
        OdeMethod.RungeKutta4 => 4,
        OdeMethod.Rosenbrock23 => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(method)),
    };
}
