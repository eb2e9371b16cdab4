using ImplicitReg.Numerics.Integrators;

namespace ImplicitReg.Numerics.Tests.Integrators;

/// <summary>Initial value problems with closed-form solutions, autonomous and time dependent.</summary>
public sealed record OrderProblem(string Name, OdeFunction Function, double T0, double[] Y0, double T1, Func<double, double[]> Exact)
{
    public override string ToString() => Name;

    /// <summary>x' = −y, y' = x: the rotation (cos t, sin t), over several periods.</summary>
    public static readonly OrderProblem Oscillator = new(
        "oscillator", (t, y, dy) => { dy[0] = -y[1]; dy[1] = y[0]; },
        0, [1, 0], 20, t => [Math.Cos(t), Math.Sin(t)]);

    /// <summary>y' = y·(1 − y): the logistic curve 1/(1 + 99e^(−t)) through its steep phase, nonlinear.</summary>
    public static readonly OrderProblem Logistic = new(
        "logistic", (t, y, dy) => dy[0] = y[0] * (1 - y[0]),
        0, [0.01], 4, t => [1 / (1 + 99 * Math.Exp(-t))]);

    /// <summary>y' = 1 + y²: y = tan t, nonlinear and steepening towards π/2.</summary>
    public static readonly OrderProblem Tangent = new(
        "y'=1+y^2", (t, y, dy) => dy[0] = 1 + y[0] * y[0],
        0, [0], 1.25, t => [Math.Tan(t)]);

    /// <summary>y' = y·cos t: y = exp(sin t); the right side depends on t.</summary>
    public static readonly OrderProblem TimeDependent = new(
        "y'=y*cos(t)", (t, y, dy) => dy[0] = y[0] * Math.Cos(t),
        0, [1], 20, t => [Math.Exp(Math.Sin(t))]);

    /// <summary>x' = −ω(t)·y, y' = ω(t)·x with ω = 1 + cos(t)/2: x = cos θ, y = sin θ, θ = t + sin(t)/2.</summary>
    public static readonly OrderProblem TimeDependentSystem = new(
        "rotation at rate 1+cos(t)/2",
        (t, y, dy) =>
        {
            var w = 1 + 0.5 * Math.Cos(t);
            dy[0] = -w * y[1];
            dy[1] = w * y[0];
        },
        0, [1, 0], 20, t => [Math.Cos(t + 0.5 * Math.Sin(t)), Math.Sin(t + 0.5 * Math.Sin(t))]);

    public static OrderProblem Named(string name) =>
        new[] { Oscillator, Logistic, Tangent, TimeDependent, TimeDependentSystem }.Single(p => p.Name == name);

    /// <summary>Largest absolute error at t1 when solving with fixed step <paramref name="h"/>.</summary>
    public double ErrorAt(OdeMethod method, double h, OdeJacobian? jacobian = null)
    {
        var sol = Ode.Solve(method, Function, T0, Y0, T1, new OdeOptions { FixedStep = h, StoreOutput = false, Jacobian = jacobian });
        Assert.Equal(OdeStatus.Completed, sol.Status);
        Assert.Equal(T1, sol.FinalTime);
        var exact = Exact(T1);
        return exact.Select((v, i) => Math.Abs(v - sol.FinalState[i])).Max();
    }

    /// <summary>Observed orders log₂(e(h)/e(h/2)) for h, h/2, h/4, h/8.</summary>
    public static double[] ObservedOrders(Func<double, double> error, double h)
    {
        var e = Enumerable.Range(0, 4).Select(k => error(h / (1 << k))).ToArray();
        return [.. Enumerable.Range(0, 3).Select(k => Math.Log2(e[k] / e[k + 1]))];
    }
}
