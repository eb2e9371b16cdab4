using ImplicitReg.Numerics.Integrators;

namespace ImplicitReg.Numerics.Tests.Integrators;

/// <summary>
/// MathNet's model for ODE tests: solve problems with exact solutions at h, h/2, h/4, h/8 and check that the
/// observed order log₂(e(h)/e(h/2)) is the method's order, for autonomous and time-dependent right sides.
/// </summary>
public sealed class ConvergenceOrderTests
{
    private static void AssertOrder(double expected, double[] observed, string what)
    {
        foreach (var p in observed)
            Assert.True(Math.Abs(p - expected) <= Tolerances.Order,
                $"{what}: observed orders {string.Join(", ", observed.Select(o => o.ToString("F4")))}, expected {expected}");
    }

    // The largest step h of each row is where the problem's error is in the asymptotic range for that method
    // and its h/8 error is still far above rounding (found by tabulating the error over h = 2^-1 … 2^-12).

    [Theory]
    [InlineData("oscillator", 1.0 / 32)]
    [InlineData("y'=1+y^2", 1.0 / 128)]
    [InlineData("y'=y*cos(t)", 1.0 / 64)]
    [InlineData("rotation at rate 1+cos(t)/2", 1.0 / 16)]
    public void RungeKutta4HasOrderFour(string name, double h) =>
        AssertOrder(4, OrderProblem.ObservedOrders(h => OrderProblem.Named(name).ErrorAt(OdeMethod.RungeKutta4, h), h), name);

    [Theory]
    [InlineData("oscillator", 1.0 / 16)]
    [InlineData("logistic", 1.0 / 8)]
    [InlineData("y'=y*cos(t)", 1.0 / 16)]
    [InlineData("rotation at rate 1+cos(t)/2", 1.0 / 16)]
    public void DormandPrinceWithEqualStepsHasOrderFive(string name, double h) =>
        AssertOrder(5, OrderProblem.ObservedOrders(h => OrderProblem.Named(name).ErrorAt(OdeMethod.DormandPrince5, h), h), name);

    [Theory]
    [InlineData("oscillator", 1.0 / 32)]
    [InlineData("y'=1+y^2", 1.0 / 512)]
    [InlineData("y'=y*cos(t)", 1.0 / 256)]
    [InlineData("rotation at rate 1+cos(t)/2", 1.0 / 16)]
    public void RosenbrockWithEqualStepsHasOrderTwo(string name, double h) =>
        AssertOrder(2, OrderProblem.ObservedOrders(h => OrderProblem.Named(name).ErrorAt(OdeMethod.Rosenbrock23, h), h), name);

    [Fact]
    public void ExplicitEulerIsRejectedAsOrderFourByTheSameCheck()
    {
        // Negative control: a first-order method must fail the order-4 assertion used above.
        var problem = OrderProblem.TimeDependent;
        double Euler(double h)
        {
            double t = problem.T0, y = problem.Y0[0];
            var steps = (int)Math.Round((problem.T1 - problem.T0) / h);
            for (int k = 0; k < steps; k++, t = problem.T0 + k * h) y += h * y * Math.Cos(t);
            return Math.Abs(y - problem.Exact(problem.T1)[0]);
        }
        var observed = OrderProblem.ObservedOrders(Euler, 1.0 / 256);
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertOrder(4, observed, "euler"));
        AssertOrder(1, observed, "euler"); // and it is order one
    }

    [Fact]
    public void AStageEvaluatedAtTheWrongTimeLosesTheOrder()
    {
        // Negative control for time-dependent right sides (MathNet's RK2 bug): freezing t at the start of each
        // step is invisible on autonomous problems but drops RK4 to order one on y' = y·cos t.
        var problem = OrderProblem.TimeDependent;
        OdeFunction frozen = (_, y, dy) => { };
        double stepStart = 0;
        frozen = (t, y, dy) => dy[0] = y[0] * Math.Cos(stepStart);
        double Error(double h)
        {
            var sol = Ode.Solve(OdeMethod.RungeKutta4, frozen, 0, [1.0], problem.T1,
                new OdeOptions { FixedStep = h, OnStep = t => stepStart = t });
            stepStart = 0;
            return Math.Abs(sol.FinalState[0] - problem.Exact(problem.T1)[0]);
        }
        var observed = OrderProblem.ObservedOrders(Error, 1.0 / 64);
        Assert.Throws<Xunit.Sdk.TrueException>(() => AssertOrder(4, observed, "frozen t"));
    }

    [Fact]
    public void AnExactJacobianGivesTheSameOrderAsFiniteDifferences()
    {
        var problem = OrderProblem.TimeDependentSystem;
        // f = ω(t)·(−y, x) with ω = 1 + cos(t)/2.
        OdeJacobian jacobian = (t, y, j, dfdt) =>
        {
            var w = 1 + 0.5 * Math.Cos(t);
            j[0] = 0; j[1] = -w; j[2] = w; j[3] = 0;
            dfdt[0] = 0.5 * Math.Sin(t) * y[1];
            dfdt[1] = -0.5 * Math.Sin(t) * y[0];
        };
        AssertOrder(2, OrderProblem.ObservedOrders(h => problem.ErrorAt(OdeMethod.Rosenbrock23, h, jacobian), 1.0 / 16), "exact J");
    }
}
