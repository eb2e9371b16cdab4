using ImplicitReg.Numerics.Integrators;

namespace ImplicitReg.Numerics.Tests.Integrators;

public sealed class DenseOutputTests
{
    private static double InterpolationError(OdeMethod method, OrderProblem p, double h)
    {
        // Points strictly inside steps (never on the grid), so the values come from the interpolant.
        var times = Enumerable.Range(1, 40).Select(k => p.T0 + (p.T1 - p.T0) * (k - 0.37) / 40).ToArray();
        var sol = Ode.Solve(method, p.Function, p.T0, p.Y0, p.T1, new OdeOptions { FixedStep = h, OutputTimes = times });
        Assert.Equal(times, sol.Times);
        return times.Select((t, k) => p.Exact(t).Select((v, i) => Math.Abs(v - sol.States[k][i])).Max()).Max();
    }

    [Fact]
    public void DormandPrinceDenseOutputConvergesAtTheOrderOfTheMethod()
    {
        // Shampine's interpolant has local error O(h⁵), the same as the global error of the 5th-order solution,
        // so values between steps converge at order 5 like the steps themselves.
        var p = OrderProblem.TimeDependentSystem;
        var observed = OrderProblem.ObservedOrders(h => InterpolationError(OdeMethod.DormandPrince5, p, h), 1.0 / 16);
        Assert.All(observed, o => Assert.InRange(o, 5 - 2 * Tolerances.Order, 5 + 2 * Tolerances.Order));
    }

    [Fact]
    public void RungeKutta4LandsOnOutputTimesExactly()
    {
        // Steps are clipped to land on each requested time, so the result equals an RK4 run stopped there.
        var p = OrderProblem.Oscillator;
        var withOutputs = Ode.Solve(OdeMethod.RungeKutta4, p.Function, 0, p.Y0, 1, new OdeOptions { FixedStep = 0.1, OutputTimes = [0.25, 1] });
        var direct = Ode.Solve(OdeMethod.RungeKutta4, p.Function, 0, p.Y0, 0.25, new OdeOptions { FixedStep = 0.1 });
        Assert.Equal(direct.FinalState, withOutputs.States[0]);
        Assert.Equal([0.25, 1.0], withOutputs.Times);
    }

    [Fact]
    public void RosenbrockInterpolantConvergesAtOrderTwo()
    {
        var p = OrderProblem.TimeDependentSystem;
        var observed = OrderProblem.ObservedOrders(h => InterpolationError(OdeMethod.Rosenbrock23, p, h), 1.0 / 16);
        Assert.All(observed, o => Assert.InRange(o, 2 - Tolerances.Order, 2 + 2 * Tolerances.Order));
    }

    [Fact]
    public void OutputTimesOutsideTheIntervalAreRejected() =>
        Assert.Throws<ArgumentException>(() => Ode.Solve(OdeMethod.DormandPrince5, (t, y, dy) => dy[0] = 1, 0, [0.0], 1,
            new OdeOptions { OutputTimes = [0.5, 2] }));

    [Fact]
    public void AdaptiveDenseOutputMeetsTheTolerance()
    {
        var p = OrderProblem.Oscillator;
        var times = Enumerable.Range(0, 201).Select(k => k * 0.1).ToArray();
        var sol = Ode.Solve(OdeMethod.DormandPrince5, p.Function, 0, p.Y0, 20,
            new OdeOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12, OutputTimes = times });
        Assert.Equal(201, sol.Times.Count);
        var worst = times.Select((t, k) => Math.Abs(sol.States[k][0] - Math.Cos(t))).Max();
        Assert.True(worst < 1e-8, $"worst dense-output error {worst:E2}");
        var plain = Ode.Solve(OdeMethod.DormandPrince5, p.Function, 0, p.Y0, 20,
            new OdeOptions { RelativeTolerance = 1e-10, AbsoluteTolerance = 1e-12 });
        Assert.Equal(plain.Statistics, sol.Statistics); // output times cost no steps: they are interpolated
    }
}
